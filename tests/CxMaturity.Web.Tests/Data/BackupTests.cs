using System.Collections.Concurrent;
using CxMaturity.Web.Data;
using CxMaturity.Web.Data.Sqlite;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Data;

/// <summary>
/// An online backup taken while respondents save answers is a consistent database holding every answer acknowledged
/// before it began; restoring it checks the file first, and changes nothing when it is not a backup.
/// </summary>
public sealed class BackupTests : IAsyncLifetime
{
    private readonly CxWebApplicationFactory _factory = new() { Settings = new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" } };
    private readonly string _restoreDirectory = Path.Combine(Path.GetTempPath(), "cxmaturity-tests", "restore-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_restoreDirectory))
        {
            Directory.Delete(_restoreDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_backup_taken_while_answers_are_saved_restores_to_a_sound_database_with_every_answer_acknowledged_before_it()
    {
        var organisation = await _factory.CreateOrganisationWithRoundAsync();
        var questions = _factory.Model.Dimensions.SelectMany(d => d.Questions).Select(q => q.Id).ToList();
        var respondents = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            respondents.Add((await _factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id)).Respondent.Id);
        }

        // Four writers save one answer at a time and note each acknowledged save with the moment it was acknowledged.
        var acknowledged = new ConcurrentQueue<(int Respondent, string Question, int Level, long At)>();
        using var stop = new CancellationTokenSource();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var writers = respondents.Select(respondent => Task.Run(async () =>
        {
            var saves = 0;
            while (!stop.IsCancellationRequested)
            {
                var question = questions[saves % questions.Count];
                var level = 1 + (saves / questions.Count % 5);
                await _factory.GetService<QuestionnaireService>().SaveAsync(
                    RespondentRef.Member(organisation.Owner.Id, organisation.Round.Id, respondent), new SaveAnswersRequest([new AnswerInput(question, level)], false));
                acknowledged.Enqueue((respondent, question, level, clock.ElapsedTicks));
                saves++;
            }
        })).ToList();

        while (acknowledged.Count < 200)
        {
            await Task.Delay(10);
        }

        var file = Path.Combine(_factory.DataDirectory, "backups", "during-writes.cxbackup");
        var startedAt = clock.ElapsedTicks;
        await _factory.Services.GetRequiredService<SqliteBackupArchive>().CreateAsync(file);
        var countAfter = acknowledged.Count;
        while (acknowledged.Count < countAfter + 100)
        {
            await Task.Delay(10); // the writers went on during and after the backup
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);

        // Restored into a data directory of its own, as the restore command does with the app stopped.
        var restore = new SqliteBackupArchive(Microsoft.Extensions.Options.Options.Create(new DataOptions { Directory = _restoreDirectory }), TimeProvider.System);
        var (manifest, _) = await restore.RestoreAsync(file);
        Assert.Equal(SqliteBackupArchive.Format, manifest.Format);
        var database = Path.Combine(_restoreDirectory, DataOptions.DatabaseFileName);
        Assert.Equal("ok", await SqliteBackupArchive.IntegrityAsync(database));

        // The last acknowledged level of each answer saved before the backup began, at least, is in the copy
        // (a later save may have replaced it before the snapshot; never an older one).
        var before = acknowledged.Where(a => a.At < startedAt).GroupBy(a => (a.Respondent, a.Question)).ToDictionary(g => g.Key, g => g.Last());
        Assert.True(before.Count > 50);
        var copied = await AnswersAsync(database);
        var all = acknowledged.ToList();
        foreach (var (key, last) in before)
        {
            Assert.True(copied.TryGetValue(key, out var level), $"Answer {key} acknowledged before the backup is missing from it.");
            var acknowledgedSince = all.Where(a => (a.Respondent, a.Question) == key && a.At >= last.At).Select(a => a.Level).ToHashSet();
            Assert.Contains(level, acknowledgedSince);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_backup_is_refused_with_the_reason_and_nothing_is_changed()
    {
        await _factory.CreateOrganisationWithRoundAsync();
        var archive = _factory.Services.GetRequiredService<SqliteBackupArchive>();
        var notZip = Path.Combine(_factory.DataDirectory, "notes.txt");
        await File.WriteAllTextAsync(notZip, "not a backup");
        var before = Directory.GetFileSystemEntries(_factory.DataDirectory).Order(StringComparer.Ordinal).ToList();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => archive.RestoreAsync(notZip));

        Assert.StartsWith($"{notZip} cannot be restored: it is not a readable zip archive", refused.Errors["file"][0], StringComparison.Ordinal);
        Assert.EndsWith("Nothing was changed.", refused.Errors["file"][0], StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(_factory.DataDirectory).Order(StringComparer.Ordinal).ToList());
    }

    private static async Task<Dictionary<(int, string), int>> AnswersAsync(string database)
    {
        var answers = new Dictionary<(int, string), int>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT RespondentId, QuestionId, Level FROM Answers WHERE Level IS NOT NULL;";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            answers[(reader.GetInt32(0), reader.GetString(1))] = reader.GetInt32(2);
        }

        return answers;
    }
}
