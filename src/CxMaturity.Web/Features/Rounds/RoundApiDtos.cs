using System.Globalization;
using System.Text.Json.Serialization;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Api;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Results;

namespace CxMaturity.Web.Features.Rounds;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateAssessmentDto(
    string ModelId,
    string Name,
    DateOnly? OpensOn = null,
    DateOnly? ClosesOn = null,
    IReadOnlyList<string>? DimensionsInScope = null,
    bool RespondentsSeeResults = false);

/// <summary>
/// An assessment round. <paramref name="Respondents"/> is null unless the caller is Owner or CX lead;
/// <paramref name="Version"/> goes in If-Match to detect concurrent edits of the targets.
/// </summary>
public sealed record AssessmentDto(
    int Id,
    int OrganisationId,
    string OrganisationName,
    string Name,
    RoundStatus Status,
    ModelRefDto Model,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    bool RespondentsSeeResults,
    DateTime CreatedUtc,
    DateTime? ClosedUtc,
    IReadOnlyList<string> DimensionsInScope,
    IReadOnlyList<string> RespondentGroups,
    IReadOnlyList<TargetDto> Targets,
    RespondentCountsDto RespondentCounts,
    IReadOnlyList<RespondentDto>? Respondents,
    OrganisationRole YourRole,
    Guid Version)
{
    public static AssessmentDto From(RoundView round) => new(
        round.Id,
        round.OrganisationId,
        round.OrganisationName,
        round.Name,
        round.Status,
        new ModelRefDto(round.ModelId, round.ModelVersion, round.ModelTitle),
        round.OpensOn,
        round.ClosesOn,
        round.RespondentsSeeResults,
        round.CreatedUtc,
        round.ClosedUtc,
        round.DimensionsInScope,
        round.RespondentGroups,
        [.. round.Targets.Select(TargetDto.From)],
        new RespondentCountsDto(round.Counts.Total, round.Counts.Invited, round.Counts.InProgress, round.Counts.Submitted),
        round.Respondents?.Select(RespondentDto.From).ToList(),
        round.YourRole,
        round.Version);
}

public sealed record RespondentCountsDto(int Total, int Invited, int InProgress, int Submitted);
