using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Access;

/// <summary>The role matrix of the web design, enforced inside the services.</summary>
public sealed class RoleTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task A_viewer_may_read_the_round_but_not_set_targets()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var viewer = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Viewer);
        var dimension = organisation.Round.DimensionsInScope[0];

        var seen = await factory.Rounds.GetRoundAsync(viewer.Id, organisation.Round.Id);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.Roadmaps.SetTargetsAsync(
            viewer.Id, organisation.Round.Id, new Dictionary<string, int> { [dimension] = 4 }));

        Assert.Equal(OrganisationRole.Viewer, seen.YourRole);
        Assert.All(seen.Targets, t => Assert.Null(t.ExplicitStage));
    }

    [Fact]
    public async Task Only_owners_and_cx_leads_see_the_respondents_others_get_counts()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, "Frontline");
        var cxLead = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.CxLead);
        var contributor = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Contributor);

        var asLead = await factory.Rounds.GetRoundAsync(cxLead.Id, organisation.Round.Id);
        var asContributor = await factory.Rounds.GetRoundAsync(contributor.Id, organisation.Round.Id);

        Assert.Single(asLead.Respondents!);
        Assert.Null(asContributor.Respondents);
        Assert.Equal(new RespondentCountsView(1, 1, 0, 0), asContributor.RespondentCounts);
    }

    [Fact]
    public async Task A_respondent_answers_their_own_questionnaire_but_cannot_read_another_respondents()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var member = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Respondent);
        var own = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, email: member.Email);
        var other = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);
        var question = factory.Model.Dimensions[0].Questions[0].Id;

        var saved = await factory.Questionnaires.SaveAsync(RespondentRef.Member(member.Id, organisation.Round.Id, own.Respondent.Id), new SaveAnswersRequest([new AnswerInput(question, 2)]));
        var mine = await factory.Questionnaires.GetAsync(RespondentRef.Member(member.Id, organisation.Round.Id, own.Respondent.Id));

        Assert.True(own.Respondent.IsMember);
        Assert.Equal(1, saved.Answered);
        Assert.Equal(2, mine.Answers[question].Level);
        await Assert.ThrowsAsync<ForbiddenException>(
            () => factory.Questionnaires.GetAsync(RespondentRef.Member(member.Id, organisation.Round.Id, other.Respondent.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.Questionnaires.SaveAsync(RespondentRef.Member(member.Id, organisation.Round.Id, other.Respondent.Id), new SaveAnswersRequest([new AnswerInput(question, 2)])));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.Rounds.GetRoundAsync(member.Id, organisation.Round.Id));
    }

    [Fact]
    public async Task A_respondent_member_sees_only_the_rounds_they_answer_in()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var other = await factory.CreateRoundAsync(organisation.Owner.Id, organisation.OrganisationId, "Not theirs");
        var member = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Respondent);
        var respondent = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, email: member.Email);

        var view = await factory.Organisations.GetAsync(member.Id, organisation.OrganisationId);
        var listed = Assert.Single(await factory.Organisations.ListForUserAsync(member.Id));
        var mine = Assert.Single(await factory.Questionnaires.ListMineAsync(member.Id));

        Assert.Equal([organisation.Round.Id], view.Rounds.Select(r => r.Id));
        Assert.Null(view.Members);
        Assert.Equal((1, organisation.Round.Id), (listed.RoundCount, listed.LatestRound?.Id));
        Assert.Equal(respondent.Respondent.Id, mine.RespondentId);
        Assert.Equal(2, (await factory.Organisations.ListForUserAsync(organisation.Owner.Id)).Single().RoundCount);
        Assert.NotEqual(other.Id, listed.LatestRound?.Id);
    }

    [Fact]
    public async Task Only_owners_and_cx_leads_may_preview_results_that_count_questionnaires_in_progress()
    {
        // One dimension in scope; every question answered 3 (submitted), 5 (submitted) or 1 (in progress), so
        // whatever the question weights, the final score is (3 + 5) / 2 = 4 and the preview (3 + 5 + 1) / 3 = 3.
        var dimension = factory.Model.Dimensions[0].Id;
        var organisation = await factory.CreateOrganisationWithRoundAsync([dimension]);
        var owner = organisation.Owner.Id;
        var roundId = organisation.Round.Id;
        var three = await factory.AddRespondentAsync(owner, roundId, "Executive");
        var five = await factory.AddRespondentAsync(owner, roundId, "Frontline");
        var one = await factory.AddRespondentAsync(owner, roundId, "Management");
        await factory.AnswerAllAsync(owner, roundId, three.Respondent.Id, _ => 3);
        await factory.AnswerAllAsync(owner, roundId, five.Respondent.Id, _ => 5);
        await factory.AnswerAllAsync(owner, roundId, one.Respondent.Id, _ => 1, submit: false);
        var cxLead = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.CxLead);
        var viewer = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Viewer);

        var final = await factory.Results.GetResultsAsync(viewer.Id, roundId);
        var preview = await factory.Results.GetResultsAsync(cxLead.Id, roundId, preview: true);

        Assert.False(final.Result.IsPreview);
        Assert.Equal(2, final.Result.RespondentsCounted);
        Assert.Equal(4.0, final.Result.FindDimension(dimension)!.Score!.Value, 9);
        Assert.Equal(5, final.EffectiveTargets[dimension]);
        Assert.True(preview.Result.IsPreview);
        Assert.Equal(3, preview.Result.RespondentsCounted);
        Assert.Equal(3.0, preview.Result.FindDimension(dimension)!.Score!.Value, 9);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.Results.GetResultsAsync(viewer.Id, roundId, preview: true));
    }

    [Fact]
    public async Task A_respondent_sees_results_only_once_the_round_is_closed_and_shared()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var owner = organisation.Owner.Id;
        var round = organisation.Round;
        var member = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Respondent);

        await Assert.ThrowsAsync<ForbiddenException>(() => factory.Results.GetResultsAsync(member.Id, round.Id));
        await factory.Rounds.CloseRoundAsync(owner, round.Id);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.Results.GetResultsAsync(member.Id, round.Id));
        var closed = await factory.Rounds.GetRoundAsync(owner, round.Id);
        await factory.Rounds.UpdateRoundAsync(owner, round.Id, new UpdateRoundRequest(closed.Settings with { RespondentsSeeResults = true }, closed.Version));

        var results = await factory.Results.GetResultsAsync(member.Id, round.Id);
        Assert.Equal(round.Id, results.RoundId);
    }

    [Fact]
    public async Task Only_the_owner_adds_members()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var cxLead = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.CxLead);
        var newcomer = await factory.CreateUserAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => factory.Organisations.AddMemberAsync(
            cxLead.Id, organisation.OrganisationId, newcomer.Email, OrganisationRole.Viewer));
        var added = await factory.Organisations.AddMemberAsync(
            organisation.Owner.Id, organisation.OrganisationId, newcomer.Email, OrganisationRole.Viewer);
        var view = await factory.Organisations.GetAsync(organisation.Owner.Id, organisation.OrganisationId);

        Assert.Equal(newcomer.Id, added.UserId);
        Assert.Contains(view.Members!, m => m.UserId == newcomer.Id && m.Role == OrganisationRole.Viewer);
        await Assert.ThrowsAsync<ConflictException>(() => factory.Organisations.AddMemberAsync(
            organisation.Owner.Id, organisation.OrganisationId, newcomer.Email, OrganisationRole.CxLead));
        await Assert.ThrowsAsync<ValidationException>(() => factory.Organisations.AddMemberAsync(
            organisation.Owner.Id, organisation.OrganisationId, "nobody@test.local", OrganisationRole.Viewer));
    }
}
