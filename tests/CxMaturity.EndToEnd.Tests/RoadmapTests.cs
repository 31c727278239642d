using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

public sealed class RoadmapTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_CX_lead_accepts_an_item_and_turns_another_into_a_project_and_both_survive_a_reload()
    {
        var (_, roundId) = await new Scenario(browser.App).DemoBaselineAsync();
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        await page.GotoAsync($"/rounds/{roundId}/roadmap");
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("lanes").WaitForAsync();

        var proposed = page.Locator("[data-testid^='status-']").Filter(new() { HasText = "Proposed" });
        var first = (await proposed.Nth(0).GetAttributeAsync("data-testid"))!["status-".Length..];
        var second = (await proposed.Nth(1).GetAttributeAsync("data-testid"))!["status-".Length..];

        await page.GetByTestId($"accept-{first}").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"status-{first}")).ToHaveTextAsync("Accepted");
        await page.GetByTestId($"turn-into-project-{second}").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"project-link-{second}")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await page.GetByTestId("lanes").WaitForAsync();
        await Assertions.Expect(page.GetByTestId($"status-{first}")).ToHaveTextAsync("Accepted");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "roadmap.png") });
        await page.GetByTestId($"project-link-{second}").ClickAsync();
        await Assertions.Expect(page.Locator($"a[href*='rounds/{roundId}/roadmap']").First).ToBeVisibleAsync();
    }
}
