using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;

namespace CxMaturity.Web.Features.Assessments;

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

/// <summary>
/// The target of one in-scope dimension: the one the CX lead set (<paramref name="ExplicitStage"/>), the stage the
/// submitted answers put the dimension at, and the target in force (explicit, else the default rule once there
/// are results).
/// </summary>
public sealed record TargetView(string DimensionId, string DimensionTitle, int? ExplicitStage, int? CurrentStage, int? EffectiveStage);

public sealed record RespondentCountsView(int Total, int Invited, int InProgress, int Submitted);

/// <summary>A respondent with their progress (RULES.md §5.11).</summary>
public sealed record RespondentView(
    int Id,
    string Name,
    string Email,
    string Group,
    RespondentStatus Status,
    bool IsMember,
    int Answered,
    int Questions,
    double Completion,
    DateTime? StartedUtc,
    DateTime? SubmittedUtc,
    Guid Version);

/// <summary>A respondent just added, with the invitation link (a path; the secret in it is shown only now).</summary>
public sealed record RespondentCreatedView(RespondentView Respondent, string InvitationPath);

/// <summary>Where a respondent stands after a save.</summary>
public sealed record RespondentProgressView(
    int RespondentId,
    RespondentStatus Status,
    int Answered,
    int Questions,
    double Completion,
    DateTime SavedUtc);

/// <summary>One answer just saved.</summary>
public sealed record AnswerSavedView(string QuestionId, DateTime SavedUtc, RespondentProgressView Progress);

/// <summary>What an invitation link opens: the respondent and their round.</summary>
public sealed record InvitationView(
    int RespondentId,
    string RespondentName,
    string Group,
    RespondentStatus Status,
    int RoundId,
    string RoundName,
    string OrganisationName,
    DateOnly? ClosesOn);

/// <summary>
/// Everything a questionnaire page needs: the pinned model, the in-scope dimensions, the answers saved so far and
/// where the respondent left off. <paramref name="CanEdit"/> is false once submitted or when the round is not open.
/// </summary>
public sealed record QuestionnaireView(
    int RoundId,
    string RoundName,
    string OrganisationName,
    RoundStatus RoundStatus,
    DateOnly? ClosesOn,
    int RespondentId,
    string RespondentName,
    string Group,
    RespondentStatus Status,
    bool CanEdit,
    MaturityModel Model,
    IReadOnlyList<string> DimensionsInScope,
    IReadOnlyDictionary<string, SavedAnswerView> Answers,
    IReadOnlyDictionary<string, int> Importance,
    string? LastDimensionId,
    int Questions,
    string? InvitedBy = null,
    int MinimumGroupSize = ScoringOptions.DefaultMinimumGroupSize);

public sealed record SavedAnswerView(int? Level, string? Comment, string? Evidence, DateTime UpdatedUtc);

/// <summary>A questionnaire waiting for (or answered by) the caller, for their own list of work.</summary>
public sealed record MyQuestionnaireView(
    int RoundId,
    string RoundName,
    RoundStatus RoundStatus,
    DateOnly? ClosesOn,
    int OrganisationId,
    string OrganisationName,
    int RespondentId,
    RespondentStatus Status);

/// <summary>
/// A round's results (RULES.md §5) with the model it pinned and its targets. <paramref name="Result"/> is a preview
/// (InProgress respondents counted) when <see cref="RoundResult.IsPreview"/>; never export a preview as final.
/// <paramref name="EffectiveTargets"/> holds the target in force for every in-scope dimension with a score.
/// </summary>
public sealed record ResultsView(
    int RoundId,
    string RoundName,
    RoundStatus Status,
    int OrganisationId,
    string OrganisationName,
    MaturityModel Model,
    IReadOnlyList<string> DimensionsInScope,
    RoundResult Result,
    IReadOnlyDictionary<string, int> ExplicitTargets,
    IReadOnlyDictionary<string, int> EffectiveTargets,
    int RespondentsTotal);
