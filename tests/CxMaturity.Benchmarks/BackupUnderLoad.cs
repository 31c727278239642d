using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using CxMaturity.Web.Data;
using CxMaturity.Web.Data.Sqlite;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Rounds;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CxMaturity.Benchmarks;

/// <summary>
/// An online backup of a large database while respondents save answers. Goal: the backup of 10 rounds × 2,000
/// respondents × 54 answers completes while 20 clients save answers, and the clients' p99 save latency stays within
/// 3× of the same run without a backup. The app runs in process (Production, a SQLite file, no job server); each
/// client saves one answer at a time, as fast as it can, through <see cref="QuestionnaireService.SaveAsync"/> — the
/// path the questionnaire page and the API call — for one respondent of the open round. A window without a backup,
/// then the same window with <see cref="SqliteBackupArchive.CreateAsync"/> started a second in (continued until the
/// backup ends, if it lasts longer), repeated. Then every acknowledged save is checked in the database and each backup
/// restored into a folder of its own and checked with <c>PRAGMA integrity_check</c>.
/// <para>
/// <c>dotnet run -c Release --project tests/CxMaturity.Benchmarks -- backup-under-load [seconds=20] [clients=20]
/// [respondents=2000] [rounds=10] [repeat=2]</c>
/// </para>
/// </summary>
public static class BackupUnderLoad
{
    private const string Model = "cx-maturity";

