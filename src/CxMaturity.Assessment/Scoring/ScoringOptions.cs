namespace CxMaturity.Assessment.Scoring;

/// <summary>
/// How a round is scored. <paramref name="IncludeInProgress"/> turns the result into a preview that also counts
/// respondents still answering (RULES.md §5.1); <paramref name="PerceptionGroupA"/> and
/// <paramref name="PerceptionGroupB"/> are the respondent groups compared by the perception gap (rule 9).
/// </summary>
/// <param name="IncludeInProgress">Also count <see cref="RespondentStatus.InProgress"/> respondents (a preview).</param>
/// <param name="PerceptionGroupA">The group whose score the perception gap starts from.</param>
/// <param name="PerceptionGroupB">The group whose score is subtracted.</param>
/// <param name="MinimumGroupSize">
/// Anonymity (rule 14): a group with fewer counted respondents has its figures withheld, 1..10.
/// </param>
public sealed record ScoringOptions(
    bool IncludeInProgress = false,
    string PerceptionGroupA = "Executive",
    string PerceptionGroupB = "Frontline",
    int MinimumGroupSize = ScoringOptions.DefaultMinimumGroupSize)
{
    /// <summary>The minimum group size a round has unless its CX lead sets another (rule 14).</summary>
    public const int DefaultMinimumGroupSize = 3;

    /// <summary>The smallest minimum group size a round may set.</summary>
    public const int MinMinimumGroupSize = 1;

    /// <summary>The largest minimum group size a round may set.</summary>
    public const int MaxMinimumGroupSize = 10;

    /// <summary>Final results (Submitted respondents only), comparing Executive with Frontline.</summary>
    public static ScoringOptions Default { get; } = new();
}
