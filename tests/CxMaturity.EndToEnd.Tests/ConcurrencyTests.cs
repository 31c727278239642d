using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

/// <summary>
/// One respondent with the questionnaire open in two tabs of one browser (one sign-in, two circuits). Two devices,
/// and a round closed under an open page, are in <see cref="TwoDeviceTests"/>.
/// </summary>
public sealed class ConcurrencyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string SubmittedRefusal = "Answers were already submitted; they can no longer be changed.";

    [Fact]
    public async Task Two_tabs_end_consistent_and_once_one_submits_the_other_is_refused_with_a_message()
    {
        var scenario = new Scenario(browser.App);
        var roundId = await scenario.RoundAnsweredByDemoUserAsync("E2E Two Tabs Ltd");
        var q = scenario.Model.Dimensions[0].Questions.Select(question => question.Id).ToArray();
        var tabA = await browser.NewPageAsync();
        await new SignInPage(tabA).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        var tabB = await tabA.Context.NewPageAsync();
        var questionnaireA = new QuestionnairePage(tabA);
        var questionnaireB = new QuestionnairePage(tabB);
        await questionnaireA.OpenAsync(roundId);
        await questionnaireB.OpenAsync(roundId);

        // Tab A answers the first three questions; tab B the next three, and changes the first.
        await questionnaireA.AnswerAsync(q[0], 2);
        await questionnaireA.AnswerAsync(q[1], 3);
        await questionnaireA.AnswerAsync(q[2], 4);
        await questionnaireB.AnswerAsync(q[3], 1);
        await questionnaireB.AnswerAsync(q[4], 2);
        await questionnaireB.AnswerAsync(q[5], 3);
        await questionnaireB.AnswerAsync(q[0], 5);

        var expected = new Dictionary<string, int?> { [q[0]] = 5, [q[1]] = 3, [q[2]] = 4, [q[3]] = 1, [q[4]] = 2, [q[5]] = 3 };
        Assert.Equal(expected, await scenario.StoredAnswersAsync(roundId));
        foreach (var (tab, questionnaire) in new[] { (tabA, questionnaireA), (tabB, questionnaireB) })
        {
            await questionnaire.OpenAsync(roundId);
            foreach (var (question, level) in expected)
            {
                await Assertions.Expect(tab.GetByTestId($"option-{question}-{level}")).ToBeCheckedAsync();
            }

            Assert.StartsWith($"6 of {scenario.Model.AllQuestions.Count()} ", await questionnaire.OverallProgressAsync());
        }

        // Tab A hands the answers in (unanswered questions do not count); tab B, still open, then tries to change one.
        await tabA.GetByTestId("step-review").ClickAsync();
        await tabA.GetByTestId("unanswered-count").WaitForAsync();
        await tabA.GetByTestId("submit").ClickAsync();
        await tabA.GetByTestId("confirm-submit-confirm").ClickAsync();
        await tabA.GetByTestId("submitted").WaitForAsync();
        await tabB.GetByTestId($"option-{q[1]}-1").CheckAsync();

        await Assertions.Expect(tabB.GetByTestId($"saved-{q[1]}")).ToHaveAttributeAsync("data-state", "Failed");
        await Assertions.Expect(tabB.GetByTestId($"save-error-{q[1]}")).ToHaveTextAsync(SubmittedRefusal);
        await Assertions.Expect(tabB.GetByTestId($"retry-{q[1]}")).ToHaveCountAsync(0);
        await Assertions.Expect(tabB.GetByTestId("read-only")).ToHaveTextAsync(SubmittedRefusal);
        await Assertions.Expect(tabB.GetByTestId($"option-{q[2]}-1")).ToBeDisabledAsync();
        Assert.Equal(expected, await scenario.StoredAnswersAsync(roundId));

        // Reopened after submitting, the questionnaire shows the answers as handed in and takes no change.
        await questionnaireB.OpenAsync(roundId);
        await tabB.GetByTestId($"step-{scenario.Model.Dimensions[0].Id}").ClickAsync();
        await Assertions.Expect(tabB.GetByTestId("read-only")).ToContainTextAsync("You have submitted your answers");
        await Assertions.Expect(tabB.GetByTestId($"option-{q[1]}-3")).ToBeCheckedAsync();
        await Assertions.Expect(tabB.GetByTestId($"option-{q[1]}-3")).ToBeDisabledAsync();
        await Assertions.Expect(tabB.GetByTestId($"comment-{q[1]}")).ToBeDisabledAsync();
        await tabB.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "submitted-read-only.png") });
    }
}