    public static async Task RunAsync(TextWriter output, string[] args)
    {
        var seconds = Setting(args, "seconds", 20);
        var clients = Setting(args, "clients", 20);
        var respondents = Setting(args, "respondents", 2_000);
        var rounds = Setting(args, "rounds", 10);
        var repeat = Setting(args, "repeat", 2);

        var dataDirectory = Path.Combine(Path.GetTempPath(), "cxmaturity-bench", Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CXMATURITY_WEB", WebProjectDirectory());
        await using var factory = new WebApplicationFactory<AppDbContext>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Jobs:RunServer", "false");
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Data:Directory"] = dataDirectory,
                ["Demo:Enabled"] = "false",
                ["Backup:Cron"] = "",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
        });
        try
        {
            var world = await SeedAsync(factory.Services, rounds, respondents, clients, output);
            var database = factory.Services.GetRequiredService<IOptions<DataOptions>>().Value.DatabasePath;
            output.WriteLine($"Database: {new FileInfo(database).Length / 1_048_576.0:0.0} MB; {clients} clients, windows of {seconds} s, {repeat} × (without, with a backup)");

            var acknowledged = new ConcurrentDictionary<(int Respondent, string Question), int>();
            var counter = new int[1];
            output.WriteLine("Warm-up (5 s) …");
            await RunWindowAsync(factory.Services, world, TimeSpan.FromSeconds(5), backup: null, acknowledged, counter);

            var rows = new List<string>();
            var backups = new List<string>();
            for (var run = 1; run <= repeat; run++)
            {
                var without = await RunWindowAsync(factory.Services, world, TimeSpan.FromSeconds(seconds), backup: null, acknowledged, counter);
                rows.Add(Row($"run {run}, without a backup", without, null));

                var file = Path.Combine(dataDirectory, "bench-backups", $"run-{run}.cxbackup");
                backups.Add(file);
                var with = await RunWindowAsync(factory.Services, world, TimeSpan.FromSeconds(seconds), file, acknowledged, counter);
                rows.Add(Row($"run {run}, with a backup", with, without));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  backup {run}: {with.Backup!.Elapsed.TotalSeconds:0.00} s, database {with.Backup.DatabaseBytes / 1_048_576.0:0.0} MB, file {new FileInfo(file).Length / 1_048_576.0:0.0} MB"));
            }

            output.WriteLine();
            output.WriteLine("| window | saves | saves/s | p50 | p95 | p99 | max | p99 of saves during the backup | p99 during ÷ p99 without | process CPU |");
            output.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            rows.ForEach(output.WriteLine);

            await VerifyAsync(database, acknowledged, counter[0], output);
            foreach (var file in backups)
            {
                var restoreInto = Path.Combine(dataDirectory, "bench-restore", Path.GetFileNameWithoutExtension(file));
                var archive = new SqliteBackupArchive(Options.Create(new DataOptions { Directory = restoreInto }), TimeProvider.System);
                var (manifest, _) = await archive.RestoreAsync(file);
                var integrity = await SqliteBackupArchive.IntegrityAsync(Path.Combine(restoreInto, DataOptions.DatabaseFileName));
                var answers = await CountAsync(Path.Combine(restoreInto, DataOptions.DatabaseFileName), "SELECT COUNT(*) FROM Answers;");
                output.WriteLine($"{Path.GetFileName(file)}: integrity_check {integrity}; {answers:N0} answers; taken {manifest.CreatedUtc:HH:mm:ss}");
                if (integrity != "ok" || answers < (long)rounds * respondents * world.Questions.Count)
                {
                    throw new InvalidOperationException($"The backup {file} is not sound: {integrity}, {answers} answers.");
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    private static async Task<Window> RunWindowAsync(
        IServiceProvider services,
        World world,
        TimeSpan length,
        string? backup,
        ConcurrentDictionary<(int, string), int> acknowledged,
        int[] counter)
    {
        var saves = new ConcurrentBag<(long Start, long Ticks)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clients = world.Respondents.Select((respondent, index) => Task.Run(async () =>
        {
            using var scope = services.CreateScope();
            var questionnaire = scope.ServiceProvider.GetRequiredService<QuestionnaireService>();
            var who = RespondentRef.Member(world.OwnerId, world.RoundId, respondent);
            var n = index * 7;
            while (!stop.IsCancellationRequested)
            {
                var question = world.Questions[n % world.Questions.Count];
                var level = 1 + (n / world.Questions.Count % 5);
                var started = clock.ElapsedTicks;
                await questionnaire.SaveAsync(who, new SaveAnswersRequest([new AnswerInput(question, level)], false));
                saves.Add((started, clock.ElapsedTicks - started));
                acknowledged[(respondent, question)] = level;
                Interlocked.Increment(ref counter[0]);
                n++;
            }
        })).ToList();

        BackupTaken? taken = null;
        if (backup is not null)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var archive = services.GetRequiredService<SqliteBackupArchive>();
            var from = clock.ElapsedTicks;
            var manifest = await archive.CreateAsync(backup);
            var to = clock.ElapsedTicks;
            taken = new BackupTaken(from, to, Stopwatch.GetElapsedTime(0, to - from), manifest.DatabaseBytes);
        }

        var left = length - clock.Elapsed;
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }

        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        return new Window([.. saves], elapsed, taken, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static string Row(string name, Window window, Window? without)
    {
        var all = window.Saves.Select(s => s.Ticks).Order().ToList();
        var during = window.Backup is { } b
            ? window.Saves.Where(s => s.Start + s.Ticks >= b.From && s.Start <= b.To).Select(s => s.Ticks).Order().ToList()
            : null;
        var p99 = Percentile(all, 0.99);
        var ratio = without is null ? "–" : Ratio(during is { Count: > 0 } ? Percentile(during, 0.99) : p99, Percentile([.. without.Saves.Select(s => s.Ticks).Order()], 0.99));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {all.Count:N0} | {all.Count / window.Elapsed.TotalSeconds:N0} | {Ms(Percentile(all, 0.50))} | {Ms(Percentile(all, 0.95))} | {Ms(p99)} | {Ms(all[^1])} | {(during is null ? "–" : $"{Ms(Percentile(during, 0.99))} ({during.Count:N0} saves)")} | {ratio} | {window.Cpu.TotalSeconds / window.Elapsed.TotalSeconds / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores |");
    }

    private static long Percentile(List<long> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Ms(long ticks) => string.Create(CultureInfo.InvariantCulture, $"{Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds:0.0} ms");

    private static string Ratio(long a, long b) => string.Create(CultureInfo.InvariantCulture, $"{(double)a / Math.Max(1, b):0.00}×");

    // Every save acknowledged is in the database: each client saved its own respondent's answers one at a time, so
    // the last level acknowledged for each answer is the one stored.
    private static async Task VerifyAsync(string database, ConcurrentDictionary<(int Respondent, string Question), int> acknowledged, int saves, TextWriter output)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Level FROM Answers WHERE RespondentId = $r AND QuestionId = $q;";
        var respondent = command.Parameters.Add("$r", SqliteType.Integer);
        var question = command.Parameters.Add("$q", SqliteType.Text);
        var wrong = 0;
        foreach (var ((r, q), level) in acknowledged)
        {
            (respondent.Value, question.Value) = (r, q);
            if (await command.ExecuteScalarAsync() is not long stored || stored != level)
            {
                wrong++;
            }
        }

        output.WriteLine($"Acknowledged saves: {saves:N0} ({acknowledged.Count:N0} distinct answers), {wrong} not as acknowledged in the database");
        if (wrong > 0)
        {
            throw new InvalidOperationException($"{wrong} acknowledged answers are not in the database as acknowledged.");
        }
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // An owner, one organisation, `rounds` rounds of `respondents` respondents who answered all 54 questions: the
    // first rounds closed and submitted, the last open with everyone in progress; the clients answer for the first
    // `clients` of it. Rounds are created through the app; respondents and answers go straight into the tables, in one
    // transaction.
    private static async Task<World> SeedAsync(IServiceProvider services, int rounds, int respondents, int clients, TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var owner = new AppUser { UserName = "owner@bench.example.com", Email = "owner@bench.example.com", DisplayName = "Owner", EmailConfirmed = true };
        var created = await provider.GetRequiredService<UserManager<AppUser>>().CreateAsync(owner, "Bench!Passw0rd");
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var organisation = await provider.GetRequiredService<OrganisationService>().CreateAsync(owner.Id, "Backup Benchmark Ltd");
        var roundService = provider.GetRequiredService<RoundService>();
        var roundIds = new List<int>();
        for (var i = 1; i <= rounds; i++)
        {
            roundIds.Add((await roundService.CreateRoundAsync(owner.Id, organisation.Id, new CreateRoundRequest(Model, $"Round {i}"))).Id);
        }

        var questions = provider.GetRequiredService<ModelCatalog>().Get(Model).AllQuestions.Select(q => q.Id).ToList();
        var database = provider.GetRequiredService<IOptions<DataOptions>>().Value.DatabasePath;
        var open = await InsertAsync(database, roundIds, respondents, questions);
        for (var i = 0; i < roundIds.Count - 1; i++)
        {
            await roundService.CloseRoundAsync(owner.Id, roundIds[i]);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seed: {rounds} rounds × {respondents:N0} respondents × {questions.Count} answers = {(long)rounds * respondents * questions.Count:N0} answers in {watch.Elapsed.TotalSeconds:0.0} s"));
        return new World(owner.Id, roundIds[^1], questions, [.. open.Take(clients)]);
    }

    private static async Task<List<int>> InsertAsync(string database, List<int> roundIds, int respondents, List<string> questions)
    {
        var random = new Random(20_261_202);
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var respondent = connection.CreateCommand();
        respondent.CommandText = """
            INSERT INTO Respondents (RoundId, Name, Email, "Group", Status, StartedUtc, SubmittedUtc, Version)
            VALUES ($round, $name, $email, $group, $status, $now, $submitted, $version) RETURNING Id;
            """;
        var round = respondent.Parameters.Add("$round", SqliteType.Integer);
        var name = respondent.Parameters.Add("$name", SqliteType.Text);
        var email = respondent.Parameters.Add("$email", SqliteType.Text);
        var group = respondent.Parameters.Add("$group", SqliteType.Text);
        var status = respondent.Parameters.Add("$status", SqliteType.Text);
        respondent.Parameters.AddWithValue("$now", now);
        var submitted = respondent.Parameters.Add("$submitted", SqliteType.Text);
        var version = respondent.Parameters.Add("$version", SqliteType.Text);
        await using var answer = connection.CreateCommand();
        answer.CommandText = "INSERT INTO Answers (RespondentId, QuestionId, Level, UpdatedUtc) VALUES ($respondent, $question, $level, $now);";
        var answerRespondent = answer.Parameters.Add("$respondent", SqliteType.Integer);
        var question = answer.Parameters.Add("$question", SqliteType.Text);
        var level = answer.Parameters.Add("$level", SqliteType.Integer);
        answer.Parameters.AddWithValue("$now", now);
        string[] groups = ["Executive", "Management", "Frontline", "Customer-facing partner"];

        var open = new List<int>();
        foreach (var roundId in roundIds)
        {
            var last = roundId == roundIds[^1];
            for (var i = 1; i <= respondents; i++)
            {
                (round.Value, name.Value, email.Value, group.Value) = (roundId, $"Respondent {roundId}-{i:0000}", $"r{roundId}-{i:0000}@bench.example.com", groups[i % groups.Length]);
                (status.Value, submitted.Value) = last ? ("InProgress", (object)DBNull.Value) : ("Submitted", now);
                version.Value = Guid.NewGuid().ToString().ToUpperInvariant(); // as EF Core stores a Guid on SQLite
                var id = (int)(long)(await respondent.ExecuteScalarAsync())!;
                if (last)
                {
                    open.Add(id);
                }

                answerRespondent.Value = id;
                foreach (var q in questions)
                {
                    question.Value = q;
                    level.Value = random.Next(20) == 0 ? DBNull.Value : random.Next(1, 6);
                    await answer.ExecuteNonQueryAsync();
                }
            }
        }

        await transaction.CommitAsync();

        // Into the database file, as a database in use for a while is: the backup then copies it, not the log.
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync();
        return open;
    }

    private static int Setting(string[] args, string name, int fallback) =>
        args.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal)) is { } value
            ? int.Parse(value[(name.Length + 1)..], CultureInfo.InvariantCulture)
            : fallback;

    private static string WebProjectDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "src", "CxMaturity.Web"));

    private sealed record World(string OwnerId, int RoundId, IReadOnlyList<string> Questions, IReadOnlyList<int> Respondents);

    private sealed record BackupTaken(long From, long To, TimeSpan Elapsed, long DatabaseBytes);

    private sealed record Window(IReadOnlyList<(long Start, long Ticks)> Saves, TimeSpan Elapsed, BackupTaken? Backup, TimeSpan Cpu);
}
