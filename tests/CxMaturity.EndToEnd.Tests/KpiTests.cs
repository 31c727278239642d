using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Organisations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

/// <summary>
/// A CX lead uploads a CSV of survey ratings for an NPS below its target, picks the column with the mouse, and sees
/// the computed NPS with its margin and sample size and the status turn to met; bad ratings are named by line first.
/// </summary>
public sealed class KpiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Uploaded_ratings_give_the_nps_with_its_margin_and_the_status_changes()
    {
        var (organisationId, kpiId) = await NpsBelowTargetAsync();
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        await page.GotoAsync($"/organisations/{organisationId}/kpis");
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var card = page.GetByTestId($"kpi-{kpiId}");
        await Assertions.Expect(card.GetByTestId("kpi-status")).ToHaveTextAsync("Target not met");

        await card.GetByTestId("record-measurement").ClickAsync();
        await card.GetByTestId("measurement-file").SetInputFilesAsync(Csv("respondent;channel;score\n1;web;10\n2;web;11\n3;shop;\n"));
        await card.GetByTestId("measurement-column").SelectOptionAsync("score");
        await card.GetByTestId("save-measurement").ClickAsync();
        await Assertions.Expect(card.GetByTestId("measurement-problem")).ToHaveTextAsync([
            "Line 3: 11 is not a rating from 0 to 10.",
            "Line 4: The “score” column is empty on this line.",
        ]);

        // 5 promoters and 2 detractors of 10: NPS 30.0 ± 48.4, a small sample.
        await card.GetByTestId("measurement-file").SetInputFilesAsync(Csv("respondent;channel;score\n1;web;10\n2;web;9\n3;shop;9\n4;shop;10\n5;web;9\n6;web;7\n7;app;8\n8;app;8\n9;web;3\n10;shop;6\n"));
        await card.GetByTestId("measurement-column").SelectOptionAsync("score");
        await card.GetByTestId("save-measurement").ClickAsync();

        await Assertions.Expect(card.GetByTestId("kpi-latest")).ToContainTextAsync("30.0 ± 48.4 points (n = 10, small sample)");
        await Assertions.Expect(card.GetByTestId("kpi-status")).ToHaveTextAsync("Target met");
        await Assertions.Expect(card.GetByTestId("kpi-trend")).ToContainTextAsync("no significant change");
        await Assertions.Expect(card.GetByTestId("kpi-chart")).ToBeVisibleAsync();
    }

    private static FilePayload Csv(string text) =>
        new() { Name = "ratings.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(text) };

    private async Task<(int OrganisationId, int KpiId)> NpsBelowTargetAsync()
    {
        var userId = await new Scenario(browser.App).DemoUserIdAsync();
        using var scope = browser.App.Services.CreateScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationService>().CreateAsync(userId, "E2E KPI Ltd");
        var kpis = scope.ServiceProvider.GetRequiredService<KpiService>();
        var nps = await kpis.CreateAsync(userId, organisation.Id, new KpiRequest("Store NPS", KpiKind.Nps, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly, Target: 25));
        await kpis.AddMeasurementAsync(userId, organisation.Id, nps.Id, new MeasurementRequest(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30), Value: 12));
        return (organisation.Id, nps.Id);
    }
}
