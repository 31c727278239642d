using System.Net;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CxMaturity.Web.Tests.Data;

/// <summary>
/// Durability across crashes: the app runs as a process of its own while writers save answers through the API as fast
/// as it answers, is killed with SIGKILL at a random moment, and restarts on the same data folder, again and again.
/// Every answer the API acknowledged is there after each restart with the value acknowledged last (or the value of
/// the save in flight at the kill), nothing appears that nobody saved, and the database passes SQLite's integrity check.
/// </summary>
public sealed class KillRestartTests(ITestOutputHelper output) : IDisposable
{
    private const int Cycles = 6;
    private const int Writers = 8;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cxmaturity-tests", "kill-" + Guid.NewGuid().ToString("N"));
    // Saves in flight at the last kill: the restarted app may hold their value or the one acknowledged before.
    private readonly Dictionary<(int Respondent, string Question), int> _pendingAtKill = [];
    private AppProcess? _app;

    [Fact]
    public async Task Every_acknowledged_answer_survives_kills_at_random_moments_and_the_database_stays_sound()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"Random seed {seed}.");
        var random = new Random(seed);
        var (roundId, respondents, questions, token) = await SeedAsync();
        var readyPath = ApiTestExtensions.AnswersUrl(roundId, respondents[0]);

        // The value every (respondent, question) must hold: the last acknowledged, or what a check after a restart found.
        var expected = new Dictionary<(int Respondent, string Question), int>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (acknowledged, checks, inFlightTotal, landed) = (0, 0, 0, 0);
        for (var cycle = 1; cycle <= Cycles + 1; cycle++)
        {
            _app = await AppProcess.StartAsync(_dataDirectory, readyPath, token, StartTimeout);
            using var client = _app.CreateClient(token);
            var (cycleChecks, cycleLanded) = await CheckAsync(client, roundId, respondents, expected);
            (checks, landed) = (checks + cycleChecks, landed + cycleLanded);
            if (cycle > Cycles)
            {
                break;
            }

            var run = await WriteUntilKilledAsync(client, roundId, respondents, questions, random, TimeSpan.FromMilliseconds(random.Next(1000, 3000)));
            foreach (var save in run.Acknowledged)
            {
                expected[(save.Respondent, save.Question)] = save.Level;
            }

            foreach (var save in run.InFlight)
            {
                _pendingAtKill[(save.Respondent, save.Question)] = save.Level;
            }

            acknowledged += run.Acknowledged.Count;
            inFlightTotal += run.InFlight.Count;
            Assert.True(run.Refused.Count == 0, $"Saves answered with an error before the kill: {string.Join("; ", run.Refused)}\n{_app.Output}");
            Assert.True(run.Acknowledged.Count > 0, $"Cycle {cycle} acknowledged no save.\n{_app.Output}");
            output.WriteLine($"Cycle {cycle}: {run.Acknowledged.Count} saves acknowledged, {run.InFlight.Count} in flight at the kill.");
        }

        _app!.Kill();
        var integrity = await IntegrityCheckAsync();
        output.WriteLine(
            $"{Cycles} kill-restart cycles, {Writers} writers: {acknowledged} acknowledged saves; after every restart {checks} " +
            $"(respondent, question) values checked against the last acknowledged, 0 lost; {inFlightTotal} saves in flight " +
            $"at the kills, {landed} of them found saved; integrity_check: {integrity}; {clock.Elapsed.TotalSeconds:0.0} s.");
        Assert.Equal("ok", integrity);
    }

    public void Dispose()
    {
        _app?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>An owner, an open round with a respondent for each writer, and the owner's access token, in the data folder.</summary>
    private async Task<(int RoundId, IReadOnlyList<int> Respondents, IReadOnlyList<string> Questions, string Token)> SeedAsync()
    {
        await using var factory = new CxWebApplicationFactory
        {
            DataDirectory = _dataDirectory,
            KeepDataDirectory = true,
            Settings = new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" },
        };
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var respondents = new List<int>();
        for (var i = 0; i < Writers; i++)
        {
            respondents.Add((await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id)).Respondent.Id);
        }

        return (organisation.Round.Id, respondents, [.. factory.Model.AllQuestions.Select(q => q.Id)], await factory.CreateAccessTokenAsync(organisation.Owner.Id));
    }

    /// <summary>
    /// Each writer saves one answer at a time for its own respondent (a random question, a random level) until the kill
    /// after <paramref name="runFor"/>; a save answered 2xx is acknowledged, one without an answer was in flight.
    /// </summary>
    private async Task<WriteRun> WriteUntilKilledAsync(
        HttpClient client, int roundId, IReadOnlyList<int> respondents, IReadOnlyList<string> questions, Random random, TimeSpan runFor)
    {
        var seeds = respondents.Select(_ => random.Next()).ToList();
        var writers = respondents.Select((respondent, index) => Task.Run(async () =>
        {
            var own = new Random(seeds[index]);
            var acknowledged = new List<Save>();
            var refused = new List<string>();
            while (true)
            {
                var save = new Save(respondent, questions[own.Next(questions.Count)], own.Next(1, 6));
                HttpResponseMessage response;
                try
                {
                    response = await client.PutAnswersAsync(roundId, respondent, [new AnswerDto(save.Question, save.Level)]);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return (acknowledged, refused, InFlight: save);
                }

                using (response)
                {
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add(save);
                    }
                    else
                    {
                        refused.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        })).ToList();

        await Task.Delay(runFor);
        _app!.Kill();
        var results = await Task.WhenAll(writers);
        return new WriteRun(
            [.. results.SelectMany(r => r.acknowledged)],
            [.. results.Select(r => r.InFlight)],
            [.. results.SelectMany(r => r.refused)]);
    }

    /// <summary>
    /// Reads every respondent's answers from the restarted app: each must hold its expected value, or the value of
    /// the save in flight for it at the kill; no other answer may exist. Returns the values checked and the in-flight
    /// saves found saved, and makes what was found the new expectation.
    /// </summary>
    private async Task<(int Checks, int Landed)> CheckAsync(
        HttpClient client, int roundId, IReadOnlyList<int> respondents, Dictionary<(int Respondent, string Question), int> expected)
    {
        var found = new Dictionary<(int Respondent, string Question), int?>();
        foreach (var respondent in respondents)
        {
            var answers = await (await client.GetAsync(ApiTestExtensions.AnswersUrl(roundId, respondent))).ReadAsync<AnswersDto>();
            foreach (var answer in answers.Answers)
            {
                found[(respondent, answer.QuestionId)] = answer.Level;
            }
        }

        var problems = new List<string>();
        foreach (var (key, level) in expected)
        {
            var pending = _pendingAtKill.TryGetValue(key, out var inFlight) ? inFlight : (int?)null;
            if (!found.TryGetValue(key, out var actual))
            {
                problems.Add($"respondent {key.Respondent}, {key.Question}: acknowledged {level}, lost");
            }
            else if (actual != level && actual != pending)
            {
                problems.Add($"respondent {key.Respondent}, {key.Question}: acknowledged {level}, found {actual}");
            }
        }

        foreach (var (key, actual) in found.Where(f => !expected.ContainsKey(f.Key)))
        {
            if (!_pendingAtKill.TryGetValue(key, out var inFlight) || actual != inFlight)
            {
                problems.Add($"respondent {key.Respondent}, {key.Question}: found {actual}, which nobody saved");
            }
        }

        Assert.True(problems.Count == 0, "After the restart:\n" + string.Join("\n", problems));
        var landed = _pendingAtKill.Count(p => found.TryGetValue(p.Key, out var actual) && actual == p.Value &&
            (!expected.TryGetValue(p.Key, out var level) || level != p.Value));
        var checks = expected.Count;
        foreach (var (key, actual) in found)
        {
            expected[key] = actual!.Value;
        }

        _pendingAtKill.Clear();
        return (checks, landed);
    }

    private async Task<string> IntegrityCheckAsync()
    {
        var database = Directory.GetFiles(_dataDirectory, "*.db").Single();
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private sealed record Save(int Respondent, string Question, int Level);

    private sealed record WriteRun(IReadOnlyList<Save> Acknowledged, IReadOnlyList<Save> InFlight, IReadOnlyList<string> Refused);
}
