using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxMaturity.Web.Features.Projects;

/// <summary>Projects over HTTP: turning a roadmap item into one. <see cref="ProjectService"/> checks the caller's role.</summary>
public static class ProjectEndpoints
{
    public static RouteGroupBuilder MapProjectEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/assessments/{id:int}/roadmap/items/{initiativeId}/project", TurnIntoProjectAsync)
            .WithTags("Roadmap")
            .WithName("TurnRoadmapItemIntoProject")
            .WithSummary("Creates a Proposed project from the item and links the two; refused when already linked. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
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
