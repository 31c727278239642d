using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CxMaturity.Assessment.Governance;
using CxMaturity.Assessment.Organisations;
using CxMaturity.Assessment.Reminders;
using CxMaturity.Assessment.Rounds;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Mail;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Notifications;
using CxMaturity.Web.Features.Reminders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Benchmarks;

/// <summary>
/// The reminder job (<see cref="ReminderJob.RunAsync"/>) over 200 organisations × 20 KPIs × 30 projects; goal ≤ 2 s a
/// run, no reminder missed or duplicated. The app runs in-process in Production mode over a SQLite file, with a fixed
/// clock and no background job server: the benchmark runs the job. Emails go to the outbox folder.
/// <para>
/// Both benchmarks start from the same seed (<see cref="ReminderWorld"/>) on which the job has already run
/// yesterday, Monday 30 Nov 2026, delivering the backlog. <see cref="SteadyState"/>: today (Tuesday 1 Dec 2026) has
/// been run once too, and a run finds nothing new — the every-15-minutes case. <see cref="FirstRunOfTheDay"/>: the
/// first run today, delivering what fell due since yesterday; before each iteration what the previous one wrote
/// (deliveries, notifications and emails stamped today, the outbox files) is deleted, so each iteration does the
/// same work on the same state. After each, the database is checked against the domain planner run over the seeded
/// facts: every reminder delivered once, none missing, none extra.
/// </para>
/// <para>
/// <see cref="History"/>: older deliveries already in the table — 365,000 is about a year at this seed's thousand a
/// day — since every run reads every delivery key ever written.
/// </para>
/// </summary>
[Config(typeof(ReminderBenchmarkConfig))]
[MemoryDiagnoser]
public class ReminderJobBenchmarks
{
    private ReminderWorld _world = null!;
    private ReminderExpectation _yesterday = null!;
    private ReminderExpectation _today = null!;
    private int _outboxFiles;

    [Params(0, 365_000)]
    public int History { get; set; }

    [GlobalSetup(Target = nameof(SteadyState))]
    public async Task SetupSteadyStateAsync()
    {
        await SetupAsync();
        var run = await _world.RunAsync(ReminderWorld.Today);
        _today.Check(run, digests: 0);
        await _world.SendMailAsync();
        _outboxFiles = _yesterday.Emails + _today.Emails;
        await _world.VerifyAsync(_yesterday, _today, _outboxFiles);
    }

    [GlobalSetup(Target = nameof(FirstRunOfTheDay))]
    public Task SetupFirstRunAsync() => SetupAsync();

    /// <summary>A run after today's: nothing new to plan, deliver or send.</summary>
    [Benchmark]
    public async Task<ReminderRun> SteadyState()
    {
        var run = await _world.RunAsync(ReminderWorld.Today);
        return run == new ReminderRun(0, 0, 0) ? run : throw new InvalidOperationException($"A second run today did something: {run}.");
    }

    [IterationSetup(Target = nameof(FirstRunOfTheDay))]
    public void ForgetToday() => _world.ForgetSinceAsync(ReminderWorld.Today, _yesterday).GetAwaiter().GetResult();

    /// <summary>The first run today: what fell due since yesterday's run, delivered, notified and emailed.</summary>
    [Benchmark]
    public async Task<ReminderRun> FirstRunOfTheDay()
    {
        var run = await _world.RunAsync(ReminderWorld.Today);
        _today.Check(run, digests: 0);
        return run;
    }

    [IterationCleanup(Target = nameof(FirstRunOfTheDay))]
    public void VerifyToday()
    {
        _world.SendMailAsync().GetAwaiter().GetResult();
        _world.VerifyAsync(_yesterday, _today, _outboxFiles = _today.Emails).GetAwaiter().GetResult();
    }

    [GlobalSetup(Target = nameof(MailOfTheDay))]
    public Task SetupMailAsync() => SetupAsync();

    [IterationSetup(Target = nameof(MailOfTheDay))]
    public void DeliverToday()
    {
        ForgetToday();
        _today.Check(_world.RunAsync(ReminderWorld.Today).GetAwaiter().GetResult(), digests: 0);
    }

    /// <summary>The mail job after today's first run: the emails it queued, sent to the outbox folder.</summary>
    [Benchmark]
    public async Task<int> MailOfTheDay()
    {
        var sent = await _world.SendMailAsync();
        return sent == _today.Emails ? sent : throw new InvalidOperationException($"The mail job sent {sent} emails; {_today.Emails} were queued.");
    }

