using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests.Pages;

/// <summary>The questionnaire: one dimension per page, each answer saved the moment it is chosen.</summary>
public sealed class QuestionnairePage(IPage page)
{
    /// <summary>Opens the questionnaire and, for a respondent who has not started, goes past the welcome.</summary>
    public async Task OpenAsync(int roundId)
    {
        await page.GotoAsync($"/rounds/{roundId}/questionnaire");
        await WaitUntilInteractiveAsync();
        await page.Locator("[data-testid='welcome'], [data-testid='dimension-title'], [data-testid='review']").First.WaitForAsync();
        if (await page.GetByTestId("welcome").CountAsync() > 0)
        {
            await page.GetByTestId("start").ClickAsync();
            await page.GetByTestId("dimension-title").WaitForAsync();
        }
    }

    public async Task WaitUntilInteractiveAsync() =>
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public Task<string> DimensionTitleAsync() => page.GetByTestId("dimension-title").InnerTextAsync();

    public Task<string> OverallProgressAsync() => page.GetByTestId("progress-overall-text").InnerTextAsync();

    /// <summary>Chooses a level (1..5) and waits until the page says the answer is saved.</summary>
    public async Task AnswerAsync(string questionId, int level)
    {
        await page.GetByTestId($"option-{questionId}-{level}").CheckAsync();
        await Assertions.Expect(page.GetByTestId($"saved-{questionId}")).ToHaveAttributeAsync("data-state", "Saved");
    }

    public async Task NextAsync(string expectedTitle)
    {
        await page.GetByTestId("next").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dimension-title")).ToHaveTextAsync(expectedTitle);
    }

    public async Task SubmitAsync()
    {
        await page.GetByTestId("step-review").ClickAsync();
        await page.GetByTestId("all-answered").WaitForAsync();
        await page.GetByTestId("submit").ClickAsync();
        await page.GetByTestId("confirm-submit-confirm").ClickAsync();
        await page.GetByTestId("submitted").WaitForAsync();
    }
}
