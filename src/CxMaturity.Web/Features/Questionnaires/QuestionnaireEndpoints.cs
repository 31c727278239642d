using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxMaturity.Web.Features.Questionnaires;

/// <summary>A respondent's answers over HTTP: the respondent's own user, Owner and CX lead.</summary>
public static class QuestionnaireEndpoints
{
    public static RouteGroupBuilder MapQuestionnaireEndpoints(this RouteGroupBuilder api)
    {
        var answers = api.MapGroup("/assessments/{id:int}/respondents/{respondentId:int}/answers").WithTags("Assessments");
        answers.MapGet("/", GetAnswersAsync)
            .WithName("GetRespondentAnswers")
            .WithSummary("A respondent's saved answers and importance ratings. The respondent's own user, Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        answers.MapPut("/", SaveAnswersAsync)
            .WithName("SaveRespondentAnswers")
            .WithSummary(
                "Saves answers (level 1..5, or null for Not applicable) in one transaction and, with submit, hands " +
                "the questionnaire in. Nothing is saved when any answer is invalid. The respondent's own user, Owner " +
                "and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<Ok<AnswersDto>> GetAnswersAsync(
        int id,
        int respondentId,
        ClaimsPrincipal user,
        QuestionnaireService service,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(AnswersDto.From(
            await service.GetAsync(RespondentRef.Member(ApiUser.IdOf(user), id, respondentId), cancellationToken)));

    private static async Task<Ok<RespondentProgressView>> SaveAnswersAsync(
        int id,
        int respondentId,
        SaveAnswersDto body,
        ClaimsPrincipal user,
        QuestionnaireService service,
        CancellationToken cancellationToken)
    {
        var progress = await service.SaveAsync(
            RespondentRef.Member(ApiUser.IdOf(user), id, respondentId),
            new SaveAnswersRequest(
                [.. body.Answers.Select(a => a is null ? null! : new AnswerInput(a.QuestionId, a.Level, a.Comment, a.Evidence))],
                body.Submit,
                body.Importance?.ToDictionary(i => i.Key, i => (int?)i.Value, StringComparer.Ordinal)),
            cancellationToken);
        return TypedResults.Ok(progress);
    }
}
