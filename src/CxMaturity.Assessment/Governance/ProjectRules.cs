namespace CxMaturity.Assessment.Governance;

/// <summary>
/// How a project moves (docs/RULES.md §8.4): Done and Cancelled are final; from them the only way on is reopening
/// (to Planned or In progress). Any other move is allowed. A due date before the start is refused.
/// </summary>
public static class ProjectRules
{
    /// <summary>The statuses a project stays in unless reopened.</summary>
    public static bool IsFinal(ProjectStatus status) => status is ProjectStatus.Done or ProjectStatus.Cancelled;

    /// <summary>True when moving from <paramref name="from"/> to <paramref name="to"/> reopens a finished project.</summary>
    public static bool Reopens(ProjectStatus from, ProjectStatus to) =>
        IsFinal(from) && to is ProjectStatus.Planned or ProjectStatus.InProgress;

    /// <summary>Why a project cannot move from <paramref name="from"/> to <paramref name="to"/>, or null when it can.</summary>
    public static string? TransitionRefusal(ProjectStatus from, ProjectStatus to) =>
        from == to || !IsFinal(from) || Reopens(from, to)
            ? null
            : $"The project is {Label(from).ToLowerInvariant()}, which is final: reopen it (Planned or In progress) before marking it {Label(to).ToLowerInvariant()}.";

    /// <summary>Why these dates cannot stand together, or null.</summary>
    public static string? DatesRefusal(DateOnly? startOn, DateOnly? dueOn) =>
        startOn is { } start && dueOn is { } due && due < start
            ? $"The due date ({due:yyyy-MM-dd}) is before the start ({start:yyyy-MM-dd})."
            : null;

    /// <summary>True when the project should be done by <paramref name="today"/> and is not finished.</summary>
    public static bool IsLate(ProjectStatus status, DateOnly? dueOn, DateOnly today) =>
        !IsFinal(status) && dueOn is { } due && due < today;

    /// <summary>True when a milestone not done of a project still running is past its due date.</summary>
    public static bool IsMilestoneLate(ProjectStatus projectStatus, bool done, DateOnly? dueOn, DateOnly today) =>
        !done && !IsFinal(projectStatus) && dueOn is { } due && due < today;

    /// <summary>The status as people read it.</summary>
    public static string Label(ProjectStatus status) => status switch
    {
        ProjectStatus.InProgress => "In progress",
        _ => status.ToString(),
    };
}
