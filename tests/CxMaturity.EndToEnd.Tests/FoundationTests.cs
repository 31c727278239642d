using CxMaturity.Assessment.Scoring;
using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

public sealed class FoundationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_sign_in_page_shows_the_demo_sign_in_in_Development()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await Assertions.Expect(page.GetByTestId("demo-email")).ToHaveTextAsync(DemoSignInInfo.DemoEmail);
        await Assertions.Expect(page.GetByTestId("demo-password")).ToHaveTextAsync(DemoSignInInfo.DemoPassword);
    }

    [Fact]
    public async Task The_demo_user_signs_in_and_sees_the_demo_organisations_results()
    {
        var scenario = new Scenario(browser.App);
        var (organisationId, roundId) = await scenario.DemoBaselineAsync();
        var expected = await scenario.FinalResultsAsync(roundId);
        var page = await browser.NewPageAsync();

        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        await page.GetByTestId($"organisation-card-{organisationId}").ClickAsync();
        await page.GetByTestId("organisation-name").WaitForAsync();
        await page.GetByTestId($"round-link-{roundId}").ClickAsync();
        await page.GetByTestId("results-link").ClickAsync();

        await Assertions.Expect(page.GetByTestId("results-kind")).ToHaveAttributeAsync("data-kind", "final");
        await Assertions.Expect(page.GetByTestId("overall").GetByTestId("overall-score")).ToHaveTextAsync(Stages.Display(expected.Overall));
        var stageName = expected.OverallStage is { } stage ? scenario.Model.StageAt(stage).Name : "";
        await Assertions.Expect(page.GetByTestId("overall").GetByTestId("overall-stage")).ToContainTextAsync(stageName);
        Assert.Equal(12, expected.RespondentsCounted);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "demo-results.png"), FullPage = true });
    }
}
