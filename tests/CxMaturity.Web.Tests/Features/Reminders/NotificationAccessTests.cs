using System.Net;
using System.Net.Http.Json;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Notifications;
using CxMaturity.Web.Features.Reminders;
using CxMaturity.Web.Tests.Infrastructure;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxMaturity.Web.Tests.Features.Reminders;

/// <summary>
/// Notifications over the API are the caller's own, in organisations they still belong to; the calendar feed is
/// iCalendar with the user's dates and stops working when revoked; the job refuses a cron it cannot read.
/// </summary>
public sealed class NotificationAccessTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 1, 1, 9, 0, 0, TimeSpan.Zero));
    private CxWebApplicationFactory _factory = default!;

    public Task InitializeAsync()
    {
        _factory = new CxWebApplicationFactory
        {
            Time = _time,
            Settings = new Dictionary<string, string?> { ["App:PublicUrl"] = "https://cx.example.com/", ["Jobs:RunServer"] = "false" },
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_api_lists_the_callers_own_notifications_marks_them_read_and_hides_an_organisation_left()
    {
        var scenario = await ReminderScenario.CreateAsync(_factory);
        _time.SetUtcNow(new DateTimeOffset(2027, 2, 16, 9, 0, 0, TimeSpan.Zero));
        await RunAsync(); // 16 Feb: Kim hears of Pilot overdue, NPS overdue and the project late
        using var kim = await _factory.CreateApiClientAsync(scenario.Kim.Id);
        using var olive = await _factory.CreateApiClientAsync(scenario.Olive.Id);

        var list = await kim.GetFromJsonAsync<NotificationListView>("/api/v1/notifications", ApiTestExtensions.Json);
        Assert.Equal(3, list!.Unread);
        Assert.Equal(["KPI measurement overdue", "Milestone overdue", "Project late"], list.Items.Select(i => i.KindLabel).Order());
        Assert.All(list.Items, i => Assert.Equal("Northwind", i.Organisation));

        // Olive cannot read Kim's: 404, as for one that does not exist.
        var kims = list.Items[0].Id;
        Assert.Equal(HttpStatusCode.NotFound, (await olive.PostAsync($"/api/v1/notifications/{kims}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await kim.PostAsync($"/api/v1/notifications/{kims}/read", null)).StatusCode);
        Assert.Equal(2, (await kim.GetFromJsonAsync<NotificationListView>("/api/v1/notifications?unread=true", ApiTestExtensions.Json))!.Items.Count);
        var all = await (await kim.PostAsync("/api/v1/notifications/read-all", null)).Content.ReadFromJsonAsync<MarkedReadView>(ApiTestExtensions.Json);
        Assert.Equal(2, all!.Marked);
        Assert.Equal(0, (await kim.GetFromJsonAsync<NotificationListView>("/api/v1/notifications", ApiTestExtensions.Json))!.Unread);

        // Kim leaves Northwind: its notifications are no longer his to see.
        await _factory.WithDbAsync(db => db.Memberships.Where(m => m.UserId == scenario.Kim.Id).ExecuteDeleteAsync());
        Assert.Empty((await kim.GetFromJsonAsync<NotificationListView>("/api/v1/notifications", ApiTestExtensions.Json))!.Items);
        using var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/notifications")).StatusCode);
    }

    [Fact]
    public async Task A_notification_delivered_or_read_tells_the_users_open_pages_and_no_one_elses()
    {
        var scenario = await ReminderScenario.CreateAsync(_factory);
        await _factory.WithDbAsync(db => db.Projects.Where(p => p.Id == scenario.ProjectId).ExecuteDeleteAsync());
        var notifier = _factory.Services.GetRequiredService<NotificationNotifier>();
        var kimHeard = 0;
        var oliveHeard = 0;
        using (notifier.Subscribe(scenario.Kim.Id, () => Task.FromResult(Interlocked.Increment(ref kimHeard))))
        using (notifier.Subscribe(scenario.Olive.Id, () => Task.FromResult(Interlocked.Increment(ref oliveHeard))))
        {
            _time.SetUtcNow(new DateTimeOffset(2027, 1, 31, 9, 0, 0, TimeSpan.Zero)); // NPS due: Kim and Lena only
            await RunAsync();
            await WaitUntilAsync(() => Volatile.Read(ref kimHeard) == 1);
            await _factory.GetService<NotificationService>().MarkAllReadAsync(scenario.Kim.Id);
            await WaitUntilAsync(() => Volatile.Read(ref kimHeard) == 2);
        }

        await RunAsync();
        await _factory.GetService<NotificationService>().MarkAllReadAsync(scenario.Kim.Id);
        await Task.Delay(500);
        Assert.Equal((2, 0), (Volatile.Read(ref kimHeard), Volatile.Read(ref oliveHeard))); // Olive had nothing; Kim, unsubscribed, is no longer told
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }

    [Fact]
    public async Task The_calendar_feed_is_icalendar_with_the_users_dates_and_stops_when_revoked()
    {
        var scenario = await ReminderScenario.CreateAsync(_factory);
        var feeds = _factory.GetService<CalendarFeedService>();
        var address = await feeds.CreateAsync(scenario.Kim.Id);
        Assert.StartsWith("https://cx.example.com/calendar/", address, StringComparison.Ordinal);
        Assert.Equal(address, await feeds.GetAddressAsync(scenario.Kim.Id));
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri(address).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        // Kim owns the project (Pilot 20 Jan, Launch 1 Mar) and the NPS (last 31 Dec: due 31 Jan); answers no round.
        Assert.Equal(
            ["2027-01-20 Milestone due: Pilot (Fix refunds)", "2027-01-31 KPI due: NPS", "2027-03-01 Milestone due: Launch (Fix refunds)"],
            calendar.Events.Select(e => $"{e.Start!.Date:yyyy-MM-dd} {e.Summary}").Order(StringComparer.Ordinal));
        Assert.All(calendar.Events, e => Assert.False(e.Start!.HasTime));
        Assert.Equal(new Uri($"https://cx.example.com/projects/{scenario.ProjectId}"), calendar.Events.First(e => e.Summary!.StartsWith("Milestone", StringComparison.Ordinal)).Url);

        // Lena runs Northwind and Contoso: she sees Northwind's round closing; Olive holds A on the project.
        var lena = Ical.Net.Calendar.Load(await (await client.GetAsync(new Uri(await feeds.CreateAsync(scenario.Lena.Id)).PathAndQuery)).Content.ReadAsStringAsync())!;
        Assert.Equal(["2027-03-10 Round closes: Spring pulse"], lena.Events.Select(e => $"{e.Start!.Date:yyyy-MM-dd} {e.Summary}"));
        var olive = Ical.Net.Calendar.Load(await (await client.GetAsync(new Uri(await feeds.CreateAsync(scenario.Olive.Id)).PathAndQuery)).Content.ReadAsStringAsync())!;
        Assert.Contains(olive.Events, e => e.Summary == "Milestone due: Pilot (Fix refunds)");

        // A new address retires the old; revoking retires the feed.
        var renewed = await feeds.CreateAsync(scenario.Kim.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(address).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(renewed).PathAndQuery)).StatusCode);
        await feeds.RevokeAsync(scenario.Kim.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(renewed).PathAndQuery)).StatusCode);
        Assert.Null(await feeds.GetAddressAsync(scenario.Kim.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/calendar/not-a-secret.ics")).StatusCode);
    }

    [Fact]
    public async Task The_unsubscribe_page_asks_before_it_changes_anything_and_says_when_emails_are_already_off()
    {
        var user = await _factory.CreateUserAsync();
        var path = _factory.Services.GetRequiredService<UnsubscribeLinks>().PathFor(user.Id, Assessment.Reminders.ReminderKind.ProjectLate);
        using var anonymous = CxMaturity.Web.Tests.Components.Pages.PageClient.Anonymous(_factory);
        var notifications = _factory.GetService<NotificationService>();

        var asked = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("Stop emails about “Project late”?", asked.Html, StringComparison.Ordinal);
        Assert.All((await notifications.GetSettingsAsync(user.Id)).Emails, e => Assert.True(e.Email)); // opening the link changed nothing

        await notifications.UnsubscribeAsync(user.Id, Assessment.Reminders.ReminderKind.ProjectLate);
        var again = await anonymous.GetAsync(path);
        Assert.Equal("You already get no more emails about “Project late”. The reminders still show under the bell when you sign in.", again.TextOf("unsubscribe-done"));
        Assert.StartsWith("It may have been copied only in part.", (await anonymous.GetAsync(path[..^5])).TextOf("unsubscribe-invalid"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cron_expression_that_cannot_be_read_stops_the_app_with_a_sentence()
    {
        using var factory = new CxWebApplicationFactory { Settings = new Dictionary<string, string?> { ["Reminders:Cron"] = "every minute" } };

        var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Reminders:Cron \"every minute\" is not a cron expression", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("e.g. \"*/15 * * * *\" for every 15 minutes", refused.ToString(), StringComparison.Ordinal);
    }

    private async Task RunAsync()
    {
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None);
    }
}
