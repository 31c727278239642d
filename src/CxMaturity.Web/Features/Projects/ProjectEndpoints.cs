using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxMaturity.Web.Features.Projects;

/// <summary>Projects over HTTP: turning a roadmap item into one, listing, creating, editing with If-Match, deleting. <see cref="ProjectService"/> checks the caller's role.</summary>
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

        api.MapGet("/organisations/{orgId:int}/projects", ListAsync)
            .WithTags("Projects")
            .WithName("ListProjects")
            .WithSummary("The organisation's projects with status, owner, dates, milestones done and late. Members who read results.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/organisations/{orgId:int}/projects", CreateAsync)
            .WithTags("Projects")
            .WithName("CreateProject")
            .WithSummary("Creates a project: { title, status?, descriptionMarkdown?, dimensionId?, owner?, ownerUserId?, startOn?, dueOn?, " +
                "milestones?: [{ title, dueOn?, done }], kpiIds?: [...] }. A due date before the start is refused. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/projects/{id:int}", GetAsync)
            .WithTags("Projects")
            .WithName("GetProject")
            .WithSummary("One project with its milestones, linked KPIs, roadmap item and version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/projects/{id:int}", UpdateAsync)
            .WithTags("Projects")
            .WithName("UpdateProject")
            .WithSummary("Saves every field, the milestones and KPI links. Requires If-Match with the version read: 428 without, 409 when stale. " +
                "Done and Cancelled are final unless reopened (to Planned or InProgress). Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapDelete("/projects/{id:int}", DeleteAsync)
            .WithTags("Projects")
            .WithName("DeleteProject")
            .WithSummary("Deletes a project; the roadmap item it came from stays. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ProjectCardView>>> ListAsync(int orgId, ClaimsPrincipal user, ProjectService service, CancellationToken cancellationToken) =>
        TypedResults.Ok((await service.ListBoardAsync(ApiUser.IdOf(user), orgId, cancellationToken)).Projects);

    private static async Task<Created<ProjectDto>> CreateAsync(
        int orgId, ProjectRequest body, ClaimsPrincipal user, ProjectService service, CancellationToken cancellationToken)
    {
        var project = await service.CreateAsync(ApiUser.IdOf(user), orgId, body, cancellationToken);
        return TypedResults.Created($"/api/v1/projects/{project.Id}", ProjectDto.From(project));
    }

    private static async Task<Ok<ProjectDto>> GetAsync(int id, ClaimsPrincipal user, ProjectService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(ProjectDto.From(await service.GetAsync(ApiUser.IdOf(user), id, cancellationToken)));

    private static async Task<Ok<ProjectDto>> UpdateAsync(
        int id, ProjectRequest body, HttpRequest request, ClaimsPrincipal user, ProjectService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(ProjectDto.From(await service.UpdateAsync(ApiUser.IdOf(user), id, body, IfMatch.Required(request, "project"), cancellationToken)));

    private static async Task<NoContent> DeleteAsync(int id, ClaimsPrincipal user, ProjectService service, CancellationToken cancellationToken)
    {
        await service.DeleteAsync(ApiUser.IdOf(user), id, cancellationToken);
        return TypedResults.NoContent();
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
