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
    RoundSummaryDto? LatestRound)
{
    public static OrganisationSummaryDto From(OrganisationSummaryView view) => new(
        view.Id, view.Name, view.Role, view.RoundCount, view.LatestRound is { } latest ? RoundSummaryDto.From(latest) : null);
}

public sealed record OrganisationDto(
    int Id,
    string Name,
    OrganisationRole YourRole,
    DateTime CreatedUtc,
    IReadOnlyList<string> RespondentGroups,
    IReadOnlyList<RoundSummaryDto> Rounds,
    IReadOnlyList<MemberDto>? Members)
{
    public static OrganisationDto From(OrganisationView view) => new(
        view.Id,
        view.Name,
        view.YourRole,
        view.CreatedUtc,
        view.RespondentGroups,
        [.. view.Rounds.Select(RoundSummaryDto.From)],
        view.Members?.Select(m => new MemberDto(m.UserId, m.Email, m.DisplayName, m.Role)).ToList());
}

public sealed record MemberDto(string UserId, string Email, string DisplayName, OrganisationRole Role);

/// <summary>
/// A round in a list; <paramref name="CompletionPercent"/> is the share of in-scope questions answered, 0..100. The
/// progress figures are null for a Respondent.
/// </summary>
public sealed record RoundSummaryDto(
    int Id,
    string Name,
    RoundStatus Status,
    string ModelId,
    string ModelVersion,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    DateTime CreatedUtc,
    DateTime? ClosedUtc,
    int? RespondentsSubmitted,
    int? RespondentsTotal,
    double? CompletionPercent)
{
    public static RoundSummaryDto From(RoundSummaryView view) => new(
        view.Id, view.Name, view.Status, view.ModelId, view.ModelVersion, view.OpensOn, view.ClosesOn, view.CreatedUtc,
        view.ClosedUtc, view.RespondentsSubmitted, view.RespondentsTotal, view.CompletionPercent);
}
