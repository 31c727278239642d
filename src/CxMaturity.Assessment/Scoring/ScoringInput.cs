namespace CxMaturity.Assessment.Scoring;

/// <summary>A respondent's status in a round.</summary>
public enum RespondentStatus
{
    /// <summary>Added to the round; nothing answered yet.</summary>
    Invited,

    /// <summary>Answering.</summary>
    InProgress,

    /// <summary>Handed in: the answers count in final results and no longer change.</summary>
    Submitted,
}

/// <summary>Who counts in a round's figures (docs/RULES.md §5.1): the one place it is decided.</summary>
public static class RespondentStatusRules
{
    /// <summary>Submitted respondents count; a preview also counts those in progress; the invited never do.</summary>
    public static bool Counts(this RespondentStatus status, bool preview) =>
        status == RespondentStatus.Submitted || (preview && status == RespondentStatus.InProgress);
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
