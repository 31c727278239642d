namespace CxMaturity.Assessment.Governance;

/// <summary>Where an improvement project stands.</summary>
public enum ProjectStatus
{
    /// <summary>Suggested, not yet agreed.</summary>
    Proposed,

    /// <summary>Agreed and scheduled.</summary>
    Planned,

    /// <summary>Being worked on.</summary>
    InProgress,

    /// <summary>Stuck on something outside the team.</summary>
    Blocked,

    /// <summary>Delivered.</summary>
    Done,

    /// <summary>Stopped before delivery.</summary>
    Cancelled,
}
