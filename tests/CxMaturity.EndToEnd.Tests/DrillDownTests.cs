using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Questionnaires;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

/// <summary>The answers and comments behind a dimension: the one place results name respondents, for CX leads.</summary>
public sealed class DrillDownTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string LeadEmail = "casey.lead@e2e.local";
    private const string LeadPassword = "E2e!Lead-2026";
    private const string Comment = "Nobody reads the complaints inbox after five";

    [Fact]
    public async Task A_CX_lead_opens_the_answers_and_comments_behind_a_dimension_with_the_keyboard()
    {
        var scenario = new Scenario(browser.App);
        var roundId = await scenario.RoundAnsweredByDemoUserAsync("E2E Drill-down Ltd");
        var dimension = scenario.Model.Dimensions[0];
        await SubmitEveryAnswerAtThreeWithACommentAsync(scenario, roundId, dimension.Questions[0].Id);
        await AddCxLeadAsync(scenario, "E2E Drill-down Ltd");
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(LeadEmail, LeadPassword);
        var results = new ResultsPage(page);
        await results.OpenAsync(roundId);

        await results.DrillDownButton(dimension.Id).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(results.DrillDown).ToContainTextAsync(dimension.Title);
        var firstQuestion = results.AnswersTo(dimension.Questions[0].Id);
        await Assertions.Expect(firstQuestion).ToContainTextAsync("Dana Whitfield");
        await Assertions.Expect(firstQuestion).ToContainTextAsync($"3 · {scenario.Model.StageAt(3).Name}");
        await Assertions.Expect(firstQuestion).ToContainTextAsync(Comment);
        await Assertions.Expect(results.AnswersTo(dimension.Questions[^1].Id)).ToContainTextAsync("Dana Whitfield");
    }

    private async Task SubmitEveryAnswerAtThreeWithACommentAsync(Scenario scenario, int roundId, string commented)
    {
        var userId = await scenario.DemoUserIdAsync();
        using var scope = browser.App.Services.CreateScope();
        var questionnaires = scope.ServiceProvider.GetRequiredService<QuestionnaireService>();
        var respondentId = (await questionnaires.ListMineAsync(userId)).Single(q => q.RoundId == roundId).RespondentId;
        await questionnaires.SaveAsync(RespondentRef.Member(userId, roundId, respondentId), new SaveAnswersRequest(
            [.. scenario.Model.AllQuestions.Select(q => new AnswerInput(q.Id, 3, q.Id == commented ? Comment : null))],
            Submit: true));
    }

    // A second user, made CX lead of the demo user's organisation by its Owner.
    private async Task AddCxLeadAsync(Scenario scenario, string organisationName)
    {
        var ownerId = await scenario.DemoUserIdAsync();
        using var scope = browser.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var created = await users.CreateAsync(
            new AppUser { UserName = LeadEmail, Email = LeadEmail, EmailConfirmed = true, DisplayName = "Casey Lead" }, LeadPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var organisation = (await organisations.ListForUserAsync(ownerId)).Single(o => o.Name == organisationName);
        await organisations.AddMemberAsync(ownerId, organisation.Id, LeadEmail, OrganisationRole.CxLead);
    }
}
