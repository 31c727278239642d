namespace CxMaturity.Assessment.Scoring;

/// <summary>A respondent's status in a round.</summary>
public enum RespondentStatus
{
    Invited,
    InProgress,
    Submitted,
}

/// <summary>
/// One respondent's answers as the scoring engine sees them. <see cref="Answers"/> maps question id to a level
/// 1..5, or <c>null</c> for NotApplicable; unanswered questions are absent. <see cref="Importance"/> maps
/// dimension id to a rating 1..5; unrated dimensions are absent.
/// </summary>
public sealed record RespondentAnswers(
    string RespondentId,
    string Group,
    RespondentStatus Status,
    IReadOnlyDictionary<string, int?> Answers,
    IReadOnlyDictionary<string, int> Importance);
