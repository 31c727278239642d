using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Access;

/// <summary>A user of one organisation can never see or change another's data, whatever ids they try.</summary>
public sealed class OrganisationIsolationTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task The_owner_of_another_organisation_gets_not_found_for_its_organisation_round_answers_and_results()
    {
        var victim = await factory.CreateOrganisationWithRoundAsync();
        var respondent = await factory.AddRespondentAsync(victim.Owner.Id, victim.Round.Id);
        await factory.AnswerAllAsync(victim.Owner.Id, victim.Round.Id, respondent.Respondent.Id, _ => 3);
        var intruder = await factory.CreateOrganisationWithRoundAsync();
        var intruderId = intruder.Owner.Id;
        var roundId = victim.Round.Id;
        var respondentId = respondent.Respondent.Id;
        var question = factory.Model.Dimensions[0].Questions[0].Id;

        await Assert.ThrowsAsync<NotFoundException>(() => factory.Organisations.GetAsync(intruderId, victim.OrganisationId));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Rounds.GetRoundAsync(intruderId, roundId));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Results.GetResultsAsync(intruderId, roundId));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Questionnaires.GetAsync(RespondentRef.Member(intruderId, roundId, respondentId)));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Questionnaires.SaveAsync(RespondentRef.Member(intruderId, roundId, respondentId), new SaveAnswersRequest([new AnswerInput(question, 1)])));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Roadmaps.SetTargetsAsync(
            intruderId, roundId, new Dictionary<string, int>()));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Respondents.AddRespondentAsync(
            intruderId, roundId, new AddRespondentRequest("Mallory", "mallory@test.local", "Executive")));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Rounds.CloseRoundAsync(intruderId, roundId));
    }

    [Fact]
    public async Task A_respondent_id_of_another_round_is_not_found_even_in_a_round_the_caller_manages()
    {
        var victim = await factory.CreateOrganisationWithRoundAsync();
        var victimRespondent = await factory.AddRespondentAsync(victim.Owner.Id, victim.Round.Id);
        var intruder = await factory.CreateOrganisationWithRoundAsync();
        var question = factory.Model.Dimensions[0].Questions[0].Id;

        await Assert.ThrowsAsync<NotFoundException>(() => factory.Questionnaires.SaveAsync(RespondentRef.Member(intruder.Owner.Id, intruder.Round.Id, victimRespondent.Respondent.Id), new SaveAnswersRequest([new AnswerInput(question, 1)])));

        var answers = await factory.WithDbAsync(db => Task.FromResult(db.Answers.Count(a => a.RespondentId == victimRespondent.Respondent.Id)));
        Assert.Equal(0, answers);
    }

    [Fact]
    public async Task A_user_lists_only_the_organisations_they_belong_to()
    {
        var mine = await factory.CreateOrganisationWithRoundAsync();
        await factory.CreateOrganisationWithRoundAsync();

        var listed = await factory.Organisations.ListForUserAsync(mine.Owner.Id);

        var only = Assert.Single(listed);
        Assert.Equal(mine.OrganisationId, only.Id);
        Assert.Equal(1, only.RoundCount);
        Assert.Equal(mine.Round.Id, only.LatestRound?.Id);
    }
}
