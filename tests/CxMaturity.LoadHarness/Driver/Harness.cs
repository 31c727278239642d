using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CxMaturity.LoadHarness.Server;
using Microsoft.Playwright;

namespace CxMaturity.LoadHarness.Driver;

/// <summary>
/// The driver: starts the server process, seeds a round with invitees through it, opens one Debian Chromium with a
/// browser context per invitee, measures the server's managed heap per idle questionnaire circuit, then has the
/// sessions answer at once and reports the click → "Saved" round trips timed inside each page.
/// </summary>
internal static class Harness
{
    // One call into the page per answer: the click, then the timing of that click once it has settled. A second
    // call would double the load Playwright puts on the machine the app shares with it.
    private const string AnswerAndWait = """
        ([questionId, level, timeout]) => {
          document.querySelector(`[data-testid="option-${questionId}-${level}"]`).click();
          return window.__cx.waitSettled(questionId, timeout);
        }
        """;

    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static async Task<int> RunAsync(HarnessOptions options)
    {
        var idleSteps = options.SkipMemory ? [] : options.IdleCircuits;
        var pagesNeeded = Math.Max(options.SkipLoad ? 0 : options.Sessions, idleSteps.Count > 0 ? idleSteps[^1] : 0);

        Console.WriteLine($"Machine: {Machine.CpuModel()}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"Server: {options.Environment}, cores {options.ServerCpus ?? "all"}; Chromium: cores {options.BrowserCpus ?? "all"}");

        await using var server = await ServerProcess.StartAsync(options);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        var seed = await http.GetFromJsonAsync<SeedResult>($"/__harness/seed?respondents={pagesNeeded + 1}")
            ?? throw new InvalidOperationException("The server returned no seed.");
        var firstDimension = seed.Questions[0].DimensionId;
        var questions = seed.Questions.Where(q => q.DimensionId == firstDimension).Select(q => q.Id).ToArray();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumExecutable(options.BrowserCpus),
            Headless = true,
            Args = ChromiumArguments,
        });
        var timingScript = TimingScript();

        // Warm up: one session opens the page and answers every question of the first dimension, so that JIT
        // compilation and first-use caches are out of the figures; then it leaves and its circuit is let go.
        var warmUp = await OpenAsync(browser, server.BaseUrl, seed.Invitations[^1], timingScript);
        var canAnswer = await warmUp.GetByTestId($"option-{questions[0]}-1").CountAsync() > 0;
        for (var i = 0; canAnswer && i < questions.Length * 2; i++)
        {
            await AnswerAsync(warmUp, questions[i % questions.Length], 1 + (i % 5));
        }

        await warmUp.Context.CloseAsync();
        await WaitForCircuitsAsync(http, 0);

        var pages = new List<IPage>();
        if (idleSteps.Count > 0)
        {
            await MeasureMemoryAsync(options, http, browser, server, seed, timingScript, pages);
        }

