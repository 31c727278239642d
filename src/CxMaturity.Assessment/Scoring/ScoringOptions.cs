namespace CxMaturity.Assessment.Scoring;

/// <summary>
/// How a round is scored. <paramref name="IncludeInProgress"/> turns the result into a preview that also counts
/// respondents still answering (SPEC §5 rule 1); <paramref name="PerceptionGroupA"/> and
/// <paramref name="PerceptionGroupB"/> are the respondent groups compared by the perception gap (rule 9).
/// </summary>
/// <param name="IncludeInProgress">Also count <see cref="RespondentStatus.InProgress"/> respondents (a preview).</param>
/// <param name="PerceptionGroupA">The group whose score the perception gap starts from.</param>
/// <param name="PerceptionGroupB">The group whose score is subtracted.</param>
public sealed record ScoringOptions(
    bool IncludeInProgress = false,
    string PerceptionGroupA = "Executive",
    string PerceptionGroupB = "Frontline")
{
    /// <summary>Final results (Submitted respondents only), comparing Executive with Frontline.</summary>
    public static ScoringOptions Default { get; } = new();
}
