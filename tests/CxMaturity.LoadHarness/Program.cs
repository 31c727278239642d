using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Assessments;
using CxMaturity.Web.Features.Organisations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxMaturity.LoadHarness;

/// <summary>
/// Measures the questionnaire's answer round trip (the click to the page showing "Saved") with many concurrent
/// browser sessions, and the server's managed memory per idle questionnaire circuit. The app runs in this process
/// on Kestrel so that its heap can be measured; the browsers are one Debian Chromium with a context per session.
/// </summary>
public static class HarnessProgram
{
    // Clicks an option and resolves with the milliseconds until the question's save indicator says Saved, measured in
    // the page so that Playwright's own messaging is not counted.
    private const string AnswerAndTime = """
        ([questionId, level]) => new Promise((resolve, reject) => {
          const card = document.querySelector(`[data-testid="question-${questionId}"]`);
          const state = () => card.querySelector(`[data-testid="saved-${questionId}"]`)?.getAttribute('data-state');
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (state() === 'Saved') { observer.disconnect(); resolve(performance.now() - started); }
            else if (state() === 'Failed') { observer.disconnect(); reject(new Error('save failed')); }
          });
          observer.observe(card, { attributes: true, childList: true, subtree: true, characterData: true });
          card.querySelector(`[data-testid="option-${questionId}-${level}"]`).click();
          setTimeout(() => { observer.disconnect(); reject(new Error('no Saved within 10 s')); }, 10000);
        })
        """;

    public static async Task<int> Main(string[] args)
    {
        var sessions = IntOption(args, "--sessions", 50);
        var answers = IntOption(args, "--answers", 20);
        var idle = IntOption(args, "--idle", 50);
        var thinkMin = IntOption(args, "--think-min", 0);
        var thinkMax = IntOption(args, "--think-max", 200);

        await using var app = new HarnessApp();
        var baseUrl = app.BaseUrl;
        var (questions, invitations) = await app.ArrangeAsync(Math.Max(sessions, idle) + 1);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        var serverOnly = await app.TimeServiceSavesAsync(invitations[^1], questions, 300);

        // Warm up: one session loads the page and answers once, so JIT and caches are out of the figures.
        var warmUp = await OpenAsync(browser, baseUrl, invitations[^1]);
        await warmUp.EvaluateAsync<double>(AnswerAndTime, new object[] { questions[0], 3 });
        await warmUp.Context.CloseAsync();

        // Memory per idle circuit: the managed heap before and after opening idle questionnaires.
        var before = ManagedHeapAfterFullCollection();
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        var idlePages = new List<IPage>();
        foreach (var invitation in invitations.Take(idle))
        {
            idlePages.Add(await OpenAsync(browser, baseUrl, invitation));
        }

        await Task.Delay(2000);
        var after = ManagedHeapAfterFullCollection();
        var workingSetAfter = Process.GetCurrentProcess().WorkingSet64;
        var perCircuit = (after - before) / (double)idle;

        // Round trips: the sessions answer at once, each pausing a random think time between answers (by default
        // 0–200 ms, a stress far above people, who take seconds to read a question; --think-min/--think-max change it).
        var timings = new List<double>();
        var random = new Random(2026);
        var thinkTimes = Enumerable.Range(0, sessions).Select(_ => Enumerable.Range(0, answers).Select(_ => random.Next(thinkMin, thinkMax + 1)).ToArray()).ToArray();
        var serverCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(idlePages.Take(sessions).Select(async (page, session) =>
        {
            for (var i = 0; i < answers; i++)
            {
                await Task.Delay(thinkTimes[session][i]);
                var elapsed = await page.EvaluateAsync<double>(AnswerAndTime, new object[] { questions[i % questions.Count], 1 + ((session + i) % 5) });
                lock (timings)
                {
                    timings.Add(elapsed);
                }
            }
        }));
        clock.Stop();
        var serverCpu = Process.GetCurrentProcess().TotalProcessorTime - serverCpuBefore;

        timings.Sort();
        Console.WriteLine($"Machine: {CpuModel()}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"Round trip, click → Saved: {sessions} concurrent sessions × {answers} answers, think time {thinkMin}–{thinkMax} ms = {timings.Count} in {clock.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"  p50 {Percentile(timings, 0.50):0.0} ms   p95 {Percentile(timings, 0.95):0.0} ms   p99 {Percentile(timings, 0.99):0.0} ms   max {timings[^1]:0.0} ms   (goal: p95 ≤ 100 ms)");
        Console.WriteLine($"  server CPU {serverCpu.TotalSeconds:0.0} s over {clock.Elapsed.TotalSeconds:0.0} s of wall time on {Environment.ProcessorCount} cores ({serverCpu.TotalMilliseconds / timings.Count:0.0} ms of server CPU per answer); the rest of the machine ran the browsers");
        Console.WriteLine($"Server side alone, one save through AssessmentService (no browser, one at a time, {serverOnly.Count} saves): p50 {Percentile(serverOnly, 0.50):0.0} ms   p95 {Percentile(serverOnly, 0.95):0.0} ms");
        Console.WriteLine($"Memory per idle questionnaire circuit ({idle} circuits): {perCircuit / 1024:0} KB managed heap (goal ≤ 500 KB); working set +{(workingSetAfter - workingSetBefore) / 1024.0 / 1024:0} MB in all");
        return 0;
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, string baseUrl, string invitationPath)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(invitationPath);
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        return page;
    }

