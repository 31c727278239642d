using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

public sealed class QuestionnaireTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_respondent_answers_everything_resumes_after_a_reload_submits_and_sees_the_hand_computed_stage()
    {
        var scenario = new Scenario(browser.App);
        var roundId = await scenario.RoundAnsweredByDemoUserAsync("E2E Questionnaire Ltd");
        var dimensions = scenario.Model.Dimensions;
        var page = await browser.NewPageAsync();
        var questionnaire = new QuestionnairePage(page);
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        await questionnaire.OpenAsync(roundId);

        // The pattern: every question of the first five dimensions at level 3, of the last four at level 4.
        static int LevelFor(int dimensionIndex) => dimensionIndex < 5 ? 3 : 4;

        for (var i = 0; i < dimensions.Count; i++)
        {
            Assert.Equal(dimensions[i].Title, await questionnaire.DimensionTitleAsync());
            foreach (var question in dimensions[i].Questions)
            {
                await questionnaire.AnswerAsync(question.Id, LevelFor(i));
            }

            if (i == 3)
            {
                // Leave after four dimensions (24 answers) and come back: the questionnaire resumes where it was left.
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "questionnaire.png"), FullPage = true });
                await questionnaire.OpenAsync(roundId);
                Assert.Equal(dimensions[3].Title, await questionnaire.DimensionTitleAsync());
                await Assertions.Expect(page.GetByTestId("progress-overall-text")).ToContainTextAsync("24 of 54");
                await Assertions.Expect(page.GetByTestId($"option-{dimensions[3].Questions[0].Id}-3")).ToBeCheckedAsync();
            }

            if (i < dimensions.Count - 1)
            {
                await questionnaire.NextAsync(dimensions[i + 1].Title);
            }
        }

        await questionnaire.SubmitAsync();

        // Every dimension weighs 1 and all answers within a dimension are equal, so each dimension scores its level:
        // overall = (5 × 3 + 4 × 4) / 9 = 31 / 9 = 3.444… → "3.4", stage 3 Definition; the weakest dimension is 3 too.
        await page.GotoAsync($"/rounds/{roundId}/results");
        await Assertions.Expect(page.GetByTestId("results-kind")).ToHaveAttributeAsync("data-kind", "final");
        await Assertions.Expect(page.GetByTestId("overall").GetByTestId("overall-score")).ToHaveTextAsync("3.4");
        await Assertions.Expect(page.GetByTestId("overall").GetByTestId("overall-stage")).ToContainTextAsync("Definition");
        await Assertions.Expect(page.GetByTestId("foundation-stage")).ToContainTextAsync("Definition");
        await Assertions.Expect(page.GetByTestId($"score-{dimensions[8].Id}")).ToHaveTextAsync("4.0");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "results.png"), FullPage = true });
    }

    [Fact]
    public async Task On_a_390_pixel_phone_the_questionnaire_fits_the_screen_and_saves_an_answer()
    {
        var scenario = new Scenario(browser.App);
        var roundId = await scenario.RoundAnsweredByDemoUserAsync("E2E Phone Ltd");
        var question = scenario.Model.Dimensions[0].Questions[0];
        var page = await browser.NewPageAsync(width: 390, height: 844);
        var questionnaire = new QuestionnairePage(page);
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        await questionnaire.OpenAsync(roundId);

        await questionnaire.AnswerAsync(question.Id, 2);

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"The page is {scrollWidth} px wide on a 390 px screen: it scrolls sideways.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "questionnaire-phone.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "questionnaire-phone-top.png") });
    }

    [Fact]
    public async Task An_invitee_is_welcomed_with_who_asks_how_long_it_takes_and_who_sees_the_answers()
    {
        var tour = await new Scenario(browser.App).DemoTourAsync();
        var page = await browser.NewPhonePageAsync();

        await page.GotoAsync(tour.InvitationPath);
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await Assertions.Expect(page.GetByTestId("welcome-title")).ToHaveTextAsync("Welcome, Tour Invitee");
        await Assertions.Expect(page.GetByTestId("welcome-invited-by")).ToContainTextAsync("Dana Whitfield (demo) invited you to say how Northwind Retail (demo) looks after its customers today");
        await Assertions.Expect(page.GetByTestId("welcome-time")).ToContainTextAsync("It takes about 20 minutes: 54 questions over 9 topics");
        await Assertions.Expect(page.GetByTestId("welcome-saving")).ToContainTextAsync("come back through the same link");
        await Assertions.Expect(page.GetByTestId("welcome-privacy")).ToContainTextAsync("owners and CX leads of Northwind Retail (demo) see them with your name");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "welcome-phone.png"), FullPage = true });

        await page.GetByTestId("start").TapAsync();
        await Assertions.Expect(page.GetByTestId("dimension-title")).ToHaveTextAsync(new Scenario(browser.App).Model.Dimensions[0].Title);
        await Assertions.Expect(page.GetByTestId("saving-note")).ToBeVisibleAsync();
    }
}
