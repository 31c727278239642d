using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

public sealed class TwoDeviceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Two_devices_answering_one_questionnaire_end_consistent_and_a_closed_round_refuses_with_a_message()
    {
        var scenario = new Scenario(browser.App);
        var roundId = await scenario.RoundAnsweredByDemoUserAsync("E2E Two Devices Ltd");
        var q = scenario.Model.Dimensions[0].Questions.Select(question => question.Id).ToArray();
        var laptop = await SignedInQuestionnaireAsync(roundId);
        var phone = await SignedInQuestionnaireAsync(roundId, width: 390, height: 844);

        // The laptop answers the first three questions; the phone the last three, and changes its mind on the first.
        await laptop.Questionnaire.AnswerAsync(q[0], 2);
        await laptop.Questionnaire.AnswerAsync(q[1], 3);
        await laptop.Questionnaire.AnswerAsync(q[2], 4);
        await phone.Questionnaire.AnswerAsync(q[3], 1);
        await phone.Questionnaire.AnswerAsync(q[4], 2);
        await phone.Questionnaire.AnswerAsync(q[5], 3);
        await phone.Questionnaire.AnswerAsync(q[0], 5);

        var expected = new Dictionary<string, int?> { [q[0]] = 5, [q[1]] = 3, [q[2]] = 4, [q[3]] = 1, [q[4]] = 2, [q[5]] = 3 };
        Assert.Equal(expected, await scenario.StoredAnswersAsync(roundId));
        foreach (var device in new[] { laptop, phone })
        {
            await device.Questionnaire.OpenAsync(roundId);
            foreach (var (question, level) in expected)
            {
                await Assertions.Expect(device.Page.GetByTestId($"option-{question}-{level}")).ToBeCheckedAsync();
            }
        }

        // The CX lead closes the round while the laptop still has the page open: its next answer is refused, visibly.
        await scenario.CloseRoundAsync(roundId);
        await laptop.Page.GetByTestId($"option-{q[1]}-5").CheckAsync();

        await Assertions.Expect(laptop.Page.GetByTestId($"saved-{q[1]}")).ToHaveAttributeAsync("data-state", "Failed");
        await Assertions.Expect(laptop.Page.GetByTestId($"save-error-{q[1]}")).ToContainTextAsync("closed");
        await Assertions.Expect(laptop.Page.GetByTestId($"retry-{q[1]}")).ToHaveCountAsync(0); // final: nothing to retry
        Assert.Equal(3, (await scenario.StoredAnswersAsync(roundId))[q[1]]);
        await laptop.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "closed-round-refusal.png") });
    }

    private async Task<(IPage Page, QuestionnairePage Questionnaire)> SignedInQuestionnaireAsync(int roundId, int width = 1280, int height = 900)
    {
        var page = await browser.NewPageAsync(width, height);
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        var questionnaire = new QuestionnairePage(page);
        await questionnaire.OpenAsync(roundId);
        return (page, questionnaire);
    }
}
