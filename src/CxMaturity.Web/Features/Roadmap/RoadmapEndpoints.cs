using System.Globalization;
using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CxMaturity.Web.Features.Roadmap;

/// <summary>
/// A round's roadmap over HTTP: read it, edit an item, set the round's targets (<c>PUT /assessments/{id}/targets</c>).
/// Every call goes through <see cref="RoadmapService"/>, which checks the caller's role; a round of another
/// organisation answers 404. Turning an item into a project is the projects' endpoint.
/// </summary>
public static class RoadmapEndpoints
{
    public static RouteGroupBuilder MapRoadmapEndpoints(this RouteGroupBuilder api)
    {
        var roadmap = api.MapGroup("/assessments/{id:int}/roadmap").WithTags("Roadmap");

        roadmap.MapGet("/", GetAsync)
            .WithName("GetRoadmap")
            .WithSummary(
                "The roadmap generated from the round's final results: items in order with priority (full precision), " +
                "horizon, status, Pareto share and vital-few flag; targets, gaps and projection. Every member but Respondents.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        roadmap.MapPut("/items/{initiativeId}", UpdateItemAsync)
            .WithName("UpdateRoadmapItem")
            .WithSummary(
                "Accepts or rejects an item, moves its horizon, sets owner and notes. Send the item's version from GET " +
                "(null if never edited). Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPut("/assessments/{id:int}/targets", SetTargetsAsync)
            .WithTags("Roadmap")
            .WithName("SetAssessmentTargets")
            .WithSummary(
                "Replaces the round's targets: { \"<dimensionId>\": stage 1..5, … }. A dimension left out gets the " +
                "default target. Owner and CX lead. Requires If-Match with the round's version as GET returns it: 428 without, 409 when stale. " +
                "Answers with the targets as saved and the roadmap items they added and dropped.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        return api;
    }

    private static async Task<Ok<RoadmapDto>> GetAsync(
        int id,
        ClaimsPrincipal user,
        RoadmapService service,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(RoadmapDto.From(await service.GetRoadmapAsync(ApiUser.IdOf(user), id, cancellationToken)));

    private static async Task<Ok<RoadmapItemView>> UpdateItemAsync(
        int id,
        string initiativeId,
        RoadmapItemEditDto body,
        ClaimsPrincipal user,
        RoadmapService service,
        CancellationToken cancellationToken)
    {
        var roadmap = await service.UpdateItemAsync(
            ApiUser.IdOf(user),
            id,
            initiativeId,
            new RoadmapItemUpdate(body.Status, body.Horizon, body.Owner, body.Notes, body.Version),
            cancellationToken);
        return TypedResults.Ok(roadmap.FindItem(initiativeId)!);
    }

    private static async Task<Ok<TargetsSavedDto>> SetTargetsAsync(
        int id,
        Dictionary<string, int> body,
        HttpRequest request,
        ClaimsPrincipal user,
        RoadmapService service,
        CancellationToken cancellationToken)
    {
        var saved = await service.SetTargetsAsync(ApiUser.IdOf(user), id, body, IfMatch.Required(request, "round"), cancellationToken);
        return TypedResults.Ok(TargetsSavedDto.From(saved));
    }
}
