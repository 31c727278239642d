using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using CxMaturity.Web.Features.Projects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxMaturity.Web.Features.Roadmap;

/// <summary>
/// A round's roadmap over HTTP: read it, edit an item, turn an item into a project. Targets are set through
/// <c>PUT /assessments/{id}/targets</c>. Every call goes through <see cref="RoadmapService"/> or
/// <see cref="ProjectService"/>, which check the caller's role; a round of another organisation answers 404.
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

        roadmap.MapPost("/items/{initiativeId}/project", TurnIntoProjectAsync)
            .WithName("TurnRoadmapItemIntoProject")
            .WithSummary("Creates a Proposed project from the item and links the two; refused when already linked. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }

    private static async Task<Ok<RoadmapDto>> GetAsync(
        int id,
        ClaimsPrincipal user,
        RoadmapService service,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(RoadmapDto.From(await service.GetRoadmapAsync(ApiUser.IdOf(user), id, cancellationToken)));

    private static async Task<Ok<RoadmapItemDto>> UpdateItemAsync(
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
        return TypedResults.Ok(RoadmapItemDto.FromView(roadmap.FindItem(initiativeId)!));
    }

    private static async Task<Created<ProjectDto>> TurnIntoProjectAsync(
        int id,
        string initiativeId,
        ClaimsPrincipal user,
        ProjectService service,
        CancellationToken cancellationToken)
    {
        var project = await service.CreateFromRoadmapItemAsync(ApiUser.IdOf(user), id, initiativeId, cancellationToken);
        return TypedResults.Created($"/projects/{project.Id}", ProjectDto.From(project));
    }
}
