using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CxMaturity.LoadHarness.Server;

namespace CxMaturity.LoadHarness.Driver;

/// <summary>
/// The API mode: <c>--clients</c> concurrent HTTP clients against the server process, each phase for
/// <c>--seconds</c>: a cheap authenticated read (<c>GET /api/v1/models</c>), the organisation list of a user in
/// <c>--organisations</c> organisations, then answers: every client adds its own respondent, saves one answer per
/// request for the phase's time and submits. Afterwards every acknowledged answer is looked for in the database:
/// each (respondent, question) holds exactly the level last acknowledged for it.
/// </summary>
internal static class ApiLoad
{
    public static async Task<int> RunAsync(HarnessOptions options)
    {
        Console.WriteLine($"Machine: {Machine.CpuModel()}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"API load: {options.Clients} clients, {options.Seconds} s a phase, a user in {options.Organisations} organisations; server cores {options.ServerCpus ?? "all"}");

        await using var server = await ServerProcess.StartAsync(options);
        using var control = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        var seed = await control.GetFromJsonAsync<ApiSeed>($"/__harness/seed-api?organisations={options.Organisations}")
            ?? throw new InvalidOperationException("The server returned no seed.");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var api = new HttpClient(handler) { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", seed.Token);

        // Warm-up: JIT and first-use caches out of the figures.
        await PhaseAsync(options with { Seconds = 2 }, "warm-up", _ => api.GetAsync("/api/v1/models"), report: false);
        await PhaseAsync(options with { Seconds = 2 }, "warm-up", _ => api.GetAsync("/api/v1/organisations"), report: false);

        var models = await PhaseAsync(options, "GET /api/v1/models", _ => api.GetAsync("/api/v1/models"));
        var organisations = await PhaseAsync(options, $"GET /api/v1/organisations ({options.Organisations} organisations)", _ => api.GetAsync("/api/v1/organisations"));

        // Answers: each client its own respondent, one answer a request, cycling over the round's questions.
        var respondents = new int[options.Clients];
        for (var c = 0; c < options.Clients; c++)
        {
            using var created = await api.PostAsJsonAsync(
                $"/api/v1/assessments/{seed.RoundId}/respondents",
                new { name = $"Client {c:000}", email = $"client{c:000}-{Guid.NewGuid():N}@load.test", group = "Frontline" });
            created.EnsureSuccessStatusCode();
            respondents[c] = (await created.Content.ReadFromJsonAsync<CreatedRespondent>())!.Respondent.Id;
        }

        var acknowledged = new Dictionary<(int Respondent, string Question), int>[options.Clients];
        var sequence = new int[options.Clients];
        for (var c = 0; c < options.Clients; c++)
        {
            acknowledged[c] = [];
        }

        var answers = await PhaseAsync(options, "PUT …/answers (one answer a request)", async client =>
        {
            var i = sequence[client]++;
            var question = seed.Questions[i % seed.Questions.Count];
            var level = 1 + (i % 5);
            var response = await api.PutAsJsonAsync(
                $"/api/v1/assessments/{seed.RoundId}/respondents/{respondents[client]}/answers",
                new { answers = new[] { new { questionId = question, level } }, submit = false });
            if (response.IsSuccessStatusCode)
            {
                acknowledged[client][(respondents[client], question)] = level;
            }

            return response;
        });

        var submitted = 0;
        for (var c = 0; c < options.Clients; c++)
        {
            using var submit = await api.PutAsJsonAsync(
                $"/api/v1/assessments/{seed.RoundId}/respondents/{respondents[c]}/answers", new { answers = Array.Empty<object>(), submit = true });
            submitted += submit.IsSuccessStatusCode ? 1 : 0;
        }

        var stored = await control.GetFromJsonAsync<List<StoredAnswer>>($"/__harness/answers?round={seed.RoundId}") ?? [];
        var expected = acknowledged.SelectMany(a => a).ToDictionary(a => a.Key, a => a.Value);
        var storedByKey = stored.GroupBy(a => (a.RespondentId, a.QuestionId)).ToDictionary(g => g.Key, g => g.ToList());
        var duplicates = storedByKey.Count(g => g.Value.Count > 1);
        var lost = expected.Count(e => !storedByKey.TryGetValue(e.Key, out var rows) || rows[0].Level != e.Value);
        Console.WriteLine($"  submitted {submitted} of {options.Clients}; acknowledged answers {expected.Count} distinct (respondent, question), " +
            $"stored {storedByKey.Count}; lost or changed {lost}; stored twice {duplicates}");

        Console.WriteLine();
        Console.WriteLine($"Organisations list ÷ cheap read: {organisations.Throughput / models.Throughput:0.00} of the throughput, " +
            $"p99 {organisations.P99 / models.P99:0.0}×");
        Console.WriteLine($"Answer saves: {answers.Throughput:0} /s, p99 {answers.P99:0.0} ms, errors {answers.Errors} (goal: ≥ 2,000 /s, p99 ≤ 50 ms, 0 errors)");
        return lost == 0 && duplicates == 0 && answers.Errors == 0 ? 0 : 1;
    }

    private static async Task<PhaseResult> PhaseAsync(
        HarnessOptions options,
        string name,
        Func<int, Task<HttpResponseMessage>> request,
        bool report = true)
    {
        var latencies = new List<double>[options.Clients];
        var errors = 0;
        var statuses = new Dictionary<HttpStatusCode, int>();
        var cpuBefore = MachineCpu.Read();
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(options.Seconds);
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async client =>
        {
            var mine = latencies[client] = new List<double>(4096);
            while (clock.Elapsed < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await request(client);
                    await response.Content.LoadIntoBufferAsync();
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!response.IsSuccessStatusCode)
                    {
                        lock (statuses)
                        {
                            errors++;
                            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = MachineCpu.Read() - cpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var result = new PhaseResult(all.Length / elapsed, Percentile.Of(all, 50), Percentile.Of(all, 95), Percentile.Of(all, 99), errors);
        if (report)
        {
            Console.WriteLine($"{name}: {all.Length} requests in {elapsed:0.0} s = {result.Throughput:0} /s; " +
                $"p50 {result.P50:0.0} ms, p95 {result.P95:0.0} ms, p99 {result.P99:0.0} ms, max {(all.Length > 0 ? all[^1] : 0):0.0} ms; " +
                $"errors {errors}{(statuses.Count > 0 ? " (" + string.Join(", ", statuses.Select(s => $"{(int)s.Key}×{s.Value}")) + ")" : "")}; " +
                $"machine CPU {cpu.BusyShare:P0}");
        }

        return result;
    }

    private sealed record PhaseResult(double Throughput, double P50, double P95, double P99, int Errors);

    private sealed record CreatedRespondent(CreatedRespondentView Respondent);

    private sealed record CreatedRespondentView(int Id);
}

/// <summary>What the API mode's seeding returns.</summary>
public sealed record ApiSeed(string Token, int RoundId, IReadOnlyList<string> Questions);

/// <summary>One stored answer, as the server reads it back for the check.</summary>
public sealed record StoredAnswer(int RespondentId, string QuestionId, int? Level);