    [IterationCleanup(Target = nameof(MailOfTheDay))]
    public void VerifyMail() => _world.VerifyAsync(_yesterday, _today, _outboxFiles = _today.Emails).GetAwaiter().GetResult();

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _world.VerifyAsync(_yesterday, _today, _outboxFiles);
        await _world.DisposeAsync();
    }

    private async Task SetupAsync()
    {
        _world = await ReminderWorld.CreateAsync(instrument: false);
        var watch = Stopwatch.StartNew();
        var run = await _world.RunAsync(ReminderWorld.Yesterday);
        await _world.SendMailAsync();
        watch.Stop();
        (_yesterday, _today) = _world.Expectations();
        _yesterday.Check(run, digests: _world.DigestReaders);
        _outboxFiles = _yesterday.Emails;
        await _world.VerifyAsync(_yesterday, null, _outboxFiles);
        if (History > 0)
        {
            await _world.AddHistoryAsync(History);
            await _world.VerifyAsync(_yesterday, null, _outboxFiles);
        }

        Console.WriteLine($"// Seed: {_world.Describe()}; {History} older deliveries");
        Console.WriteLine($"// Yesterday's run (the backlog, once, not a benchmark): {run} in {watch.Elapsed.TotalSeconds:0.00} s; {_yesterday.Describe()}");
        Console.WriteLine($"// Today's first run is to deliver: {_today.Describe()}");
    }
}

/// <summary>Few iterations, one invocation each (the first-run benchmark resets its state between them), in process.</summary>
public sealed class ReminderBenchmarkConfig : ManualConfig
{
    public ReminderBenchmarkConfig() =>
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithWarmupCount(2)
            .WithIterationCount(10)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            // WebApplicationFactory finds the app through the manifest next to this assembly, not a generated project;
            // seeding and yesterday's run take a while, hence the long timeout.
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
}

/// <summary>
/// Where the time of a run goes: SQL commands (count, time to execute), transactions, the time before the first email
/// (reading, planning, delivering, digests), the emails through the mail sender (count, time in it), the sender's time
/// split between composing and writing files, and the planner alone over the same facts. Run with <c>dotnet run -c Release --project tests/CxMaturity.Benchmarks --
/// reminders-profile [first runs, 5 unless given] [smtp] [history=N]</c>; single runs, so figures are indicative. With
/// <c>smtp</c> the emails go to a local SMTP server instead of the outbox folder; <c>history=N</c> adds N older deliveries
/// at the end and runs again.
/// </summary>
public static class ReminderProfile
{
    public static async Task RunAsync(TextWriter output, int firstRuns, bool smtp, int history)
    {
        // Over SMTP: a local server on the loopback, no TLS, no authentication — the cheapest SMTP there is.
        using var server = smtp ? netDumbster.smtp.SimpleSmtpServer.Start() : null;
        var world = await ReminderWorld.CreateAsync(instrument: true, smtpPort: server?.Configuration.Port);
        try
        {
            output.WriteLine($"Seed: {world.Describe()}; emails {(smtp ? "over SMTP to a local server" : "to the outbox folder")}");
            var (yesterday, today) = world.Expectations();
            await ProfileAsync(world, output, "yesterday's run (the backlog)", ReminderWorld.Yesterday, yesterday, world.DigestReaders);
            await world.VerifyAsync(yesterday, null, yesterday.Emails);
            for (var i = 1; i <= firstRuns; i++)
            {
                await world.ForgetSinceAsync(ReminderWorld.Today, yesterday);
                await ProfileAsync(world, output, $"today's first run #{i}", ReminderWorld.Today, today, 0);
                await world.VerifyAsync(yesterday, today, today.Emails);
            }

            for (var i = 1; i <= 5; i++)
            {
                await ProfileAsync(world, output, $"steady state #{i}", ReminderWorld.Today, ReminderExpectation.Nothing, 0);
            }

            if (!smtp)
            {
                await EmailWritingAsync(world, output);
            }

            if (history > 0)
            {
                // A year of deliveries: every run reads every key ever delivered.
                await world.AddHistoryAsync(history);
                output.WriteLine($"with {history} more (older) deliveries:");
                await ProfileAsync(world, output, "  steady state", ReminderWorld.Today, ReminderExpectation.Nothing, 0);
                await ProfileAsync(world, output, "  steady state", ReminderWorld.Today, ReminderExpectation.Nothing, 0);
                await world.ForgetSinceAsync(ReminderWorld.Today, yesterday);
                await ProfileAsync(world, output, "  today's first run", ReminderWorld.Today, today, 0);
            }

            var facts = world.Facts;
            var delivered = yesterday.Keys;
            var day = DateOnly.FromDateTime(ReminderWorld.Today.UtcDateTime);
            for (var i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                var planned = facts.Sum(f => ReminderPlanner.Plan(day, f, delivered).Count);
                output.WriteLine($"planner alone over {facts.Count} organisations: {planned} planned in {watch.Elapsed.TotalMilliseconds:0.0} ms");
            }
        }
        finally
        {
            await world.DisposeAsync();
        }
    }

