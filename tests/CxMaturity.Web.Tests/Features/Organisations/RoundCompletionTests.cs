using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Organisations;

/// <summary>A round's completion in the lists counts in-scope questions only, as the round page and the results do.</summary>
public sealed class RoundCompletionTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task An_answer_to_a_question_outside_the_scope_does_not_count_towards_completion()
    {
        var model = factory.Model;
        var inScope = new[] { model.Dimensions[0], model.Dimensions[1] };
        var organisation = await factory.CreateOrganisationWithRoundAsync([.. inScope.Select(d => d.Id)]);
        var done = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);
        var started = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);
        await factory.AnswerAllAsync(organisation.Owner.Id, organisation.Round.Id, done.Respondent.Id, _ => 3);
        await factory.Questionnaires.SaveAsync(
            RespondentRef.Member(organisation.Owner.Id, organisation.Round.Id, started.Respondent.Id),
            new SaveAnswersRequest([new AnswerInput(inScope[0].Questions[0].Id, 2)]));
        // An answer the questionnaire could never have taken (a question of another dimension), as an older version
        // or a hand-edited database might hold.
        await factory.WithDbAsync(async db =>
        {
            db.Answers.Add(new Answer { RespondentId = started.Respondent.Id, QuestionId = model.Dimensions[2].Questions[0].Id, Level = 4, UpdatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var questions = inScope.Sum(d => d.Questions.Count);
        // Two respondents: all of theirs and one: (questions + 1) of 2 × questions.
        var expected = 100.0 * (questions + 1) / (2.0 * questions);
        var listed = (await factory.Organisations.ListForUserAsync(organisation.Owner.Id)).Single(o => o.Id == organisation.OrganisationId);
        var shown = (await factory.Organisations.GetAsync(organisation.Owner.Id, organisation.OrganisationId)).Rounds.Single();
        var results = await factory.Results.GetResultsAsync(organisation.Owner.Id, organisation.Round.Id, preview: true);

        Assert.Equal(expected, listed.LatestRound!.CompletionPercent!.Value, 9);
        Assert.Equal(expected, shown.CompletionPercent!.Value, 9);
        Assert.Equal(expected, 100 * RespondentCompletion.Mean(results.Result.Completion), 9);
    }
}