    private static long ManagedHeapAfterFullCollection()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}

/// <summary>The real app on Kestrel over a temporary SQLite file, without demo data.</summary>
internal sealed class HarnessApp : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cx-load-" + Guid.NewGuid().ToString("N"));

    public HarnessApp()
    {
        // A console run has neither the working directory nor the solution file WebApplicationFactory looks for.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CXMATURITY_WEB", WebProjectDirectory());
        UseKestrel(0);
    }

    public string BaseUrl
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
                ?? throw new InvalidOperationException("Kestrel reported no addresses.");
            return addresses.Addresses.First().Replace("[::]", "127.0.0.1").TrimEnd('/');
        }
    }

    /// <summary>An organisation with an open round and invitees; returns the first dimension's question ids and the links.</summary>
    public async Task<(IReadOnlyList<string> Questions, IReadOnlyList<string> Invitations)> ArrangeAsync(int invitees)
    {
        using var scope = Services.CreateScope();
        var services = scope.ServiceProvider;
        var owner = new AppUser { UserName = "load@test.local", Email = "load@test.local", DisplayName = "Load" };
        await services.GetRequiredService<UserManager<AppUser>>().CreateAsync(owner, "Load!Passw0rd-2026");
        var organisation = await services.GetRequiredService<OrganisationService>().CreateAsync(owner.Id, "Load Ltd");
        var assessments = services.GetRequiredService<AssessmentService>();
        var round = await assessments.CreateRoundAsync(owner.Id, organisation.Id, new CreateRoundRequest("cx-maturity", "Load round"));
        var links = new List<string>();
        for (var i = 0; i < invitees; i++)
        {
            var created = await assessments.AddRespondentAsync(owner.Id, round.Id, new AddRespondentRequest($"Invitee {i + 1}", $"invitee{i + 1}@load.test", "Frontline"));
            links.Add(created.InvitationPath);
        }

        var model = services.GetRequiredService<CxMaturity.Web.Features.Models.ModelCatalog>().Get("cx-maturity");
        return (model.Dimensions[0].Questions.Select(q => q.Id).ToList(), links);
    }

    /// <summary>Times single-answer saves through the service, one after another, as the questionnaire calls it.</summary>
    public async Task<List<double>> TimeServiceSavesAsync(string invitationPath, IReadOnlyList<string> questions, int count)
    {
        var secret = invitationPath[(invitationPath.LastIndexOf('/') + 1)..];
        var timings = new List<double>();
        for (var i = 0; i < count; i++)
        {
            using var scope = Services.CreateScope();
            var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
            var watch = Stopwatch.StartNew();
            await assessments.SaveInvitationAnswerAsync(secret, new AnswerInput(questions[i % questions.Count], 1 + (i % 5)));
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        return timings.Skip(count / 10).ToList(); // the first tenth warms up
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the static web assets from the build output; the demo is off and logging quiet.
        builder.UseEnvironment("Development");
        builder.UseSetting("Data:Directory", _dataDirectory);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left under /tmp for the OS.
        }
    }

    private static string WebProjectDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "src", "CxMaturity.Web"));
}
