using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

/// <summary>Decisions that cannot be taken back ask first, in a dialog that says what follows.</summary>
public sealed class ConfirmationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Closing_a_round_says_whose_answers_will_not_count_and_cancel_keeps_it_open()
    {
        var roundId = await new Scenario(browser.App).RoundWithRespondentsAsync("E2E Closing Ltd", submitted: 1, inProgress: 2, invited: 1);
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        await page.GotoAsync($"/rounds/{roundId}");
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.GetByTestId("close-round").ClickAsync();
        var message = page.GetByTestId("confirm-close-message");
        await Assertions.Expect(message).ToContainTextAsync("2 respondents are still in progress and 1 has not started; their answers will not count.");
        await Assertions.Expect(page.GetByTestId("confirm-close-cancel")).ToBeFocusedAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "confirm-close.png") });
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("confirm-close")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("round-status")).ToHaveTextAsync("Open");

        await page.GetByTestId("close-round").ClickAsync();
        await page.GetByTestId("confirm-close-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("round-status")).ToHaveTextAsync("Closed");
    }

    [Fact]
    public async Task Revoking_a_token_says_that_tools_using_it_stop_working()
    {
        var (email, _) = await new Scenario(browser.App).UserOwningAsync("E2E Tokens Ltd");
        var tokenId = await new Scenario(browser.App).AccessTokenAsync(email, "Power BI refresh");
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(email, Scenario.Password);
        await page.GotoAsync("/profile");
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.GetByTestId($"revoke-{tokenId}").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-revoke-message")).ToContainTextAsync("Any script or tool that signs in with it is refused from now on");
        await page.GetByTestId("confirm-revoke-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"token-revoked-{tokenId}")).ToHaveCountAsync(0);

        await page.GetByTestId($"revoke-{tokenId}").ClickAsync();
        await page.GetByTestId("confirm-revoke-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"token-revoked-{tokenId}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Submitting_says_how_many_questions_are_unanswered_and_cancel_keeps_the_questionnaire_open()
    {
        var scenario = new Scenario(browser.App);
        var roundId = await scenario.RoundAnsweredByDemoUserAsync("E2E Submitting Ltd");
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        var questionnaire = new QuestionnairePage(page);
        await questionnaire.OpenAsync(roundId);
        var first = scenario.Model.Dimensions[0].Questions[0].Id;
        await questionnaire.AnswerAsync(first, 3);
        var total = scenario.Model.AllQuestions.Count();

        await page.GetByTestId("step-review").ClickAsync();
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-submit-message")).ToContainTextAsync($"{total - 1} of {total} questions are still unanswered; they will not count.");
        await page.GetByTestId("confirm-submit-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submitted")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("submit")).ToBeEnabledAsync();

        await page.GetByTestId("submit").ClickAsync();
        await page.GetByTestId("confirm-submit-confirm").ClickAsync();
        await page.GetByTestId("submitted").WaitForAsync();
    }
}
