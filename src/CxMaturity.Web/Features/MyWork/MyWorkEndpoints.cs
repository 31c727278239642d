using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxMaturity.Web.Features.MyWork;

/// <summary>My work over HTTP: the caller's own work only.</summary>
public static class MyWorkEndpoints
{
    public static RouteGroupBuilder MapMyWorkEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/my-work", GetAsync)
            .WithTags("My work")
            .WithName("GetMyWork")
            .WithSummary("The caller's questionnaires to answer, projects owned and their milestones due within 14 days, KPIs owned due within 7 days, " +
                "and RACI rows where a role they hold is R or A, across their organisations.");
        return api;
    }

    private static async Task<Ok<MyWorkView>> GetAsync(ClaimsPrincipal user, MyWorkService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAsync(ApiUser.IdOf(user), cancellationToken));
}
