using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxMaturity.Web.Features.CustomerGaps;

/// <summary>The customer-gap register over HTTP. <see cref="CustomerGapService"/> checks the caller's role.</summary>
public static class CustomerGapEndpoints
{
    private const int MaxListBytes = 4 * 1024 * 1024;

    public static RouteGroupBuilder MapCustomerGapEndpoints(this RouteGroupBuilder api)
    {
        var gaps = api.MapGroup("/organisations/{orgId:int}/customer-gaps").WithTags("Customer gaps");
        gaps.MapGet("", GetAsync)
            .WithName("GetCustomerGaps")
            .WithSummary("The register: every problem, its root-cause categories and the Pareto. Members who read results.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        gaps.MapPost("", AddAsync)
            .WithName("AddCustomerGap")
            .WithSummary("Adds a problem { title, source, rootCause, score? } (score 1 when left out). Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        gaps.MapGet("/pareto", ParetoAsync)
            .WithName("GetCustomerGapPareto")
            .WithSummary("Root causes by total score descending (ties by name) with share, cumulativeShare and vitalFew (the first 80 %).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        gaps.MapPost("/list", ImportAsync)
            .WithName("ImportCustomerGaps")
            .WithSummary("Adds every problem of a CSV list (title, source, root cause, score; header optional) or none: 422 lists every fault by line. " +
                "?check=true only checks. Owner and CX lead.")
            .Accepts<string>("text/csv", "text/plain")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        gaps.MapPut("/{gapId:int}", UpdateAsync)
            .WithName("UpdateCustomerGap")
            .WithSummary("Edits a problem. Requires If-Match with the version read: 428 without, 409 when stale. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        gaps.MapDelete("/{gapId:int}", DeleteAsync)
            .WithName("DeleteCustomerGap")
            .WithSummary("Removes a problem. Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<CustomerGapRegisterView>> GetAsync(int orgId, ClaimsPrincipal user, CustomerGapService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetRegisterAsync(ApiUser.IdOf(user), orgId, cancellationToken));

    private static async Task<Ok<IReadOnlyList<RootCauseShare>>> ParetoAsync(int orgId, ClaimsPrincipal user, CustomerGapService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetParetoAsync(ApiUser.IdOf(user), orgId, cancellationToken));

    private static async Task<Created<CustomerGapView>> AddAsync(
        int orgId, CustomerGapRequest body, ClaimsPrincipal user, CustomerGapService service, CancellationToken cancellationToken)
    {
        var gap = await service.AddAsync(ApiUser.IdOf(user), orgId, body, cancellationToken);
        return TypedResults.Created($"/api/v1/organisations/{orgId}/customer-gaps/{gap.Id}", gap);
    }

    private static async Task<Ok<CustomerGapView>> UpdateAsync(
        int orgId, int gapId, CustomerGapRequest body, HttpRequest request, ClaimsPrincipal user, CustomerGapService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.UpdateAsync(ApiUser.IdOf(user), orgId, gapId, body, IfMatch.Required(request, "problem"), cancellationToken));

    private static async Task<NoContent> DeleteAsync(int orgId, int gapId, ClaimsPrincipal user, CustomerGapService service, CancellationToken cancellationToken)
    {
        await service.DeleteAsync(ApiUser.IdOf(user), orgId, gapId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CustomerGapListCheckView>, Ok<int>>> ImportAsync(
        int orgId, bool? check, HttpRequest request, ClaimsPrincipal user, CustomerGapService service, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxListBytes)
        {
            throw ValidationException.For("list", $"A list can be at most {MaxListBytes / 1024 / 1024} MB.");
        }

        return check == true
            ? TypedResults.Ok(await service.CheckListAsync(ApiUser.IdOf(user), orgId, buffer.ToArray(), cancellationToken))
            : TypedResults.Ok(await service.ImportAsync(ApiUser.IdOf(user), orgId, buffer.ToArray(), cancellationToken));
    }
}
