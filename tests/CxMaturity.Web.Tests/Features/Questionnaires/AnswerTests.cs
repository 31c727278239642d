using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Features.Questionnaires;

public sealed class AnswerTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task Saving_answers_reports_every_problem_at_once_and_saves_nothing()
    {
        var inScope = factory.Model.Dimensions[0];
        var outOfScope = factory.Model.Dimensions[1];
        var organisation = await factory.CreateOrganisationWithRoundAsync([inScope.Id]);
        var respondent = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);
        var request = new SaveAnswersRequest(
        [
            new AnswerInput(inScope.Questions[0].Id, 3),
            new AnswerInput("no.such-question", 2),
            new AnswerInput(inScope.Questions[1].Id, 6),
            new AnswerInput(inScope.Questions[0].Id, 4),
            new AnswerInput(outOfScope.Questions[0].Id, 2),
            new AnswerInput(inScope.Questions[2].Id, null, new string('x', 4001)),
        ],
        Submit: true,
        Importance: new Dictionary<string, int?> { [inScope.Id] = 0 });

        var problem = await Assert.ThrowsAsync<ValidationException>(() => factory.Questionnaires.SaveAsync(RespondentRef.Member(organisation.Owner.Id, organisation.Round.Id, respondent.Respondent.Id), request));

        Assert.Equal(
            ["answers[1].questionId", "answers[2].level", "answers[3].questionId", "answers[4].questionId", "answers[5].comment", $"importance.{inScope.Id}"],
            problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("not in this round's scope", problem.Errors["answers[4].questionId"].Single());
        Assert.Contains("more than once", problem.Errors["answers[3].questionId"].Single());
        var (answers, status) = await factory.WithDbAsync(async db => (
            await db.Answers.CountAsync(a => a.RespondentId == respondent.Respondent.Id),
            await db.Respondents.Where(r => r.Id == respondent.Respondent.Id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(0, answers);
        Assert.Equal(RespondentStatus.Invited, status);
    }

    [Fact]
    public async Task Saved_answers_are_upserted_and_submitting_records_the_time_and_completion()
    {
        var dimension = factory.Model.Dimensions[0];
        var organisation = await factory.CreateOrganisationWithRoundAsync([dimension.Id]);
        var roundId = organisation.Round.Id;
        var respondent = await factory.AddRespondentAsync(organisation.Owner.Id, roundId);
        var respondentId = respondent.Respondent.Id;
        var first = dimension.Questions[0].Id;
        var second = dimension.Questions[1].Id;

        var started = await factory.Questionnaires.SaveAsync(RespondentRef.Member(organisation.Owner.Id, roundId, respondentId), new SaveAnswersRequest([new AnswerInput(first, 2, "First thought")]));
        var submitted = await factory.Questionnaires.SaveAsync(RespondentRef.Member(organisation.Owner.Id, roundId, respondentId), new SaveAnswersRequest([new AnswerInput(first, 4), new AnswerInput(second, null)], Submit: true));

        Assert.Equal(RespondentStatus.InProgress, started.Status);
        Assert.Equal(1, started.Answered);
        Assert.Equal(RespondentStatus.Submitted, submitted.Status);
        Assert.Equal(2, submitted.Answered);
        Assert.Equal(dimension.Questions.Count, submitted.Questions);
        Assert.Equal(2.0 / dimension.Questions.Count, submitted.Completion, 9);
        var questionnaire = await factory.Questionnaires.GetAsync(RespondentRef.Member(organisation.Owner.Id, roundId, respondentId));
        Assert.Equal(4, questionnaire.Answers[first].Level);
        Assert.Null(questionnaire.Answers[first].Comment);
        Assert.Null(questionnaire.Answers[second].Level);
        Assert.Equal(dimension.Id, questionnaire.LastDimensionId);
        Assert.False(questionnaire.CanEdit);
        var submittedUtc = await factory.WithDbAsync(db => db.Respondents.Where(r => r.Id == respondentId).Select(r => r.SubmittedUtc).SingleAsync());
        Assert.NotNull(submittedUtc);
    }

    [Fact]
    public async Task Answering_after_submitting_is_refused()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var respondent = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);
        await factory.AnswerAllAsync(organisation.Owner.Id, organisation.Round.Id, respondent.Respondent.Id, _ => 3);
        var question = factory.Model.Dimensions[0].Questions[0].Id;

        var refused = await Assert.ThrowsAsync<ConflictException>(() => factory.Questionnaires.SaveAsync(RespondentRef.Member(organisation.Owner.Id, organisation.Round.Id, respondent.Respondent.Id), new SaveAnswersRequest([new AnswerInput(question, 1)])));

        Assert.StartsWith("Answers were already submitted", refused.Message);
        var level = await factory.WithDbAsync(db => db.Answers
            .Where(a => a.RespondentId == respondent.Respondent.Id && a.QuestionId == question).Select(a => a.Level).SingleAsync());
        Assert.Equal(3, level);
    }

    [Fact]
    public async Task Answering_after_the_round_closed_is_refused()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var respondent = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);
        var question = factory.Model.Dimensions[0].Questions[0].Id;
        await factory.Rounds.CloseRoundAsync(organisation.Owner.Id, organisation.Round.Id);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => factory.Questionnaires.SaveAsync(RespondentRef.Member(organisation.Owner.Id, organisation.Round.Id, respondent.Respondent.Id), new SaveAnswersRequest([new AnswerInput(question, 1)])));

        Assert.StartsWith("The round is closed", refused.Message);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Answers.CountAsync(a => a.RespondentId == respondent.Respondent.Id)));
    }

    [Fact]
    public async Task Importance_ratings_are_saved_replaced_and_removed()
    {
        var dimension = factory.Model.Dimensions[0].Id;
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var respondent = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);
        var (owner, roundId, respondentId) = (organisation.Owner.Id, organisation.Round.Id, respondent.Respondent.Id);

        await factory.Questionnaires.SaveAsync(RespondentRef.Member(owner, roundId, respondentId), new SaveAnswersRequest([], Importance: new Dictionary<string, int?> { [dimension] = 2 }));
        await factory.Questionnaires.SaveAsync(RespondentRef.Member(owner, roundId, respondentId), new SaveAnswersRequest([], Importance: new Dictionary<string, int?> { [dimension] = 5 }));
        var rated = await factory.Questionnaires.GetAsync(RespondentRef.Member(owner, roundId, respondentId));
        await factory.Questionnaires.SaveAsync(RespondentRef.Member(owner, roundId, respondentId), new SaveAnswersRequest([], Importance: new Dictionary<string, int?> { [dimension] = null }));
        var cleared = await factory.Questionnaires.GetAsync(RespondentRef.Member(owner, roundId, respondentId));

        Assert.Equal(5, rated.Importance[dimension]);
        Assert.Empty(cleared.Importance);
        await Assert.ThrowsAsync<ValidationException>(
            () => factory.Questionnaires.SaveAsync(RespondentRef.Member(owner, roundId, respondentId), new SaveAnswersRequest([], Importance: new Dictionary<string, int?> { [dimension] = 6 })));
    }
}
