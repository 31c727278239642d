using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxMaturity.Web.Features.Rounds;

/// <summary>
/// Rounds over HTTP, where the API calls them assessments: create one, read one, move it through its lifecycle, delete a draft. <see cref="RoundService"/> checks the
/// caller's role in the organisation owning the round; a round of another organisation answers 404.
/// </summary>
public static class RoundEndpoints
{
    public static RouteGroupBuilder MapRoundEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/organisations/{orgId:int}/assessments", CreateAsync)
            .WithTags("Assessments")
            .WithName("CreateAssessment")
            .WithSummary("Creates an assessment round on the latest version of a model and opens it. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/assessments/{id:int}", GetAsync)
            .WithTags("Assessments")
            .WithName("GetAssessment")
            .WithSummary("The round, its targets and respondent counts; the respondents themselves for Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/assessments/{id:int}/status", SetStatusAsync)
            .WithTags("Assessments")
            .WithName("SetAssessmentStatus")
            .WithSummary("Opens a draft, closes an open round or reopens a closed one; nothing goes back to Draft (409 with the reason). Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapDelete("/assessments/{id:int}", DeleteAsync)
            .WithTags("Assessments")
            .WithName("DeleteAssessment")
            .WithSummary("Deletes a draft round with its respondents; a round that has opened answers 409. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Created<RoundView>> CreateAsync(
        int orgId,
        CreateRoundRequest body,
        ClaimsPrincipal user,
        RoundService service,
        CancellationToken cancellationToken)
    {
        var round = await service.CreateRoundAsync(ApiUser.IdOf(user), orgId, body, cancellationToken);
        return TypedResults.Created($"/api/v1/assessments/{round.Id}", round);
    }

    private static async Task<Ok<RoundView>> SetStatusAsync(
        int id,
        ChangeStatusRequest body,
        ClaimsPrincipal user,
        RoundService service,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.SetStatusAsync(ApiUser.IdOf(user), id, body.Status, cancellationToken));

    private static async Task<NoContent> DeleteAsync(
        int id,
        ClaimsPrincipal user,
        RoundService service,
        CancellationToken cancellationToken)
    {
        await service.DeleteDraftAsync(ApiUser.IdOf(user), id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<RoundView>> GetAsync(
        int id,
        ClaimsPrincipal user,
        RoundService service,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetRoundAsync(ApiUser.IdOf(user), id, cancellationToken));
}
