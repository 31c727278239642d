using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using CxMaturity.Web.Features.Questionnaires;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

/// <summary>
/// A page is rendered twice on its first visit: as HTML on the server, then again when its circuit connects. The
/// heavy pages hand what the first render read to the second, so a visit reads and scores the round once.
/// </summary>
public sealed class ReadOnceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("results", "results-kind", 2)] // the results, and the roadmap behind the targets editor
    [InlineData("roadmap", "lanes", 1)]
    [InlineData("", "round-name", 1)]
    public async Task A_visit_scores_the_round_no_more_than_its_prerendering_does(string page, string shown, int scorings)
    {
        var scenario = new Scenario(browser.App);
        var roundId = await scenario.RoundAnsweredByDemoUserAsync($"E2E Read-once {page} Ltd");
        await SubmitAsync(scenario, roundId);
        var tab = await browser.NewPageAsync();
        await new SignInPage(tab).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        var path = $"/rounds/{roundId}/{page}".TrimEnd('/');
        var watch = browser.App.Scorings;

        // The HTML alone, as a crawler or a browser without scripts gets it: the prerender's reads.
        var before = watch.Of(roundId);
        var html = await tab.APIRequest.GetAsync(path);
        Assert.True(html.Ok, $"{path} answered {html.Status}.");
        Assert.Equal(scorings, watch.Of(roundId) - before);

        // A browser's visit: the prerender, then the circuit, which takes what the prerender read.
        before = watch.Of(roundId);
        await tab.GotoAsync(path);
        await tab.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await tab.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-linear-indeterminate')");
        await Assertions.Expect(tab.GetByTestId(shown)).ToBeVisibleAsync();
        Assert.Equal(scorings, watch.Of(roundId) - before);
    }

    private async Task SubmitAsync(Scenario scenario, int roundId)
    {
        var userId = await scenario.DemoUserIdAsync();
        using var scope = browser.App.Services.CreateScope();
        var questionnaires = scope.ServiceProvider.GetRequiredService<QuestionnaireService>();
        var mine = await questionnaires.FindMineAsync(userId, roundId) ?? throw new InvalidOperationException("No questionnaire.");
        await questionnaires.SaveAsync(mine, new SaveAnswersRequest(
            [.. scenario.Model.AllQuestions.Select(q => new AnswerInput(q.Id, 3))],
            Submit: true));
    }
}
