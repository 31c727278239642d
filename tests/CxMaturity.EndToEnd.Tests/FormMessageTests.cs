using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

/// <summary>A message about a field goes away as soon as the person changes the field it was about.</summary>
public sealed class FormMessageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Name_required_disappears_once_a_name_is_typed()
    {
        var roundId = await new Scenario(browser.App).RoundWithRespondentsAsync("E2E Forms Ltd", submitted: 0, inProgress: 0, invited: 0);
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);

        await page.GotoAsync("/");
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("create-organisation").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-name")).ToBeVisibleAsync();
        await page.GetByTestId("new-organisation-name").PressSequentiallyAsync("Fabrikam");
        await Assertions.Expect(page.GetByTestId("error-name")).ToHaveCountAsync(0);

        await page.GotoAsync($"/rounds/{roundId}");
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("respondent-email").FillAsync("someone@e2e.local");
        await page.GetByTestId("add-respondent").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-name")).ToBeVisibleAsync();
        await page.GetByTestId("respondent-name").PressSequentiallyAsync("Ada");
        await Assertions.Expect(page.GetByTestId("error-name")).ToHaveCountAsync(0);
    }
}
