namespace CxMaturity.Assessment.Rounds;

/// <summary>Where a round stands (docs/RULES.md §3): being set up, taking answers, or closed and read-only.</summary>
public enum RoundStatus
{
    /// <summary>Being set up; nobody answers yet.</summary>
    Draft,

    /// <summary>Taking answers.</summary>
    Open,

    /// <summary>Read-only: no more answers, invitation links expired, results final.</summary>
    Closed,
}