        if (!options.SkipLoad)
        {
            await OpenPagesAsync(options, browser, server.BaseUrl, seed, timingScript, pages, options.Sessions);
            await MeasureRoundTripsAsync(options, http, pages.Take(options.Sessions).ToList(), questions);
        }

        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }

        return 0;
    }

    private static async Task MeasureMemoryAsync(
        HarnessOptions options, HttpClient http, IBrowser browser, ServerProcess server, SeedResult seed, string timingScript, List<IPage> pages)
    {
        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
        var baseline = await ReadAsync(http, "memory");
        await HoldAsync(options, server, 0);
        Console.WriteLine($"Memory per idle questionnaire circuit (managed heap after forced compacting collections; goal ≤ 500 KB):");
        Console.WriteLine($"  0 circuits: {baseline.ManagedBytes / 1024.0 / 1024:0.0} MB managed, working set {baseline.WorkingSetBytes / 1024.0 / 1024:0} MB, server GC {baseline.ServerGc}");
        var previous = baseline;
        foreach (var step in options.IdleCircuits)
        {
            await OpenPagesAsync(options, browser, server.BaseUrl, seed, timingScript, pages, step);
            await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
            var reading = await ReadAsync(http, "memory");
            if (reading.CircuitsOpen != step || reading.CircuitsConnected != step)
            {
                Console.WriteLine($"  warning: the server holds {reading.CircuitsOpen} circuits ({reading.CircuitsConnected} connected), not {step}");
            }

            var fromZero = (reading.ManagedBytes - baseline.ManagedBytes) / (double)reading.CircuitsOpen;
            var marginal = (reading.ManagedBytes - previous.ManagedBytes) / (double)(reading.CircuitsOpen - previous.CircuitsOpen);
            Console.WriteLine(
                $"  {reading.CircuitsOpen} circuits: {fromZero / 1024:0} KB each over none, {marginal / 1024:0} KB each over the previous step; " +
                $"working set {reading.WorkingSetBytes / 1024.0 / 1024:0} MB (+{(reading.WorkingSetBytes - baseline.WorkingSetBytes) / 1024.0 / 1024:0} MB)");
            previous = reading;
            await HoldAsync(options, server, reading.CircuitsOpen);
        }
    }

    private static async Task HoldAsync(HarnessOptions options, ServerProcess server, int circuits)
    {
        if (options.HoldSeconds > 0)
        {
            Console.WriteLine($"  holding {options.HoldSeconds} s: server process {server.ProcessId}, {circuits} circuits");
            await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds));
        }
    }

    private static async Task MeasureRoundTripsAsync(HarnessOptions options, HttpClient http, List<IPage> pages, string[] questions)
    {
        var random = new Random(options.Seed);
        var thinkTimes = pages.Select(_ => Enumerable.Range(0, options.QuestionsPerSession)
            .Select(_ => random.Next(options.ThinkMinMs, options.ThinkMaxMs + 1)).ToArray()).ToArray();

        await http.GetAsync("/__harness/metrics?reset=true");
        var before = await ReadAsync(http, "stats");
        var machineBefore = MachineCpu.Read();
        var results = new List<RoundTrip>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(pages.Select(async (page, session) =>
        {
            for (var i = 0; i < options.QuestionsPerSession; i++)
            {
                await Task.Delay(thinkTimes[session][i]);
                var result = await AnswerAsync(page, questions[i % questions.Length], 1 + ((session + i) % 5));
                lock (results)
                {
                    if (result is { State: "Saved" })
                    {
                        results.Add(result);
                    }
                    else
                    {
                        failures++;
                    }
                }
            }
        }));
        clock.Stop();
        var machine = MachineCpu.Read() - machineBefore;
        var after = await ReadAsync(http, "stats");
        var metrics = await http.GetFromJsonAsync<MetricsSnapshot>("/__harness/metrics");

        var total = results.Select(r => r.Ms).Order().ToArray();
        var firstRender = results.Where(r => r.SavingMs is not null).Select(r => r.SavingMs!.Value).Order().ToArray();
        var serverCpu = (after.CpuMilliseconds - before.CpuMilliseconds) / 1000;
        Console.WriteLine(
            $"Round trip, click → Saved: {pages.Count} concurrent sessions × {options.QuestionsPerSession} answers, " +
            $"think time {options.ThinkMinMs}–{options.ThinkMaxMs} ms: {total.Length} saved, {failures} failed or timed out, in {clock.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine(
            $"  p50 {Percentile.Of(total, 50):0.0} ms   p95 {Percentile.Of(total, 95):0.0} ms   p99 {Percentile.Of(total, 99):0.0} ms   " +
            $"max {(total.Length > 0 ? total[^1] : double.NaN):0.0} ms   (goal: p95 ≤ 100 ms)");
        if (firstRender.Length > 0)
        {
            Console.WriteLine($"  click → Saving shown (first render batch): p50 {Percentile.Of(firstRender, 50):0.0} ms   p95 {Percentile.Of(firstRender, 95):0.0} ms ({firstRender.Length} of {total.Length} showed it)");
        }

        Console.WriteLine(
            $"  CPU: server {serverCpu:0.0} s ({serverCpu * 1000 / Math.Max(1, total.Length):0.0} ms per answer), whole machine {machine.BusySeconds:0.0} s busy " +
            $"of {machine.TotalSeconds:0.0} s; server GC: {after.Gen0 - before.Gen0} gen0, {after.Gen1 - before.Gen1} gen1, {after.Gen2 - before.Gen2} gen2, " +
            $"{after.PauseMilliseconds - before.PauseMilliseconds:0} ms paused");
        foreach (var series in metrics?.Series ?? [])
        {
            Console.WriteLine(
                $"  server {series.Name}: n {series.Count}, mean {series.Mean:0.###}, p50 {series.P50:0.###}, p95 {series.P95:0.###}, p99 {series.P99:0.###}, max {series.Max:0.###}");
        }
    }

    private static async Task OpenPagesAsync(
        HarnessOptions options, IBrowser browser, string baseUrl, SeedResult seed, string timingScript, List<IPage> pages, int count)
    {
        using var gate = new SemaphoreSlim(options.OpenConcurrency);
        var opened = await Task.WhenAll(Enumerable.Range(pages.Count, Math.Max(0, count - pages.Count)).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await OpenAsync(browser, baseUrl, seed.Invitations[i], timingScript);
            }
            finally
            {
                gate.Release();
            }
        }));
        pages.AddRange(opened);
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, string baseUrl, string invitationPath, string timingScript)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await context.AddInitScriptAsync(timingScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + invitationPath);
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await page.GetByTestId("questionnaire").WaitForAsync(new() { Timeout = 60_000 });
        return page;
    }

    private static async Task<RoundTrip?> AnswerAsync(IPage page, string questionId, int level)
    {
        var settled = await page.EvaluateAsync<JsonElement?>(AnswerAndWait, new object[] { questionId, level, 10_000 });
        return settled is { ValueKind: JsonValueKind.Object } value
            ? value.Deserialize<RoundTrip>(new JsonSerializerOptions(JsonSerializerDefaults.Web))
            : null;
    }

    private static async Task<ServerReadings> ReadAsync(HttpClient http, string what) =>
        await http.GetFromJsonAsync<ServerReadings>($"/__harness/{what}") ?? throw new InvalidOperationException($"No {what} reading.");

    private static async Task WaitForCircuitsAsync(HttpClient http, int open)
    {
        // A closed tab's circuit is dropped once its connection ends; give the server a moment to notice.
        for (var i = 0; i < 100 && (await ReadAsync(http, "stats")).CircuitsOpen != open; i++)
        {
            await Task.Delay(100);
        }
    }

    private static string ChromiumExecutable(string? cpus)
    {
        if (cpus is null)
        {
            return "/usr/bin/chromium";
        }

        var wrapper = Path.Combine(Path.GetTempPath(), $"cx-chromium-{Environment.ProcessId}.sh");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec taskset -c {cpus} /usr/bin/chromium \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return wrapper;
    }

    private static string TimingScript()
    {
        using var stream = typeof(Harness).Assembly.GetManifestResourceStream("InPageTiming.js")
            ?? throw new InvalidOperationException("InPageTiming.js is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }


    private sealed record RoundTrip(string Qid, int Seq, double Ms, double? SavingMs, string State);
}
