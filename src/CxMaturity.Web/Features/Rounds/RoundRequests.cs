using System.Text.Json.Serialization;

namespace CxMaturity.Web.Features.Rounds;

/// <summary>
/// A new round, open at once unless <paramref name="Status"/> is <see cref="RoundStatus.Draft"/>. Also the body of
/// <c>POST /api/v1/organisations/{id}/assessments</c>, which refuses fields it does not know. Settings left out come
/// from <paramref name="StartFrom"/> (a previous round of the organisation, whose respondents, groups, scope and
/// targets the new round takes) or from the defaults: every dimension, the organisation's groups, a minimum group
/// size of 3, not anonymous, Executive compared with Frontline. <paramref name="ModelId"/> may be left out only
/// when starting from a previous round.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateRoundRequest(
    string? ModelId,
    string Name,
    DateOnly? OpensOn = null,
    DateOnly? ClosesOn = null,
    IReadOnlyList<string>? DimensionsInScope = null,
    bool? RespondentsSeeResults = null,
    int? MinimumGroupSize = null,
    bool? Anonymous = null,
    IReadOnlyList<string>? RespondentGroups = null,
    string? PerceptionGroupA = null,
    string? PerceptionGroupB = null,
    RoundStatus Status = RoundStatus.Open,
    int? StartFrom = null);

/// <summary>A round's settings as edited, with the <paramref name="Version"/> the editor read (a stale one is a conflict).</summary>
public sealed record UpdateRoundRequest(RoundSettings Settings, Guid Version);

/// <summary>The body of <c>POST /api/v1/assessments/{id}/status</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ChangeStatusRequest(RoundStatus Status);