    /// <summary>
    /// The emails of today's first run written again three ways, to split the sender's time: composing alone (MIME to
    /// memory), as the outbox sender does (composed, written to a new file with write-through, renamed), and the same
    /// without write-through.
    /// </summary>
    private static async Task EmailWritingAsync(ReminderWorld world, TextWriter output)
    {
        var messages = await world.TodaysEmailsAsync();
        var options = world.GetService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value;
        var from = typeof(IMailSender).Assembly.GetType("CxMaturity.Web.Features.Mail.MimeMessages", throwOnError: true)!.GetMethod("From")!;
        MimeKit.MimeMessage Compose(OutgoingMessage message) => (MimeKit.MimeMessage)from.Invoke(null, [message, options, ReminderWorld.Today])!;
        var folder = Path.Combine(Path.GetTempPath(), "cxmaturity-bench", "mail-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            for (var round = 0; round < 3; round++)
            {
                var watch = Stopwatch.StartNew();
                long bytes = 0;
                foreach (var message in messages)
                {
                    using var mime = Compose(message);
                    using var memory = new MemoryStream();
                    await mime.WriteToAsync(memory);
                    bytes += memory.Length;
                }

                var composing = watch.Elapsed;
                var writeThrough = await WriteFilesAsync(messages, Compose, folder, FileOptions.WriteThrough);
                var plain = await WriteFilesAsync(messages, Compose, folder, FileOptions.None);
                output.WriteLine(
                    $"{messages.Count} emails ({bytes / messages.Count:0} bytes each): composed to memory in {composing.TotalMilliseconds:0} ms; " +
                    $"composed and written as the outbox does (write-through) in {writeThrough.TotalMilliseconds:0} ms; without write-through in {plain.TotalMilliseconds:0} ms");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<TimeSpan> WriteFilesAsync(
        IReadOnlyList<OutgoingMessage> messages, Func<OutgoingMessage, MimeKit.MimeMessage> compose, string folder, FileOptions options)
    {
        var watch = Stopwatch.StartNew();
        foreach (var message in messages)
        {
            using var mime = compose(message);
            var name = Guid.NewGuid().ToString("N") + ".eml";
            var temporary = Path.Combine(folder, "." + name + ".tmp");
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, options))
            {
                await mime.WriteToAsync(file);
            }

            File.Move(temporary, Path.Combine(folder, name));
        }

        return watch.Elapsed;
    }

    private static async Task ProfileAsync(ReminderWorld world, TextWriter output, string what, DateTimeOffset at, ReminderExpectation expected, int digests)
    {
        world.Counters.Reset();
        var watch = Stopwatch.StartNew();
        var run = await world.RunAsync(at);
        var job = watch.Elapsed;
        var sent = await world.SendMailAsync();
        watch.Stop();
        expected.Check(run, digests);
        var c = world.Counters;
        output.WriteLine(
            $"{what}: {run} in {job.TotalMilliseconds:0} ms, then the mail job sent {sent} emails in {(watch.Elapsed - job).TotalMilliseconds:0} ms; together {c.Commands} SQL commands ({c.Reads} reads, {c.Writes} writes; {c.Commits} transactions committed) " +
            $"taking {c.CommandTime.TotalMilliseconds:0} ms to execute; {c.BeforeFirstMail.TotalMilliseconds:0} ms before the first email; " +
            $"{c.Mails} emails through the mail sender, {c.MailTime.TotalMilliseconds:0} ms in it");
    }
}

/// <summary>What a run is to deliver: the keys, with the notifications and emails that go with them.</summary>
internal sealed record ReminderExpectation(IReadOnlySet<string> Keys, int Notifications, int Emails, IReadOnlyDictionary<ReminderKind, int> ByKind)
{
    public static ReminderExpectation Nothing { get; } = new(new HashSet<string>(), 0, 0, new Dictionary<ReminderKind, int>());

    public void Check(ReminderRun run, int digests)
    {
        if (run != new ReminderRun(Keys.Count, digests, Emails))
        {
            throw new InvalidOperationException($"The run did {run}; the planner over the seeded facts expects {new ReminderRun(Keys.Count, digests, Emails)}.");
        }
    }

    public string Describe() =>
        $"{Keys.Count} reminders ({string.Join(", ", ByKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}), {Notifications} notifications, {Emails} emails";
}

/// <summary>
/// The seeded app: 200 organisations, each with an Owner, a CX lead and a contributor who owns most KPIs and projects;
/// 20 KPIs (6 weekly, 8 monthly, 4 quarterly, 2 yearly; most measured on time, 12 % behind, one in ten organisations
/// with a KPI never measured); 30 projects (Proposed to Cancelled, due from 20 days ago to 300 days on, a tenth with
/// no due date) with 2–3 milestones each (due from 45 days ago to 120 days on, most of the past ones done), a third
/// of them with the Executive sponsor (the Owner) Accountable and a sixth with the CX lead role Accountable (held in
/// half the organisations); an open round in half the organisations, closing in 3 days (new today) or in 2 days
/// (reminded yesterday), with 4 of its 10 respondents not handed in (one of them the contributor, three known only by
/// email); a closed round in two organisations of three, 6 months ago today, earlier or two months ago. A fifth of the
/// contributors read reminders in a weekly digest; a seventh of the CX leads turned off emails about overdue KPIs.
/// </summary>
internal sealed class ReminderWorld : IAsyncDisposable
{
    public const int Organisations = 200;
    public const int KpisPerOrganisation = 20;
    public const int ProjectsPerOrganisation = 30;

