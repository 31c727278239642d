using System.Net;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Questionnaires;

/// <summary>GET/PUT /api/v1/assessments/{id}/respondents/{respondentId}/answers: saved, read back, submitted.</summary>
public sealed class AnswerApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task Answers_are_saved_read_back_and_submitted_after_which_they_cannot_change()
    {
        var arranged = await factory.CreateOrganisationWithRoundAsync();
        using var client = await factory.CreateApiClientAsync(arranged.Owner.Id);
        var respondent = (await factory.AddRespondentAsync(arranged.Owner.Id, arranged.Round.Id)).Respondent.Id;
        var questions = factory.Model.AllQuestions.Count();

        var progress = await (await client.PutAnswersAsync(
                arranged.Round.Id,
                respondent,
                [new AnswerDto("strategy.vision", 4, "We wrote it down last year."), new AnswerDto("voc.text", null)],
                importance: new Dictionary<string, int> { ["voc"] = 5 }))
            .ReadAsync<RespondentProgressView>();

        Assert.Equal((RespondentStatus.InProgress, 2, questions), (progress.Status, progress.Answered, progress.Questions));
        Assert.Equal(2.0 / questions, progress.Completion, 12);
        var saved = await (await client.GetAsync(ApiTestExtensions.AnswersUrl(arranged.Round.Id, respondent))).ReadAsync<AnswersDto>();
        Assert.Equal(
            [("strategy.vision", (int?)4, "We wrote it down last year."), ("voc.text", null, null)],
            saved.Answers.Select(a => (a.QuestionId, a.Level, a.Comment)));
        Assert.Equal(5, saved.Importance["voc"]);
        Assert.True(saved.CanEdit);

        var submitted = await (await client.PutAnswersAsync(arranged.Round.Id, respondent, [new AnswerDto("strategy.vision", 5)], submit: true))
            .ReadAsync<RespondentProgressView>();
        Assert.Equal(RespondentStatus.Submitted, submitted.Status);

        var problem = await (await client.PutAnswersAsync(arranged.Round.Id, respondent, [new AnswerDto("strategy.vision", 1)]))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("submitted", problem.Detail, StringComparison.OrdinalIgnoreCase);
        var after = await (await client.GetAsync(ApiTestExtensions.AnswersUrl(arranged.Round.Id, respondent))).ReadAsync<AnswersDto>();
        Assert.Equal(5, after.Answers.Single(a => a.QuestionId == "strategy.vision").Level);
        Assert.False(after.CanEdit);
    }
}
