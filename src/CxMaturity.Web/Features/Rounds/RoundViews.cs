using System.Text.Json.Serialization;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Api;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Results;

namespace CxMaturity.Web.Features.Rounds;

/// <summary>
/// A round as a member sees it, and as the API returns it (<c>/api/v1/assessments/{id}</c>).
/// <paramref name="Respondents"/> is <c>null</c> unless the caller is Owner or CX lead; everyone who may see the round
/// gets <paramref name="RespondentCounts"/>. <paramref name="Version"/> goes in If-Match to detect concurrent edits
/// of the targets.
/// </summary>
public sealed record RoundView(
    int Id,
    int OrganisationId,
    string OrganisationName,
    string Name,
    RoundStatus Status,
    ModelRef Model,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    bool RespondentsSeeResults,
    DateTime CreatedUtc,
    DateTime? ClosedUtc,
    IReadOnlyList<string> DimensionsInScope,
    IReadOnlyList<string> RespondentGroups,
    int MinimumGroupSize,
    bool Anonymous,
    string PerceptionGroupA,
    string PerceptionGroupB,
    IReadOnlyList<TargetView> Targets,
    RespondentCountsView RespondentCounts,
    IReadOnlyList<RespondentView>? Respondents,
    OrganisationRole YourRole,
    Guid Version,
    IReadOnlyList<GroupProgressView>? Groups = null)
{
    /// <summary>The settings as the editor starts from them.</summary>
    [JsonIgnore]
    public RoundSettings Settings => new(
        Name, OpensOn, ClosesOn, DimensionsInScope, RespondentGroups, MinimumGroupSize, Anonymous, RespondentsSeeResults,
        PerceptionGroupA, PerceptionGroupB);

    /// <summary>Only a draft can be deleted.</summary>
    [JsonIgnore]
    public bool CanDelete => RoundLifecycle.CanDelete(Status);
}

public sealed record RespondentCountsView(int Total, int Invited, int InProgress, int Submitted);

/// <summary>
/// How far one respondent group has got, for the CX lead tracking a round: its respondents, how many handed in, and
/// their mean completion (RULES.md §5.11). Owner and CX lead only.
/// </summary>
public sealed record GroupProgressView(string Group, int Respondents, int Submitted, double Completion);
