using System.Data.Common;
using System.Globalization;
using CxMaturity.Assessment.Reminders;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Mail;
using CxMaturity.Web.Features.Notifications;
using CxMaturity.Web.Features.Reminders;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using netDumbster.smtp;

namespace CxMaturity.Web.Tests.Features.Reminders;

/// <summary>
/// The reminder job over a seeded organisation (<see cref="ReminderScenario"/>) with a clock the tests move: who hears
/// of what and when through a quarter, exactly once however the job is run, and the emails that go with it.
/// </summary>
public sealed class ReminderJobTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(At(2027, 1, 1));
    private readonly FailOnKey _failOn = new();
    private CxWebApplicationFactory _factory = default!;

    public Task InitializeAsync()
    {
        _factory = Factory(Path.Combine(Path.GetTempPath(), "cxmaturity-tests", Guid.NewGuid().ToString("N")), keep: false);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Through_a_quarter_each_reminder_reaches_its_people_once_on_its_day_by_notification_and_email()
    {
        var scenario = await ReminderScenario.CreateAsync(_factory);
        // Kim reads reminders in a weekly digest; Lena wants no email about overdue KPIs.
        await _factory.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == scenario.Kim.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.WeeklyDigest, true));
            await db.Users.Where(u => u.Id == scenario.Lena.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ReminderEmailsOff, EmailChoices.With(0, ReminderKind.KpiOverdue, false)));
        });

        for (var day = new DateOnly(2027, 1, 1); day <= new DateOnly(2027, 3, 31); day = day.AddDays(1))
        {
            _time.SetUtcNow(At(day.Year, day.Month, day.Day));
            if (day == new DateOnly(2027, 2, 10))
            {
                await MeasureAsync(scenario.KpiId, day); // next due 10 Mar
            }

            if (day == new DateOnly(2027, 2, 20))
            {
                await _factory.WithDbAsync(db => db.Milestones.Where(m => m.Id == scenario.LaunchId).ExecuteUpdateAsync(u => u.SetProperty(m => m.Done, true)));
            }

            await RunAsync();
            await RunAsync(); // a second run the same day finds nothing new
        }

        var deliveries = await _factory.WithDbAsync(db => db.ReminderDeliveries.Where(d => d.Kind != ReminderJob.DigestKind).OrderBy(d => d.Id).ToListAsync());
        Assert.Equal(
        [
            "01-13 MilestoneDueSoon kim", "01-13 MilestoneDueSoon olive", "01-13 MilestoneDueSoon lena",
            "01-21 MilestoneOverdue kim", "01-21 MilestoneOverdue olive", "01-21 MilestoneOverdue lena",
            "01-31 KpiDue kim", "01-31 KpiDue lena",
            "02-07 KpiOverdue kim", "02-07 KpiOverdue lena",
            "02-15 ReassessmentDue lena",
            "02-16 ProjectLate kim", "02-16 ProjectLate olive", "02-16 ProjectLate lena",
            "03-07 RoundClosing ada@example.com", "03-07 RoundClosing lena",
            "03-10 KpiDue kim", "03-10 KpiDue lena",
            "03-17 KpiOverdue kim", "03-17 KpiOverdue lena",
        ], deliveries.Select(d => $"{d.DeliveredUtc:MM-dd} {d.Kind} {scenario.NameOf(d.Key.Split('|')[3]).Replace("email:", "", StringComparison.Ordinal)}"));
        Assert.Equal($"KpiDue|kpi:{scenario.KpiId}|2027-01-31|user:{scenario.Kim.Id}", deliveries[6].Key);

        // Members see each as a notification linked to its subject; Ada, without an account, gets the email only.
        var notifications = await _factory.WithDbAsync(db => db.Notifications.OrderBy(n => n.Id).ToListAsync());
        Assert.Equal(19, notifications.Count);
        var pilot = notifications.First(n => n.UserId == scenario.Olive.Id);
        Assert.Equal(("MilestoneDueSoon", $"/projects/{scenario.ProjectId}", "Milestone “Pilot” of “Fix refunds” is due on 20 Jan 2027."), (pilot.Kind, pilot.Link, pilot.Title));
        Assert.Equal($"/organisations/{scenario.ContosoId}", notifications.Single(n => n.Kind == "ReassessmentDue").Link);
        Assert.Equal($"/rounds/{scenario.RoundId}", notifications.Single(n => n.Kind == "RoundClosing").Link);

        // Emails: Olive 3 and Lena 7 one by one (not the two overdue KPIs), Ada 1, Kim a digest each Monday after a reminder.
        var mails = await _factory.WithDbAsync(db => db.OutgoingMails.OrderBy(m => m.Id).ToListAsync());
        Assert.All(mails, m => Assert.NotNull(m.SentUtc));
        Assert.Equal(3, mails.Count(m => m.ToAddress == scenario.Olive.Email));
        Assert.Equal(7, mails.Count(m => m.ToAddress == scenario.Lena.Email));
        Assert.DoesNotContain(mails, m => m.ToAddress == scenario.Lena.Email && m.Subject.StartsWith("KPI measurement overdue", StringComparison.Ordinal));
        Assert.Equal(["03-07"], mails.Where(m => m.ToAddress == ReminderScenario.Invitee).Select(m => $"{m.CreatedUtc:MM-dd}"));
        Assert.Contains("link in your invitation email", mails.Single(m => m.ToAddress == ReminderScenario.Invitee).Text, StringComparison.Ordinal);
        Assert.Equal(
            ["01-18 digest", "01-25 digest", "02-01 digest", "02-08 digest", "02-22 digest", "03-15 digest", "03-22 digest"],
            mails.Where(m => m.ToAddress == scenario.Kim.Email).Select(m => $"{m.CreatedUtc:MM-dd} {m.Kind}"));
        var digest = mails.First(m => m.ToAddress == scenario.Kim.Email);
        Assert.Equal("Your CxMaturity week: 1 reminder", digest.Subject);
        Assert.Contains("Milestone due soon (Northwind): Milestone “Pilot” of “Fix refunds” is due on 20 Jan 2027.", digest.Text, StringComparison.Ordinal);
        Assert.Equal(18, Directory.GetFiles(Path.Combine(_factory.DataDirectory, OutboxMailSender.FolderName), "*.eml").Length);
    }

    [Fact]
    public async Task Two_runs_at_once_deliver_each_reminder_once()
    {
        var scenario = await ReminderScenario.CreateAsync(_factory);
        _time.SetUtcNow(At(2027, 2, 16));

        var runs = await Task.WhenAll(Task.Run(RunAsync), Task.Run(RunAsync));

        // Due on 16 Feb: Pilot overdue (3), NPS overdue since 7 Feb (2), the project late (3), Contoso's reassessment (1).
        Assert.Equal(9, runs.Sum(r => r.Delivered));
        await AssertEachOnceAsync(scenario, 9);
    }

    [Fact]
    public async Task A_run_that_fails_halfway_delivers_the_rest_next_time_and_nothing_twice()
    {
        var scenario = await ReminderScenario.CreateAsync(_factory);
        _time.SetUtcNow(At(2027, 2, 16));
        _failOn.Key = "ProjectLate|"; // Northwind's reminders fail to save, in the middle of its transaction

        await Assert.ThrowsAsync<AggregateException>(RunAsync);
        // Northwind's are rolled back whole; Contoso's, after it, went through all the same.
        Assert.Equal([$"ReassessmentDue|organisation:{scenario.ContosoId}|2027-02-15|user:{scenario.Lena.Id}"],
            await _factory.WithDbAsync(db => db.ReminderDeliveries.Select(d => d.Key).ToListAsync()));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.OrganisationId == scenario.NorthwindId)));

        _failOn.Key = null;
        Assert.Equal(8, (await RunAsync()).Delivered);
        Assert.Equal(0, (await RunAsync()).Delivered);
        await AssertEachOnceAsync(scenario, 9);
    }

    [Fact]
    public async Task Going_back_to_single_emails_sends_what_waited_for_the_digest_at_once()
    {
        var scenario = await ReminderScenario.CreateAsync(_factory);
        await _factory.WithDbAsync(db => db.Users.Where(u => u.Id == scenario.Kim.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.WeeklyDigest, true)));
        _time.SetUtcNow(At(2027, 1, 13)); // Wednesday: Pilot due soon, waits for Monday's digest
        await RunAsync();
        Assert.Empty(await KimsMailAsync());

        await _factory.GetService<NotificationService>().SaveSettingsAsync(scenario.Kim.Id, new Dictionary<ReminderKind, bool>(), weeklyDigest: false);
        _time.SetUtcNow(At(2027, 1, 14));
        await RunAsync();
        _time.SetUtcNow(At(2027, 1, 21)); // Pilot overdue: now one by one
        await RunAsync();

        var mails = await KimsMailAsync();
        Assert.Equal(["01-14 digest Your CxMaturity reminders since your last digest: 1", "01-21 reminder Milestone overdue: Milestone “Pilot” of “Fix refunds” was due on 20 Jan 2027."],
            mails.Select(m => $"{m.CreatedUtc:MM-dd} {m.Kind} {m.Subject}"));
        Assert.Contains("Milestone “Pilot” of “Fix refunds” is due on 20 Jan 2027.", mails[0].Text, StringComparison.Ordinal);

        Task<List<OutgoingMail>> KimsMailAsync() =>
            _factory.WithDbAsync(db => db.OutgoingMails.Where(m => m.ToAddress == scenario.Kim.Email).OrderBy(m => m.Id).ToListAsync());
    }

    [Fact]
    public async Task A_round_prepared_since_the_last_one_closed_holds_the_reassessment_back_and_an_old_draft_does_not()
    {
        var scenario = await ReminderScenario.CreateAsync(_factory);
        _time.SetUtcNow(At(2027, 2, 15));
        var draft = await _factory.CreateRoundAsync(scenario.Olive.Id, scenario.ContosoId, "Next baseline"); // created now, after 15 Aug 2026

        Assert.Equal(0, await _factory.WithDbAsync(async db =>
        {
            await db.Kpis.Where(k => k.Id == scenario.KpiId).ExecuteDeleteAsync();
            await db.Projects.Where(p => p.Id == scenario.ProjectId).ExecuteDeleteAsync();
            return 0;
        }));
        Assert.Equal(0, (await RunAsync()).Delivered);

        await _factory.WithDbAsync(db => db.Rounds.Where(r => r.Id == draft.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedUtc, new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc))));
        Assert.Equal(1, (await RunAsync()).Delivered);
    }

    [Fact]
    public async Task A_mail_server_that_cannot_be_reached_holds_the_whole_batch_back_for_its_back_off()
    {
        var failing = new FailingMailSender { FailuresLeft = 1 };
        await _factory.DisposeAsync();
        _factory = Factory(Path.Combine(Path.GetTempPath(), "cxmaturity-tests", Guid.NewGuid().ToString("N")), keep: false, configure: s => s.AddSingleton<IMailSender>(failing));
        await ReminderScenario.CreateAsync(_factory);
        _time.SetUtcNow(At(2027, 2, 16));

        Assert.Equal(9, (await RunAsync()).EmailsQueued); // the first email fails: the other eight are not tried
        Assert.Empty(failing.Sent);
        var waiting = await _factory.WithDbAsync(db => db.OutgoingMails.ToListAsync());
        Assert.All(waiting, m => Assert.Equal((null, _time.GetUtcNow().UtcDateTime.AddMinutes(1), (Guid?)null), (m.SentUtc, m.NextAttemptUtc, m.ClaimToken)));
        Assert.Single(waiting, m => m.LastError == "Connection refused (test)");

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(9, await _factory.GetService<MailQueue>().SendDueAsync(CancellationToken.None));
        Assert.Equal(9, failing.Sent.Count);
    }

    [Fact]
    public async Task A_new_app_over_the_same_database_delivers_nothing_twice()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cxmaturity-tests", Guid.NewGuid().ToString("N"));
        await _factory.DisposeAsync();
        _factory = Factory(folder, keep: true);
        var scenario = await ReminderScenario.CreateAsync(_factory);
        _time.SetUtcNow(At(2027, 2, 16));
        Assert.Equal(9, (await RunAsync()).Delivered);
        await _factory.DisposeAsync();

        _factory = Factory(folder, keep: false); // the restart
        Assert.Equal(0, (await RunAsync()).Delivered);
        _time.SetUtcNow(At(2027, 3, 7));
        Assert.Equal(5, (await RunAsync()).Delivered); // what falls due later still comes: Launch overdue (3), the round closing (2)
        Assert.Equal(14, await _factory.WithDbAsync(db => db.ReminderDeliveries.CountAsync()));
        Assert.Equal(3 + 2 + 3 + 3 + 1, await _factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.OrganisationId == scenario.NorthwindId)));
    }

    [Fact]
    public async Task Over_SMTP_a_reminder_carries_a_text_and_an_HTML_part_a_link_and_an_unsubscribe_link_that_works()
    {
        using var server = SimpleSmtpServer.Start();
        var received = new TaskCompletionSource<SmtpMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.MessageReceived += (_, e) => received.TrySetResult(e.Message);
        await _factory.DisposeAsync();
        _factory = Factory(Path.Combine(Path.GetTempPath(), "cxmaturity-tests", Guid.NewGuid().ToString("N")), keep: false, new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = server.Configuration.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        });
        var scenario = await OnlyContosoDueAsync();
        _time.SetUtcNow(At(2027, 2, 15)); // Contoso's reassessment, to Lena only

        Assert.Equal(new ReminderRun(1, 0, 1), await RunAsync());
        // The reminder job started the mail job (which the test ran itself, as no job server runs here).
        Assert.Equal(1, _factory.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().EnqueuedCount("default"));

        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(scenario.Lena.Email, message.ToAddresses.Single().Address);
        Assert.Equal(["text/plain", "text/html"], message.MessageParts.Select(p => p.HeaderData.Split(';')[0].Replace("Content-Type: ", "", StringComparison.Ordinal).Trim()));
        using var mime = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data)));
        Assert.Equal("Reassessment due: Contoso last closed a round on 15 Aug 2026: six months on, it is time to assess again.", mime.Subject);
        Assert.Contains($"Open it: https://cx.example.com/organisations/{scenario.ContosoId}", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://cx.example.com/organisations/{scenario.ContosoId}\"", mime.HtmlBody, StringComparison.Ordinal);
        var stop = mime.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.StartsWith("https://cx.example.com/unsubscribe/", stop, StringComparison.Ordinal);
        Assert.Contains(stop[..^"/now".Length], mime.TextBody, StringComparison.Ordinal);

        // One click (RFC 8058) turns that kind off for Lena, and only that kind; a made-up link is refused.
        using var client = _factory.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await client.PostAsync(new Uri(stop).PathAndQuery, null)).StatusCode);
        var forged = await client.PostAsync(new Uri(stop).PathAndQuery.Replace("/unsubscribe/", "/unsubscribe/x", StringComparison.Ordinal), null);
        Assert.True(forged.StatusCode == System.Net.HttpStatusCode.NotFound, await forged.Content.ReadAsStringAsync());
        var settings = await _factory.GetService<NotificationService>().GetSettingsAsync(scenario.Lena.Id);
        Assert.Equal([ReminderKind.ReassessmentDue], settings.Emails.Where(e => !e.Email).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_failed_email_is_kept_and_tried_again_with_back_off_while_the_notification_is_there_at_once()
    {
        var failing = new FailingMailSender { FailuresLeft = 2 };
        await _factory.DisposeAsync();
        _factory = Factory(Path.Combine(Path.GetTempPath(), "cxmaturity-tests", Guid.NewGuid().ToString("N")), keep: false, configure: s => s.AddSingleton<IMailSender>(failing));
        var scenario = await OnlyContosoDueAsync();
        _time.SetUtcNow(At(2027, 2, 15));

        Assert.Equal(new ReminderRun(1, 0, 1), await RunAsync()); // the mail job's first try fails
        Assert.Equal(1, await _factory.GetService<NotificationService>().UnreadCountAsync(scenario.Lena.Id));
        var mail = await _factory.WithDbAsync(db => db.OutgoingMails.SingleAsync());
        Assert.Equal((1, "Connection refused (test)", _time.GetUtcNow().UtcDateTime.AddMinutes(1)), (mail.Attempts, mail.LastError, mail.NextAttemptUtc));

        // Administrators see it failing, with its error, but not what it says.
        var administrator = await _factory.CreateAdministratorAsync();

        var status = await _factory.GetService<MailStatusService>().GetAsync(administrator.Id);
        Assert.Equal((1, 1), (status.Waiting, status.Failing));
        Assert.Equal(new WaitingMailView("reminder", $"{scenario.Lena.Email[0]}…@test.local", mail.CreatedUtc, 1, "Connection refused (test)", mail.NextAttemptUtc), status.NotSent.Single());

        var queue = _factory.GetService<MailQueue>();
        Assert.Equal(0, await queue.SendDueAsync(CancellationToken.None)); // not due yet
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await queue.SendDueAsync(CancellationToken.None)); // fails again: now 2 minutes
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await queue.SendDueAsync(CancellationToken.None));
        Assert.Equal(scenario.Lena.Email, failing.Sent.Single().ToAddress);
        Assert.Equal(0, (await RunAsync()).EmailsQueued);
    }

    private async Task AssertEachOnceAsync(ReminderScenario scenario, int expected)
    {
        var keys = await _factory.WithDbAsync(db => db.ReminderDeliveries.Where(d => d.Kind != ReminderJob.DigestKind).Select(d => d.Key).ToListAsync());
        Assert.Equal(expected, keys.Count);
        Assert.Equal(expected, keys.Distinct(StringComparer.Ordinal).Count());
        var notifications = await _factory.WithDbAsync(db => db.Notifications.Select(n => new { n.UserId, n.Kind, n.Link }).ToListAsync());
        Assert.Equal(expected, notifications.Distinct().Count());
        Assert.Equal(expected, notifications.Count);
        Assert.Equal(
            [(scenario.Olive.Email, 2), (scenario.Kim.Email, 3), (scenario.Lena.Email, 4)],
            (await _factory.WithDbAsync(db => db.OutgoingMails.Select(m => m.ToAddress).ToListAsync())).GroupBy(a => a).Select(g => (g.Key, g.Count())).OrderBy(g => g.Item2));
    }

    // The scenario without Northwind's KPI and project, so that on 15 Feb only Contoso's reassessment is due.
    private async Task<ReminderScenario> OnlyContosoDueAsync()
    {
        var scenario = await ReminderScenario.CreateAsync(_factory);
        await _factory.WithDbAsync(async db =>
        {
            await db.Kpis.Where(k => k.Id == scenario.KpiId).ExecuteDeleteAsync();
            await db.Projects.Where(p => p.Id == scenario.ProjectId).ExecuteDeleteAsync();
        });
        return scenario;
    }

    // The reminder job, then the mail job it starts when it queued emails (no job server runs in these tests).
    private async Task<ReminderRun> RunAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var run = await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<MailQueue>().SendDueAsync(CancellationToken.None);
        return run;
    }

    private Task MeasureAsync(int kpiId, DateOnly on) =>
        _factory.WithDbAsync(async db =>
        {
            db.KpiMeasurements.Add(new KpiMeasurement { KpiId = kpiId, Date = on, Value = 25, CreatedUtc = on.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
        });

    private CxWebApplicationFactory Factory(string folder, bool keep, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null) =>
        new()
        {
            Time = _time,
            DataDirectory = folder,
            KeepDataDirectory = keep,
            Settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["App:PublicUrl"] = "https://cx.example.com/",
                ["Jobs:RunServer"] = "false",
            },
            ConfigureServices = services =>
            {
                services.ConfigureDbContext<AppDbContext>((_, options) => options.AddInterceptors(_failOn));
                configure?.Invoke(services);
            },
        };

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Fails the command that writes a reminder whose key starts with <see cref="Key"/>: a crash in the middle of a run.</summary>
    private sealed class FailOnKey : DbCommandInterceptor
    {
        public string? Key { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Key is { } key && command.CommandText.Contains("INSERT", StringComparison.Ordinal) && command.Parameters.Cast<DbParameter>().Any(p => p.Value is string s && s.StartsWith(key, StringComparison.Ordinal))
                ? throw new IOException("The disk went away (test).")
                : ValueTask.FromResult(result);
    }
}