    /// <summary>Today, a Tuesday (a Monday would add the weekly digests).</summary>
    public static readonly DateTimeOffset Today = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Yesterday = Today.AddDays(-1);

    private readonly FixedClock _clock = new();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cxmaturity-bench", Guid.NewGuid().ToString("N"));
    private readonly List<SeededOrganisation> _organisations = [];
    private readonly Dictionary<string, AppUser> _users = new(StringComparer.Ordinal);
    private WebApplicationFactory<AppDbContext> _factory = null!;
    private int? _smtpPort;
    private int _historyRows;

    private ReminderWorld()
    {
    }

    public Counters Counters { get; } = new();

    public IReadOnlyList<ReminderFacts> Facts { get; private set; } = [];

    /// <summary>Users who chose a weekly digest: each gets one dated Monday 30 Nov, delivered by yesterday's run.</summary>
    public int DigestReaders => _users.Values.Count(u => u.WeeklyDigest);

    private string Outbox => Path.Combine(_dataDirectory, "outbox");

    public static async Task<ReminderWorld> CreateAsync(bool instrument, int? smtpPort = null)
    {
        var world = new ReminderWorld { _smtpPort = smtpPort };
        await world.StartAsync(instrument);
        return world;
    }

    public async Task<ReminderRun> RunAsync(DateTimeOffset at)
    {
        _clock.Now = at;
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>The mail job, which the reminder job starts when it queued emails: sends what waits in the outbox table.</summary>
    public async Task<int> SendMailAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MailQueue>().SendDueAsync(CancellationToken.None);
    }

    /// <summary>What yesterday's run is to deliver from nothing, and today's after it, by the domain planner over the seeded facts.</summary>
    public (ReminderExpectation Yesterday, ReminderExpectation Today) Expectations()
    {
        var yesterday = Expect(DateOnly.FromDateTime(Yesterday.UtcDateTime), new HashSet<string>(StringComparer.Ordinal));
        var today = Expect(DateOnly.FromDateTime(Today.UtcDateTime), yesterday.Keys);
        if (today.Keys.Overlaps(yesterday.Keys))
        {
            throw new InvalidOperationException("The planner planned again a reminder it was told was delivered.");
        }

        return (yesterday, today);
    }

    /// <summary>
    /// Deletes what runs at or after <paramref name="since"/> wrote — deliveries, notifications, emails, the outbox
    /// files — leaving the database as yesterday's run left it.
    /// </summary>
    public async Task ForgetSinceAsync(DateTimeOffset since, ReminderExpectation before)
    {
        var from = since.UtcDateTime;
        await using (var db = await CreateDbContextAsync())
        {
            await db.ReminderDeliveries.Where(d => d.DeliveredUtc >= from).ExecuteDeleteAsync();
            await db.Notifications.Where(n => n.CreatedUtc >= from).ExecuteDeleteAsync();
            await db.OutgoingMails.Where(m => m.CreatedUtc >= from).ExecuteDeleteAsync();
        }

        if (Directory.Exists(Outbox))
        {
            Directory.Delete(Outbox, recursive: true);
        }

        await VerifyAsync(before, null, outboxFiles: 0);
    }

    /// <summary>
    /// Throws unless the database holds exactly the deliveries planned for yesterday and (when given) today, each once,
    /// with one notification per member recipient, one sent email per email planned, and <paramref name="outboxFiles"/>
    /// files in the outbox folder.
    /// </summary>
    public async Task VerifyAsync(ReminderExpectation yesterday, ReminderExpectation? today, int outboxFiles)
    {
        var expected = new HashSet<string>(yesterday.Keys, StringComparer.Ordinal);
        expected.UnionWith(today?.Keys ?? new HashSet<string>());
        await using var db = await CreateDbContextAsync();
        var since = Yesterday.UtcDateTime;
        var keys = await db.ReminderDeliveries.AsNoTracking().Where(d => d.Kind != ReminderJob.DigestKind && d.DeliveredUtc >= since).Select(d => d.Key).ToListAsync();
        if (await db.ReminderDeliveries.CountAsync(d => d.Kind != ReminderJob.DigestKind) != keys.Count + _historyRows)
        {
            throw new InvalidOperationException("Reminders were delivered with another date than the runs'.");
        }

        var distinct = keys.ToHashSet(StringComparer.Ordinal);
        if (distinct.Count != keys.Count)
        {
            throw new InvalidOperationException($"{keys.Count - distinct.Count} reminders were delivered twice.");
        }

        if (!distinct.SetEquals(expected))
        {
            throw new InvalidOperationException(
                $"{expected.Except(distinct).Count()} planned reminders were not delivered and {distinct.Except(expected).Count()} were delivered that the planner did not plan.");
        }

        var digests = await db.ReminderDeliveries.CountAsync(d => d.Kind == ReminderJob.DigestKind);
        if (digests != DigestReaders)
        {
            throw new InvalidOperationException($"{digests} weekly digests delivered; {DigestReaders} readers chose one.");
        }

        var notifications = await db.Notifications.AsNoTracking().Select(n => new { n.UserId, n.Kind, n.Link, n.Title }).ToListAsync();
        var expectedNotifications = yesterday.Notifications + (today?.Notifications ?? 0);
        if (notifications.Count != expectedNotifications || notifications.Distinct().Count() != notifications.Count)
        {
            throw new InvalidOperationException($"{notifications.Count} notifications ({notifications.Distinct().Count()} distinct); {expectedNotifications} expected.");
        }

        var mails = await db.OutgoingMails.AsNoTracking().Select(m => new { m.ToAddress, m.Subject, m.SentUtc }).ToListAsync();
        var expectedMails = yesterday.Emails + (today?.Emails ?? 0);
        if (mails.Count != expectedMails || mails.Any(m => m.SentUtc is null))
        {
            throw new InvalidOperationException($"{mails.Count} emails ({mails.Count(m => m.SentUtc is null)} not sent); {expectedMails} expected.");
        }

        var files = Directory.Exists(Outbox) ? Directory.GetFiles(Outbox, "*.eml").Length : 0;
        if (files != (_smtpPort is null ? outboxFiles : 0))
        {
            throw new InvalidOperationException($"{files} emails in the outbox folder; {outboxFiles} expected.");
        }
    }

