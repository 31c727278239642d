using System.Text.Json.Serialization;

namespace CxMaturity.Web.Features.Rounds;

/// <summary>
/// A new round: opened at once. <paramref name="DimensionsInScope"/> null or empty means every dimension. Also the
/// body of <c>POST /api/v1/organisations/{id}/assessments</c>, which refuses fields it does not know.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateRoundRequest(
    string ModelId,
    string Name,
    DateOnly? OpensOn = null,
    DateOnly? ClosesOn = null,
    IReadOnlyList<string>? DimensionsInScope = null,
    bool RespondentsSeeResults = false);

/// <summary>A round's editable settings, with the <paramref name="Version"/> the editor read (a stale one is a conflict).</summary>
public sealed record UpdateRoundRequest(
    string Name,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    bool RespondentsSeeResults,
    Guid Version);
