using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

/// <summary>
/// The bell: a CX lead has a page open when a KPI of theirs falls due and the reminder job runs; the count rises
/// without a reload, and falls when the reminder is read — with the mouse on a desktop, by touch on a phone.
/// </summary>
public sealed class NotificationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_bell_count_rises_when_a_reminder_is_delivered_and_falls_when_it_is_read()
    {
        var (lead, kpi) = await LeadWithKpiDueTodayAsync("Bell desk Ltd", "Desk NPS");
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(lead, "E2e!Passw0rd");
        await Assertions.Expect(page.GetByTestId("bell")).ToHaveAttributeAsync("aria-label", "Notifications, none unread");
        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveCountAsync(0);

        await RunReminderJobAsync();

        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("bell")).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");

        await page.GetByTestId("bell").ClickAsync();
        await page.WaitForURLAsync("**/notifications");
        var item = page.GetByTestId("notifications").Locator("li").First;
        await Assertions.Expect(item).ToContainTextAsync($"“{kpi}” is due to be measured");
        await Assertions.Expect(item).ToContainTextAsync("KPI measurement due · Bell desk Ltd");
        await item.GetByRole(AriaRole.Button, new() { NameRegex = new("^Mark read") }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("unread-summary")).ToHaveTextAsync("All read.");
    }

    [Fact]
    public async Task On_a_phone_the_bell_is_tapped_and_opening_the_reminder_reads_it()
    {
        var (lead, _) = await LeadWithKpiDueTodayAsync("Bell phone Ltd", "Phone CSAT");
        var page = await browser.NewPhonePageAsync();
        await new SignInPage(page).SignInAsync(lead, "E2e!Passw0rd");
        await RunReminderJobAsync();
        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveTextAsync("1");
        Assert.Equal(390, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));

        await page.GetByTestId("bell").TapAsync();
        await page.WaitForURLAsync("**/notifications");
        await Assertions.Expect(page.GetByTestId("unread-summary")).ToHaveTextAsync("1 unread.");
        await page.GetByTestId("notifications").Locator("a").First.TapAsync();

        await page.WaitForURLAsync("**/kpis");
        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveCountAsync(0);
        Assert.Equal(390, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
    }

    // A new organisation of the demo user with a new CX lead, and a monthly KPI with no owner defined today: due now,
    // so its reminder goes to the CX lead (docs/RULES.md §8.6).
    private async Task<(string LeadEmail, string KpiName)> LeadWithKpiDueTodayAsync(string organisation, string kpi)
    {
        var scenario = new Scenario(browser.App);
        var (organisationId, emails) = await scenario.OrganisationWithMembersAsync(organisation, OrganisationRole.CxLead);
        using var scope = browser.App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<KpiService>().CreateAsync(
            await scenario.DemoUserIdAsync(), organisationId, new KpiRequest(kpi, KpiKind.Nps, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly));
        return (emails[0], kpi);
    }

    private async Task RunReminderJobAsync()
    {
        using var scope = browser.App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None);
    }
}
