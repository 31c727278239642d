namespace CxMaturity.Web.Features.Projects;

/// <summary>
/// A project as created or saved: every field. <paramref name="Milestones"/> and <paramref name="KpiIds"/> replace the
/// project's own, in the order given.
/// </summary>
public sealed record ProjectRequest(
    string Title,
    ProjectStatus Status = ProjectStatus.Proposed,
    string? DescriptionMarkdown = null,
    string? DimensionId = null,
    string? Owner = null,
    string? OwnerUserId = null,
    DateOnly? StartOn = null,
    DateOnly? DueOn = null,
    IReadOnlyList<MilestoneRequest>? Milestones = null,
    IReadOnlyList<int>? KpiIds = null);

/// <summary>A milestone as saved.</summary>
public sealed record MilestoneRequest(string Title, DateOnly? DueOn = null, bool Done = false);
