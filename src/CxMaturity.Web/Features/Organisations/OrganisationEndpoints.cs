using System.Security.Claims;
using System.Text.Json.Serialization;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Api;

namespace CxMaturity.Web.Features.Organisations;

/// <summary><c>/api/v1/organisations</c>: the organisations the caller belongs to.</summary>
public static class OrganisationEndpoints
{
    public static RouteGroupBuilder MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Organisations");

        organisations.MapGet("/", async (ClaimsPrincipal user, OrganisationService service, CancellationToken cancellationToken) =>
                TypedResults.Ok((await service.ListForUserAsync(ApiUser.IdOf(user), cancellationToken))
                    .Select(OrganisationSummaryDto.From)
                    .ToList()))
            .WithName("ListOrganisations")
            .WithSummary("The organisations the caller belongs to, with the caller's role and the latest round.");

        organisations.MapPost("/", async (
                CreateOrganisationDto body,
                ClaimsPrincipal user,
                OrganisationService service,
                CancellationToken cancellationToken) =>
            {
                var created = await service.CreateAsync(ApiUser.IdOf(user), body.Name, cancellationToken);
                return TypedResults.Created($"/api/v1/organisations/{created.Id}", OrganisationSummaryDto.From(created));
            })
            .WithName("CreateOrganisation")
            .WithSummary("Creates an organisation with the default respondent groups; the caller becomes its Owner.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        organisations.MapGet("/{orgId:int}", async (
                int orgId,
                ClaimsPrincipal user,
                OrganisationService service,
                CancellationToken cancellationToken) =>
                TypedResults.Ok(OrganisationDto.From(await service.GetAsync(ApiUser.IdOf(user), orgId, cancellationToken))))
            .WithName("GetOrganisation")
            .WithSummary("One organisation with its respondent groups and rounds; its members for Owner and CX lead.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateOrganisationDto(string Name);

public sealed record OrganisationSummaryDto(
    int Id,
    string Name,
    OrganisationRole YourRole,
    int RoundCount,
    RoundSummaryView? LatestRound)
{
    public static OrganisationSummaryDto From(OrganisationSummaryView view) => new(
        view.Id, view.Name, view.Role, view.RoundCount, view.LatestRound);
}

public sealed record OrganisationDto(
    int Id,
    string Name,
    OrganisationRole YourRole,
    DateTime CreatedUtc,
    IReadOnlyList<string> RespondentGroups,
    IReadOnlyList<RoundSummaryView> Rounds,
    IReadOnlyList<MemberView>? Members)
{
    public static OrganisationDto From(OrganisationView view) => new(
        view.Id,
        view.Name,
        view.YourRole,
        view.CreatedUtc,
        view.RespondentGroups,
        view.Rounds,
        view.Members);
}

