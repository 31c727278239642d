using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxMaturity.Web.Features.Raci;

/// <summary>Roles and the RACI matrix over HTTP. <see cref="RaciService"/> checks the caller's role.</summary>
public static class RaciEndpoints
{
    public static RouteGroupBuilder MapRaciEndpoints(this RouteGroupBuilder api)
    {
        var organisation = api.MapGroup("/organisations/{orgId:int}").WithTags("Roles and RACI");
        organisation.MapGet("/raci", GetAsync)
            .WithName("GetRaci")
            .WithSummary("The roles and the RACI matrix: rows (projects, accepted roadmap items) with their letters by role id, each row's problems, and the version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        organisation.MapPut("/raci", SaveAsync)
            .WithName("SaveRaci")
            .WithSummary("Saves the whole matrix { rows: [{ key, cells: { roleId: \"R\" | \"A\" | \"C\" | \"I\" } }] }. A row without exactly one A " +
                "or without an R is refused with 422 and the rule, nothing saved. Requires If-Match with the version read. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        organisation.MapPost("/roles", AddRoleAsync)
            .WithName("AddRole")
            .WithSummary("Adds a role { name, holderUserId?, holderName?, responsibilities? }. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        organisation.MapPut("/roles/{roleId:int}", UpdateRoleAsync)
            .WithName("UpdateRole")
            .WithSummary("Renames a role or changes its holder or responsibilities. Requires If-Match. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        organisation.MapDelete("/roles/{roleId:int}", DeleteRoleAsync)
            .WithName("DeleteRole")
            .WithSummary("Removes a role and its letters; refused (409) while it is accountable for a row or the only one responsible in a row. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<RaciView>> GetAsync(int orgId, ClaimsPrincipal user, RaciService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(ApiUser.IdOf(user), orgId, cancellationToken));

    private static async Task<Ok<RaciView>> SaveAsync(
        int orgId, RaciRequest body, HttpRequest request, ClaimsPrincipal user, RaciService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.SaveAsync(ApiUser.IdOf(user), orgId, body, IfMatch.Required(request, "RACI matrix"), cancellationToken));

    private static async Task<Created<RoleView>> AddRoleAsync(int orgId, RoleRequest body, ClaimsPrincipal user, RaciService service, CancellationToken cancellationToken)
    {
        var role = await service.AddRoleAsync(ApiUser.IdOf(user), orgId, body, cancellationToken);
        return TypedResults.Created($"/api/v1/organisations/{orgId}/raci", role);
    }

    private static async Task<Ok<RoleView>> UpdateRoleAsync(
        int orgId, int roleId, RoleRequest body, HttpRequest request, ClaimsPrincipal user, RaciService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.UpdateRoleAsync(ApiUser.IdOf(user), orgId, roleId, body, IfMatch.Required(request, "role"), cancellationToken));

    private static async Task<NoContent> DeleteRoleAsync(int orgId, int roleId, ClaimsPrincipal user, RaciService service, CancellationToken cancellationToken)
    {
        await service.DeleteRoleAsync(ApiUser.IdOf(user), orgId, roleId, cancellationToken);
        return TypedResults.NoContent();
    }
}
