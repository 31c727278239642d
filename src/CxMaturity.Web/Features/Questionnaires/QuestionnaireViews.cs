using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Results;

namespace CxMaturity.Web.Features.Questionnaires;
/// <summary>Where a respondent stands after a save.</summary>
public sealed record RespondentProgressView(
    int RespondentId,
    RespondentStatus Status,
    int Answered,
    int Questions,
    double Completion,
    DateTime SavedUtc);

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
    int MinimumGroupSize = ScoringOptions.DefaultMinimumGroupSize,
    bool Anonymous = false);

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