    /// <summary>Older deliveries than the seed's (a year of history, say), under keys nothing plans again.</summary>
    public async Task AddHistoryAsync(int count)
    {
        await using var db = await CreateDbContextAsync();
        await db.Database.ExecuteSqlAsync(
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) INSERT INTO ReminderDeliveries (Key, Kind, OrganisationId, DeliveredUtc) SELECT printf('KpiDue|kpi:%d|2025-%06d|user:00000000-0000-0000-0000-%012d', i % 4000, i, i), 'KpiDue', 1 + i % 200, '2025-06-01 09:00:00' FROM n");
        _historyRows += count;
    }

    public T GetService<T>()
        where T : notnull => _factory.Services.GetRequiredService<T>();

    /// <summary>The emails today's runs wrote, as the sender gets them.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> TodaysEmailsAsync()
    {
        var from = Today.UtcDateTime;
        await using var db = await CreateDbContextAsync();
        return await db.OutgoingMails.AsNoTracking().Where(m => m.CreatedUtc >= from).OrderBy(m => m.Id)
            .Select(m => new OutgoingMessage(m.Kind, m.ToAddress, m.ToName, m.Subject, m.Text, m.Html, m.UnsubscribeUrl))
            .ToListAsync();
    }

    public string Describe()
    {
        var milestones = _organisations.Sum(o => o.Projects.Sum(p => p.Milestones.Count));
        var measurements = _organisations.Sum(o => o.Kpis.Sum(k => k.Measurements.Count));
        return $"{_organisations.Count} organisations, {_users.Count} users, {_organisations.Sum(o => o.Kpis.Count)} KPIs with {measurements} measurements, " +
            $"{_organisations.Sum(o => o.Projects.Count)} projects with {milestones} milestones, " +
            $"{_organisations.Sum(o => o.Rounds.Count(r => r.Status == RoundStatus.Open))} open rounds, {_organisations.Sum(o => o.Rounds.Count(r => r.Status == RoundStatus.Closed))} closed";
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private ReminderExpectation Expect(DateOnly day, IReadOnlySet<string> delivered)
    {
        var planned = Facts.SelectMany(f => ReminderPlanner.Plan(day, f, delivered)).ToList();
        var keys = planned.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        if (keys.Count != planned.Count)
        {
            throw new InvalidOperationException("The planner planned a reminder twice.");
        }

        bool Emailed(PlannedReminder reminder) =>
            reminder.Recipient.UserId is not { } id
            || (_users[id] is var user && EmailChoices.IsOn(user.ReminderEmailsOff, reminder.Kind) && !user.WeeklyDigest);

        return new ReminderExpectation(
            keys,
            planned.Count(r => r.Recipient.UserId is not null),
            planned.Count(Emailed),
            planned.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count()));
    }

    private async Task StartAsync(bool instrument)
    {
        _clock.Now = Yesterday;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CXMATURITY_WEB", WebProjectDirectory());
        _factory = new WebApplicationFactory<AppDbContext>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Jobs:RunServer", "false");
            var settings = new Dictionary<string, string?>
            {
                ["Data:Directory"] = _dataDirectory,
                ["Demo:Enabled"] = "false",
                ["App:PublicUrl"] = "https://cx.example.com/",
                ["AllowedHosts"] = "localhost",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            if (_smtpPort is { } port)
            {
                (settings["Mail:Smtp:Host"], settings["Mail:Smtp:Port"], settings["Mail:Smtp:Security"]) =
                    ("127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "None");
            }

            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                if (instrument)
                {
                    services.ConfigureDbContext<AppDbContext>((_, options) => options.AddInterceptors(Counters.CommandInterceptor, Counters.TransactionInterceptor));
                    var mail = services.Last(d => d.ServiceType == typeof(IMailSender));
                    services.AddSingleton<IMailSender>(provider => new TimedMailSender(
                        (IMailSender)(mail.ImplementationFactory?.Invoke(provider) ?? mail.ImplementationInstance
                            ?? ActivatorUtilities.CreateInstance(provider, mail.ImplementationType!)),
                        Counters));
                }
            });
        });

