using System.Net;
using CxMaturity.Assessment.Rounds;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Api;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Features.Rounds;

/// <summary>
/// A round's lifecycle (Draft → Open → Closed, reopened, never back to Draft), its settings as each status allows,
/// deleting a draft, and starting a round from a previous one.
/// </summary>
public sealed class RoundLifecycleTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task A_round_goes_from_draft_to_open_to_closed_and_back_to_open_but_never_back_to_draft()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        using var client = await factory.CreateApiClientAsync(owner.Id);
        var draft = await (await client.PostJsonAsync(
                $"/api/v1/organisations/{organisationId}/assessments",
                new CreateRoundRequest(CxWebApplicationFactory.ModelId, "Set up first", Status: RoundStatus.Draft)))
            .ReadAsync<RoundView>(HttpStatusCode.Created);
        Assert.Equal(RoundStatus.Draft, draft.Status);
        var status = $"/api/v1/assessments/{draft.Id}/status";

        var early = await (await client.PostJsonAsync(status, new { status = "Closed" })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("A draft round has never taken answers, so there is nothing to close: open it, or delete it.", early.Detail);

        Assert.Equal(RoundStatus.Open, (await (await client.PostJsonAsync(status, new { status = "Open" })).ReadAsync<RoundView>()).Status);
        var closed = await (await client.PostJsonAsync(status, new { status = "Closed" })).ReadAsync<RoundView>();
        Assert.Equal(RoundStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedUtc);

        var back = await (await client.PostJsonAsync(status, new { status = "Draft" })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("A round that has opened cannot go back to draft: people may have answered it. It is closed.", back.Detail);
        Assert.Equal(RoundStatus.Closed, (await factory.Rounds.GetRoundAsync(owner.Id, draft.Id)).Status);

        var reopened = await (await client.PostJsonAsync(status, new { status = "Open" })).ReadAsync<RoundView>();
        Assert.Equal((RoundStatus.Open, null), (reopened.Status, reopened.ClosedUtc));
    }

    [Fact]
    public async Task Only_managers_of_the_round_s_organisation_change_its_status()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var viewer = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Viewer);
        var stranger = await factory.CreateUserAsync();
        var status = $"/api/v1/assessments/{organisation.Round.Id}/status";

        using (var client = await factory.CreateApiClientAsync(viewer.Id))
        {
            await (await client.PostJsonAsync(status, new { status = "Closed" })).ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var client = await factory.CreateApiClientAsync(stranger.Id))
        {
            await (await client.PostJsonAsync(status, new { status = "Closed" })).ReadProblemAsync(HttpStatusCode.NotFound);
            await (await client.DeleteAsync($"/api/v1/assessments/{organisation.Round.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(RoundStatus.Open, (await factory.Rounds.GetRoundAsync(organisation.Owner.Id, organisation.Round.Id)).Status);
    }

    [Fact]
    public async Task A_draft_takes_respondents_but_no_answers()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var draft = await factory.Rounds.CreateRoundAsync(owner.Id, organisationId,
            new CreateRoundRequest(CxWebApplicationFactory.ModelId, "Draft", Status: RoundStatus.Draft));
        var respondent = await factory.AddRespondentAsync(owner.Id, draft.Id, email: owner.Email);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => factory.AnswerAllAsync(owner.Id, draft.Id, respondent.Respondent.Id, _ => 3));

        Assert.Equal("The round is not open yet; answers cannot be saved.", refused.Message);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Answers.CountAsync(a => a.RespondentId == respondent.Respondent.Id)));
    }

    [Fact]
    public async Task A_draft_can_be_deleted_with_its_respondents_and_a_round_that_opened_cannot()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var owner = organisation.Owner;
        var draft = await factory.Rounds.CreateRoundAsync(owner.Id, organisation.OrganisationId,
            new CreateRoundRequest(CxWebApplicationFactory.ModelId, "Never mind", Status: RoundStatus.Draft));
        await factory.AddRespondentAsync(owner.Id, draft.Id);
        using var client = await factory.CreateApiClientAsync(owner.Id);

        var refused = await (await client.DeleteAsync($"/api/v1/assessments/{organisation.Round.Id}")).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"Only a draft can be deleted; “{organisation.Round.Name}” has opened, so people may have answered it. Close it instead.", refused.Detail);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/assessments/{draft.Id}")).StatusCode);
        Assert.Equal(
            (0, 0, 1),
            (await factory.WithDbAsync(db => db.Rounds.CountAsync(r => r.Id == draft.Id)),
             await factory.WithDbAsync(db => db.Respondents.CountAsync(r => r.RoundId == draft.Id)),
             await factory.WithDbAsync(db => db.Rounds.CountAsync(r => r.OrganisationId == organisation.OrganisationId))));
    }

    [Fact]
    public async Task A_round_started_from_a_previous_one_takes_its_people_groups_scope_targets_and_settings_but_no_answers()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var scope = factory.Model.Dimensions.Take(2).Select(d => d.Id).ToList();
        var previous = await factory.Rounds.CreateRoundAsync(owner.Id, organisationId, new CreateRoundRequest(
            CxWebApplicationFactory.ModelId, "2026", DimensionsInScope: scope, MinimumGroupSize: 4, Anonymous: true,
            RespondentGroups: ["Board", "Shop floor"], PerceptionGroupA: "Board", PerceptionGroupB: "Shop floor"));
        var answered = await factory.AddRespondentAsync(owner.Id, previous.Id, group: "Board", name: "Ada", email: owner.Email);
        await factory.AddRespondentAsync(owner.Id, previous.Id, group: "Shop floor", name: "Bo", email: "bo@test.local");
        await factory.AnswerAllAsync(owner.Id, previous.Id, answered.Respondent.Id, _ => 2);
        var targets = new Dictionary<string, int> { [scope[0]] = 4 };
        await factory.Roadmaps.SetTargetsAsync(owner.Id, previous.Id, targets, (await factory.Rounds.GetRoundAsync(owner.Id, previous.Id)).Version);
        await factory.Rounds.CloseRoundAsync(owner.Id, previous.Id);

        var next = await factory.Rounds.CreateRoundAsync(owner.Id, organisationId,
            new CreateRoundRequest(null, "2027", Status: RoundStatus.Draft, StartFrom: previous.Id));

        Assert.Equal((RoundStatus.Draft, factory.Model.Id), (next.Status, next.Model.Id));
        Assert.Equal(scope, next.DimensionsInScope);
        Assert.Equal(["Board", "Shop floor"], next.RespondentGroups);
        Assert.Equal((4, true, "Board", "Shop floor"), (next.MinimumGroupSize, next.Anonymous, next.PerceptionGroupA, next.PerceptionGroupB));
        Assert.Equal([4], next.Targets.Where(t => t.ExplicitStage is not null).Select(t => t.ExplicitStage!.Value));
        Assert.Equal(
            [("Ada", "Board", RespondentStatus.Invited, 0), ("Bo", "Shop floor", RespondentStatus.Invited, 0)],
            next.Respondents!.Select(r => (r.Name, r.Group, r.Status, r.Answered)));
        Assert.Equal(1, (await factory.Rounds.GetRoundAsync(owner.Id, previous.Id)).RespondentCounts.Submitted);
    }

    [Fact]
    public async Task Starting_from_a_round_of_another_organisation_is_refused()
    {
        var mine = await factory.CreateOrganisationWithRoundAsync();
        var theirs = await factory.CreateOrganisationWithRoundAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => factory.Rounds.CreateRoundAsync(mine.Owner.Id, mine.OrganisationId,
            new CreateRoundRequest(null, "Copy", StartFrom: theirs.Round.Id)));

        Assert.Equal([$"This organisation has no round {theirs.Round.Id} to start from."], refused.Errors["startFrom"]);
    }

    [Fact]
    public async Task An_open_round_keeps_its_scope_but_takes_a_new_minimum_group_size_which_its_results_apply()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var owner = organisation.Owner;
        var round = organisation.Round;
        for (var i = 0; i < 2; i++)
        {
            var member = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Respondent);
            var added = await factory.AddRespondentAsync(owner.Id, round.Id, group: "Executive", email: member.Email);
            await factory.Questionnaires.SaveAsync(
                RespondentRef.Member(member.Id, round.Id, added.Respondent.Id),
                new SaveAnswersRequest([.. factory.Model.AllQuestions.Select(q => new AnswerInput(q.Id, 3))], Submit: true));
        }

        var withheld = await factory.Results.GetResultsAsync(owner.Id, round.Id);
        Assert.All(withheld.Result.Groups.Where(g => g.Group == "Executive"), g => Assert.True(g.Withheld));

        var current = await factory.Rounds.GetRoundAsync(owner.Id, round.Id);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => factory.Rounds.UpdateRoundAsync(owner.Id, round.Id,
            new UpdateRoundRequest(current.Settings with { DimensionsInScope = [current.DimensionsInScope[0]] }, current.Version)));
        Assert.Equal(["The scope is set while the round is a draft; the round is open, so it stays as it is."], refused.Errors["dimensionsInScope"]);

        await factory.Rounds.UpdateRoundAsync(owner.Id, round.Id, new UpdateRoundRequest(current.Settings with { MinimumGroupSize = 2 }, current.Version));

        var shown = await factory.Results.GetResultsAsync(owner.Id, round.Id);
        Assert.Equal(2, shown.Result.MinimumGroupSize);
        Assert.All(shown.Result.Groups.Where(g => g.Group == "Executive"), g => Assert.Equal((false, 2), (g.Withheld, g.Statistics.N)));
    }

    [Fact]
    public async Task The_questionnaire_tells_respondents_whether_the_round_is_anonymous_and_its_minimum_group_size()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var round = await factory.Rounds.CreateRoundAsync(owner.Id, organisationId,
            new CreateRoundRequest(CxWebApplicationFactory.ModelId, "Anonymous", MinimumGroupSize: 5, Anonymous: true));
        var respondent = await factory.AddRespondentAsync(owner.Id, round.Id, email: owner.Email);

        var questionnaire = await factory.Questionnaires.GetAsync(RespondentRef.Member(owner.Id, round.Id, respondent.Respondent.Id));

        Assert.Equal((true, 5), (questionnaire.Anonymous, questionnaire.MinimumGroupSize));
    }
}
