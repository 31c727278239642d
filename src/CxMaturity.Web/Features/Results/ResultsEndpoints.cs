using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxMaturity.Web.Features.Results;

/// <summary>A round's results over HTTP.</summary>
public static class ResultsEndpoints
{
    public static RouteGroupBuilder MapResultsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/assessments/{id:int}/results", GetResultsAsync)
            .WithTags("Assessments")
            .WithName("GetAssessmentResults")
            .WithSummary(
                "Every RULES.md §5 figure at full precision. Only submitted questionnaires count; preview=true also counts " +
                "those in progress (Owner and CX lead) and is labelled isPreview.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<ResultsDto>> GetResultsAsync(
        int id,
        bool? preview,
        ClaimsPrincipal user,
        ResultsService service,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(ResultsDto.From(
            await service.GetResultsAsync(ApiUser.IdOf(user), id, preview ?? false, cancellationToken)));
}
