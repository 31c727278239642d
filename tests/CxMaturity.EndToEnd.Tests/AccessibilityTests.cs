using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Every visible control must have an accessible name: a <label>, aria-label, aria-labelledby, or a title;
    // buttons and links may carry it as their text. Returns a description of each control without one.
    private const string ControlsWithoutNames = """
        () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href]')]
          .filter(e => e.offsetParent !== null)
          .filter(e => {
            const labelled = (e.labels && [...e.labels].some(l => l.textContent.trim()))
              || (e.getAttribute('aria-label') || '').trim()
              || (e.getAttribute('aria-labelledby') || '').split(' ').some(id => id && document.getElementById(id)?.textContent.trim())
              || (e.getAttribute('title') || '').trim();
            const text = ['BUTTON', 'A'].includes(e.tagName) && e.textContent.trim();
            return !(labelled || text);
          })
          .map(e => e.outerHTML.slice(0, 160))
        """;

    [Fact]
    public async Task Every_control_on_the_sign_in_questionnaire_and_results_pages_has_an_accessible_name()
    {
        var scenario = new Scenario(browser.App);
        var (_, baselineId) = await scenario.DemoBaselineAsync();
        var roundId = await scenario.RoundAnsweredByDemoUserAsync("E2E Accessible Ltd");
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        var unnamed = await page.EvaluateAsync<string[]>(ControlsWithoutNames);
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        await new QuestionnairePage(page).OpenAsync(roundId);
        unnamed = [.. unnamed, .. await page.EvaluateAsync<string[]>(ControlsWithoutNames)];
        await page.GotoAsync($"/rounds/{baselineId}/results");
        await page.GetByTestId("results-kind").WaitForAsync();
        unnamed = [.. unnamed, .. await page.EvaluateAsync<string[]>(ControlsWithoutNames)];

        Assert.Empty(unnamed);
        await Assertions.Expect(page.GetByTestId("radar-table").First).ToBeAttachedAsync(); // the chart's table alternative
    }

    [Fact]
    public async Task A_question_can_be_answered_with_the_keyboard_alone()
    {
        var scenario = new Scenario(browser.App);
        var roundId = await scenario.RoundAnsweredByDemoUserAsync("E2E Keyboard Ltd");
        var question = scenario.Model.Dimensions[0].Questions[0].Id;
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        await new QuestionnairePage(page).OpenAsync(roundId);

        await page.GetByTestId($"option-{question}-1").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");

        await Assertions.Expect(page.GetByTestId($"option-{question}-3")).ToBeCheckedAsync();
        // Three choices (1, 2, 3) were made; "Saved" at change 3 means the last of them is stored.
        var indicator = page.GetByTestId($"saved-{question}");
        await Assertions.Expect(indicator).ToHaveAttributeAsync("data-version", "3");
        await Assertions.Expect(indicator).ToHaveAttributeAsync("data-state", "Saved");
        Assert.Equal(3, (await scenario.StoredAnswersAsync(roundId))[question]);
    }
}
