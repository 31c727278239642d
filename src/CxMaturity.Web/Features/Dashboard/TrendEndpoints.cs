using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxMaturity.Web.Features.Dashboard;

/// <summary>An organisation's trend and the caller's portfolio over HTTP.</summary>
public static class TrendEndpoints
{
    public static RouteGroupBuilder MapTrendEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organisations/{orgId:int}/trend", async (int orgId, ClaimsPrincipal user, TrendService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.GetTrendAsync(ApiUser.IdOf(user), orgId, cancellationToken)))
            .WithTags("Organisations")
            .WithName("GetOrganisationTrend")
            .WithSummary("Every round of the organisation in date order with its overall and per-dimension scores; the trend line takes the latest model's rounds and marks a changed model version.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/portfolio", async (ClaimsPrincipal user, TrendService service, CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.GetPortfolioAsync(ApiUser.IdOf(user), cancellationToken)))
            .WithTags("Organisations")
            .WithName("GetPortfolio")
            .WithSummary("Organisations where the caller is Owner or CX lead, side by side on their latest closed round, with each one's percentile among them.");
        return api;
    }
}
