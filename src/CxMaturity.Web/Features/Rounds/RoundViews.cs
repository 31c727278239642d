using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Results;

namespace CxMaturity.Web.Features.Rounds;

/// <summary>
/// A round as a member sees it. <paramref name="Respondents"/> is <c>null</c> unless the caller is Owner or CX lead;
/// everyone who may see the round gets <paramref name="Counts"/>.
/// </summary>
public sealed record RoundView(
    int Id,
    int OrganisationId,
    string OrganisationName,
    string Name,
    RoundStatus Status,
    string ModelId,
    string ModelVersion,
    string ModelTitle,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    bool RespondentsSeeResults,
    DateTime CreatedUtc,
    DateTime? ClosedUtc,
    IReadOnlyList<string> DimensionsInScope,
    IReadOnlyList<string> RespondentGroups,
    IReadOnlyList<TargetView> Targets,
    RespondentCountsView Counts,
    IReadOnlyList<RespondentView>? Respondents,
    OrganisationRole YourRole,
    Guid Version);

public sealed record RespondentCountsView(int Total, int Invited, int InProgress, int Submitted);
