using System.Globalization;
using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Roadmap;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CxMaturity.Web.Features.Assessments;

/// <summary>
/// Assessment rounds over HTTP: create, read, targets, respondents, answers and results. Every call goes through
/// <see cref="AssessmentService"/>, which checks the caller's role in the organisation owning the round; a round of
/// another organisation answers 404.
/// </summary>
public static class AssessmentEndpoints
{
    public static RouteGroupBuilder MapAssessmentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/organisations/{orgId:int}/assessments", CreateAsync)
            .WithTags("Assessments")
            .WithName("CreateAssessment")
            .WithSummary("Creates an assessment round on the latest version of a model and opens it. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        var rounds = api.MapGroup("/assessments/{id:int}").WithTags("Assessments");

        rounds.MapGet("/", GetAsync)
            .WithName("GetAssessment")
            .WithSummary("The round, its targets and respondent counts; the respondents themselves for Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        rounds.MapPut("/targets", SetTargetsAsync)
            .WithName("SetAssessmentTargets")
            .WithSummary(
                "Replaces the round's targets: { \"<dimensionId>\": stage 1..5, … }. A dimension left out gets the " +
                "default target. Owner and CX lead. Send If-Match with the round's version to detect concurrent edits. " +
                "Answers with the targets as saved and the roadmap items they added and dropped.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        rounds.MapPost("/respondents", AddRespondentAsync)
            .WithName("AddAssessmentRespondent")
            .WithSummary("Adds a respondent and returns their invitation link, shown this once. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        rounds.MapGet("/respondents/{respondentId:int}/answers", GetAnswersAsync)
            .WithName("GetRespondentAnswers")
            .WithSummary("A respondent's saved answers and importance ratings. The respondent's own user, Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        rounds.MapPut("/respondents/{respondentId:int}/answers", SaveAnswersAsync)
            .WithName("SaveRespondentAnswers")
            .WithSummary(
                "Saves answers (level 1..5, or null for Not applicable) in one transaction and, with submit, hands " +
                "the questionnaire in. Nothing is saved when any answer is invalid. The respondent's own user, Owner " +
                "and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        rounds.MapGet("/results", GetResultsAsync)
            .WithName("GetAssessmentResults")
            .WithSummary(
                "Every RULES.md §5 figure at full precision. Only submitted questionnaires count; preview=true also counts " +
                "those in progress (Owner and CX lead) and is labelled isPreview.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<Created<AssessmentDto>> CreateAsync(
        int orgId,
        CreateAssessmentDto body,
        ClaimsPrincipal user,
        AssessmentService service,
        CancellationToken cancellationToken)
    {
        var round = await service.CreateRoundAsync(
            ApiUser.IdOf(user),
            orgId,
            new CreateRoundRequest(
                body.ModelId, body.Name, body.OpensOn, body.ClosesOn, body.DimensionsInScope, body.RespondentsSeeResults),
            cancellationToken);
        return TypedResults.Created($"/api/v1/assessments/{round.Id}", AssessmentDto.From(round));
    }

    private static async Task<Ok<AssessmentDto>> GetAsync(
        int id,
        ClaimsPrincipal user,
        AssessmentService service,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(AssessmentDto.From(await service.GetRoundAsync(ApiUser.IdOf(user), id, cancellationToken)));

    // Through the roadmap service, which saves the targets with the assessment service's validation and reports what
    // they did to the roadmap, as the targets editor does.
    private static async Task<Ok<TargetsSavedDto>> SetTargetsAsync(
        int id,
        Dictionary<string, int> body,
        HttpRequest request,
        ClaimsPrincipal user,
        RoadmapService service,
        CancellationToken cancellationToken)
    {
        var saved = await service.SetTargetsAsync(ApiUser.IdOf(user), id, body, ExpectedVersion(request), cancellationToken);
        return TypedResults.Ok(TargetsSavedDto.From(saved));
    }

    private static async Task<Created<RespondentCreatedDto>> AddRespondentAsync(
        int id,
        AddRespondentDto body,
        HttpRequest request,
        ClaimsPrincipal user,
        AssessmentService service,
        CancellationToken cancellationToken)
    {
        var created = await service.AddRespondentAsync(
            ApiUser.IdOf(user), id, new AddRespondentRequest(body.Name, body.Email, body.Group), cancellationToken);
        var link = $"{request.Scheme}://{request.Host}{request.PathBase}{created.InvitationPath}";
        return TypedResults.Created(
            $"/api/v1/assessments/{id}/respondents/{created.Respondent.Id}/answers",
            new RespondentCreatedDto(RespondentDto.From(created.Respondent), link));
    }

    private static async Task<Ok<AnswersDto>> GetAnswersAsync(
        int id,
        int respondentId,
        ClaimsPrincipal user,
        AssessmentService service,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(AnswersDto.From(
            await service.GetQuestionnaireAsync(ApiUser.IdOf(user), id, respondentId, cancellationToken)));

    private static async Task<Ok<RespondentProgressDto>> SaveAnswersAsync(
        int id,
        int respondentId,
        SaveAnswersDto body,
        ClaimsPrincipal user,
        AssessmentService service,
        CancellationToken cancellationToken)
    {
        var progress = await service.SaveAnswersAsync(
            ApiUser.IdOf(user),
            id,
            respondentId,
            new SaveAnswersRequest(
                [.. body.Answers.Select(a => a is null ? null! : new AnswerInput(a.QuestionId, a.Level, a.Comment, a.Evidence))],
                body.Submit,
                body.Importance),
            cancellationToken);
        return TypedResults.Ok(RespondentProgressDto.From(progress));
    }

    private static async Task<Ok<ResultsDto>> GetResultsAsync(
        int id,
        bool? preview,
        ClaimsPrincipal user,
        AssessmentService service,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(ResultsDto.From(
            await service.GetResultsAsync(ApiUser.IdOf(user), id, preview ?? false, cancellationToken)));

    // If-Match: "<version>" (the round's version from GET) makes a concurrent change a 409 instead of an overwrite.
    private static Guid? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.IfMatch].ToString();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        return Guid.TryParse(header.Trim().Trim('"'), CultureInfo.InvariantCulture, out var version)
            ? version
            : throw ValidationException.For("If-Match", "If-Match must be the round's version, as GET returns it.");
    }
}