        var modelVersionId = await _factory.Services.GetRequiredService<ModelVersionStore>()
            .GetOrCreateAsync(_factory.Services.GetRequiredService<ModelCatalog>().Get("cx-maturity"));
        await SeedAsync(modelVersionId);
        Facts = [.. _organisations.Select(o => o.Facts())];
    }

    private async Task SeedAsync(int modelVersionId)
    {
        var random = new Random(20_261_201);
        var today = DateOnly.FromDateTime(Today.UtcDateTime);
        var created = Today.UtcDateTime.AddYears(-2);
        AppUser User(string role, int o)
        {
            var email = $"{role}{o:000}@bench.example.com";
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = $"{char.ToUpperInvariant(role[0])}{role[1..]} {o:000}",
            };
            _users.Add(user.Id, user);
            return user;
        }

        await using var db = await CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var o = 0; o < Organisations; o++)
        {
            var (owner, lead, contributor) = (User("owner", o), User("lead", o), User("contributor", o));
            contributor.WeeklyDigest = o % 5 == 0;
            lead.ReminderEmailsOff = o % 7 == 0 ? EmailChoices.With(0, ReminderKind.KpiOverdue, false) : 0;
            db.Users.AddRange(owner, lead, contributor);

            var organisation = new Organisation { Name = $"Client {o:000}", CreatedUtc = created };
            organisation.Memberships.Add(new Membership { UserId = owner.Id, Role = OrganisationRole.Owner, CreatedUtc = created });
            organisation.Memberships.Add(new Membership { UserId = lead.Id, Role = OrganisationRole.CxLead, CreatedUtc = created });
            organisation.Memberships.Add(new Membership { UserId = contributor.Id, Role = OrganisationRole.Contributor, CreatedUtc = created });
            var roles = RaciRules.DefaultRoles
                .Select((role, i) => new GovernanceRole { Organisation = organisation, Name = role.Name, Responsibilities = role.Responsibilities, Position = i })
                .ToList();
            var (sponsor, leadRole) = (roles[0], roles[1]);
            sponsor.HolderUserId = owner.Id;
            leadRole.HolderUserId = o % 2 == 0 ? lead.Id : null;

            var seeded = new SeededOrganisation(organisation, owner, lead, roles);
            for (var k = 0; k < KpisPerOrganisation; k++)
            {
                var frequency = k < 6 ? MeasurementFrequency.Weekly : k < 14 ? MeasurementFrequency.Monthly : k < 18 ? MeasurementFrequency.Quarterly : MeasurementFrequency.Yearly;
                var kind = (KpiKind)(k % 5);
                var kpi = new Kpi
                {
                    Organisation = organisation, Name = $"KPI {k:00}", Kind = kind, Direction = kind == KpiKind.Churn ? KpiDirection.LowerIsBetter : KpiDirection.HigherIsBetter,
                    Frequency = frequency, OwnerUserId = k % 5 == 4 ? null : contributor.Id, CreatedUtc = created,
                };
                if (!(k == KpisPerOrganisation - 1 && o % 10 == 0)) // else never measured: due since it was defined
                {
                    // Next due 12 % of the time 1–44 days ago (behind), otherwise within the coming period, today included.
                    var next = random.NextDouble() < 0.12 ? today.AddDays(-random.Next(1, 45)) : today.AddDays(random.Next(0, PeriodDays(frequency)));
                    var date = Before(next, frequency);
                    for (var i = 0; i < 6; i++, date = Before(date, frequency))
                    {
                        kpi.Measurements.Add(new KpiMeasurement
                        {
                            Date = date, Value = kind == KpiKind.Ces ? 4.5 : 40, Source = "Survey", CreatedUtc = date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                        });
                    }
                }

                seeded.Kpis.Add(kpi);
            }

            for (var j = 0; j < ProjectsPerOrganisation; j++)
            {
                var status = (j % 10) switch
                {
                    0 => ProjectStatus.Proposed,
                    1 or 2 => ProjectStatus.Planned,
                    7 => ProjectStatus.Blocked,
                    8 => ProjectStatus.Done,
                    9 => ProjectStatus.Cancelled,
                    _ => ProjectStatus.InProgress,
                };
                var project = new Project
                {
                    Organisation = organisation, Title = $"Project {j:00}", Status = status, StartOn = today.AddDays(-60),
                    DueOn = j % 10 == 5 ? null : today.AddDays(random.Next(-20, 301)),
                    OwnerUserId = j % 7 == 6 ? lead.Id : j % 11 == 10 ? null : contributor.Id, CreatedUtc = created,
                };
                for (var m = 0; m < (j % 3 == 0 ? 3 : 2); m++)
                {
                    DateOnly? due = random.Next(20) == 0 ? null : today.AddDays(random.Next(-45, 121));
                    var done = due is { } d && random.NextDouble() < (d < today.AddDays(-1) ? 0.8 : 0.1);
                    project.Milestones.Add(new Milestone { Title = $"Step {m + 1}", DueOn = due, Done = done, Position = m });
                }

                seeded.Projects.Add(project);
            }

            if (o % 3 != 2)
            {
                // Six months ago today (reassessment due today unless a round is open), earlier, or two months ago.
                var closedUtc = o % 3 == 1 ? new DateTime(2026, 10, 1, 10, 0, 0, DateTimeKind.Utc)
                    : o % 4 == 2 ? new DateTime(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc)
                    : new DateTime(2026, 4, 20, 10, 0, 0, DateTimeKind.Utc);
                seeded.Rounds.Add(new AssessmentRound
                {
                    Organisation = organisation, ModelVersionId = modelVersionId, Name = "Baseline", Status = RoundStatus.Closed,
                    CreatedUtc = closedUtc.AddDays(-30), ClosedUtc = closedUtc,
                });
            }

            if (o % 4 is 0 or 1)
            {
                var round = new AssessmentRound
                {
                    Organisation = organisation, ModelVersionId = modelVersionId, Name = "Pulse", Status = RoundStatus.Open,
                    OpensOn = today.AddDays(-14), ClosesOn = today.AddDays(o % 4 == 0 ? 3 : 2), CreatedUtc = today.AddDays(-20).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                };
                for (var i = 0; i < 10; i++)
                {
                    var (userId, email) = i == 6 ? (contributor.Id, contributor.Email!) : ((string?)null, $"respondent{i}.{o:000}@client.example.com");
                    round.Respondents.Add(new Respondent
                    {
                        UserId = userId, Name = $"Respondent {i}", Email = email, Group = "Frontline",
                        Status = i < 6 ? RespondentStatus.Submitted : i % 2 == 0 ? RespondentStatus.InProgress : RespondentStatus.Invited,
                    });
                }

                seeded.Rounds.Add(round);
            }

            db.Organisations.Add(organisation);
            db.GovernanceRoles.AddRange(roles);
            db.Kpis.AddRange(seeded.Kpis);
            db.Projects.AddRange(seeded.Projects);
            db.Rounds.AddRange(seeded.Rounds);
            _organisations.Add(seeded);
            if (o % 50 == 49)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        // The RACI rows need the projects' ids: the sponsor A for a third, the CX lead role A for a sixth (R otherwise).
        foreach (var seeded in _organisations)
        {
            var (sponsor, leadRole) = (seeded.Roles[0], seeded.Roles[1]);
            foreach (var (project, j) in seeded.Projects.Select((p, j) => (p, j)))
            {
                var rowKey = $"project:{project.Id}";
                if (j % 3 == 0)
                {
                    db.RaciAssignments.Add(new RaciAssignment { OrganisationId = seeded.Organisation.Id, RowKey = rowKey, RoleId = sponsor.Id, Letter = RaciLetter.A });
                    db.RaciAssignments.Add(new RaciAssignment { OrganisationId = seeded.Organisation.Id, RowKey = rowKey, RoleId = leadRole.Id, Letter = RaciLetter.R });
                    seeded.Accountable[project.Id] = sponsor.HolderUserId;
                }
                else if (j % 6 == 1)
                {
                    db.RaciAssignments.Add(new RaciAssignment { OrganisationId = seeded.Organisation.Id, RowKey = rowKey, RoleId = leadRole.Id, Letter = RaciLetter.A });
                    seeded.Accountable[project.Id] = leadRole.HolderUserId;
                }
            }
        }

        await db.SaveChangesAsync();
    }

    private async Task<AppDbContext> CreateDbContextAsync() =>
        await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private static int PeriodDays(MeasurementFrequency frequency) => frequency switch
    {
        MeasurementFrequency.Weekly => 7,
        MeasurementFrequency.Monthly => 30,
        MeasurementFrequency.Quarterly => 91,
        _ => 365,
    };

    private static DateOnly Before(DateOnly date, MeasurementFrequency frequency) => frequency switch
    {
        MeasurementFrequency.Weekly => date.AddDays(-7),
        MeasurementFrequency.Monthly => date.AddMonths(-1),
        MeasurementFrequency.Quarterly => date.AddMonths(-3),
        _ => date.AddYears(-1),
    };

    private static string WebProjectDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "src", "CxMaturity.Web"));

    /// <summary>
    /// One organisation as seeded, and its facts as docs/RULES.md §8.6 reads them — built here from what was seeded,
    /// not by the app's loader, so that the check does not take the loader's word for it.
    /// </summary>
    private sealed record SeededOrganisation(Organisation Organisation, AppUser Owner, AppUser Lead, List<GovernanceRole> Roles)
    {
        public List<Kpi> Kpis { get; } = [];

        public List<Project> Projects { get; } = [];

        public List<AssessmentRound> Rounds { get; } = [];

        /// <summary>The holder of the role that is A in each project's RACI row (null: no A, or nobody holds it).</summary>
        public Dictionary<int, string?> Accountable { get; } = [];

        public ReminderFacts Facts()
        {
            static Recipient? Member(string? userId) => userId is null ? null : new Recipient(userId, null);
            var lastClosed = Rounds.Where(r => r.Status == RoundStatus.Closed).Max(r => r.ClosedUtc);
            var organisation = new OrganisationFacts(
                Organisation.Id, Organisation.Name, lastClosed is { } closed ? DateOnly.FromDateTime(closed) : null,
                lastClosed is { } since && Rounds.Any(r => r.Status != RoundStatus.Closed && r.CreatedUtc > since),
                [new Recipient(Lead.Id, null)], [new Recipient(Owner.Id, null)]);
            return new ReminderFacts(
                organisation,
                [.. Kpis.Select(k => new KpiFacts(k.Id, k.Name, k.Frequency, DateOnly.FromDateTime(k.CreatedUtc),
                    k.Measurements.Count == 0 ? null : k.Measurements.Max(m => m.Date), Member(k.OwnerUserId)))],
                [.. Projects.SelectMany(p => p.Milestones.Select(m => new MilestoneFacts(
                    m.Id, m.Title, p.Id, p.Title, p.Status, m.Done, m.DueOn, Member(p.OwnerUserId), Member(Accountable.GetValueOrDefault(p.Id)))))],
                [.. Projects.Select(p => new ProjectFacts(p.Id, p.Title, p.Status, p.DueOn, Member(p.OwnerUserId), Member(Accountable.GetValueOrDefault(p.Id))))],
                [.. Rounds.Where(r => r.Status == RoundStatus.Open).Select(r => new RoundFacts(r.Id, r.Name, r.ClosesOn,
                    [.. r.Respondents.Where(x => x.Status != RespondentStatus.Submitted).Select(x => x.UserId is null ? new Recipient(null, x.Email) : new Recipient(x.UserId, null))]))]);
        }
    }

    private sealed class FixedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class TimedMailSender(IMailSender inner, Counters counters) : IMailSender
    {
        public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            var started = Stopwatch.GetTimestamp();
            counters.Mailing(started);
            await inner.SendAsync(message, cancellationToken);
            counters.Mailed(Stopwatch.GetElapsedTime(started));
        }
    }
}

