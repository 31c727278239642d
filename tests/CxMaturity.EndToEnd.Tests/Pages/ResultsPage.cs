using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests.Pages;

/// <summary>A round's results; for Owner and CX lead, each dimension opens the answers and comments behind it.</summary>
public sealed class ResultsPage(IPage page)
{
    public ILocator DrillDown => page.GetByTestId("drilldown");

    public async Task OpenAsync(int roundId)
    {
        await page.GotoAsync($"/rounds/{roundId}/results");
        await page.GetByTestId("results-kind").WaitForAsync();
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public ILocator DrillDownButton(string dimensionId) => page.GetByTestId($"drilldown-{dimensionId}");

    /// <summary>The answers of one question in the open drill-down: a row per respondent.</summary>
    public ILocator AnswersTo(string questionId) => page.GetByTestId($"drilldown-{questionId}");
}