/// <summary>SQL commands, transactions and emails of a run, counted when <see cref="ReminderWorld"/> is instrumented.</summary>
internal sealed class Counters
{
    private long _reads;
    private long _writes;
    private long _commits;
    private long _commandTicks;
    private long _mails;
    private long _mailTicks;
    private long _reset = Stopwatch.GetTimestamp();
    private long _firstMail;

    public Counters()
    {
        CommandInterceptor = new CommandCounter(this);
        TransactionInterceptor = new CommitCounter(this);
    }

    public IInterceptor CommandInterceptor { get; }

    public IInterceptor TransactionInterceptor { get; }

    public long Commands => Reads + Writes;

    public long Reads => Interlocked.Read(ref _reads);

    public long Writes => Interlocked.Read(ref _writes);

    public long Commits => Interlocked.Read(ref _commits);

    public TimeSpan CommandTime => TimeSpan.FromTicks(Interlocked.Read(ref _commandTicks));

    public long Mails => Interlocked.Read(ref _mails);

    public TimeSpan MailTime => TimeSpan.FromTicks(Interlocked.Read(ref _mailTicks));

    /// <summary>From <see cref="Reset"/> to the first email handed to the sender: reading, planning, delivering, digests.</summary>
    public TimeSpan BeforeFirstMail => _firstMail == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_reset, _firstMail);

    public void Reset()
    {
        _reads = _writes = _commits = _commandTicks = _mails = _mailTicks = _firstMail = 0;
        _reset = Stopwatch.GetTimestamp();
    }

    public void Mailing(long started) => Interlocked.CompareExchange(ref _firstMail, started, 0);

    public void Mailed(TimeSpan took)
    {
        Interlocked.Increment(ref _mails);
        Interlocked.Add(ref _mailTicks, took.Ticks);
    }

    private void Executed(DbCommand command, CommandExecutedEventData eventData)
    {
        var text = command.CommandText.TrimStart();
        Interlocked.Increment(ref text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) ? ref _reads : ref _writes);
        Interlocked.Add(ref _commandTicks, eventData.Duration.Ticks);
    }

    private sealed class CommandCounter(Counters counters) : DbCommandInterceptor
    {
        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            counters.Executed(command, eventData);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            counters.Executed(command, eventData);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            counters.Executed(command, eventData);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class CommitCounter(Counters counters) : DbTransactionInterceptor
    {
        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref counters._commits);
            return Task.CompletedTask;
        }
    }
}
