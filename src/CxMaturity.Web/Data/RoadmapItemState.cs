using CxMaturity.Assessment.Roadmap;

namespace CxMaturity.Web.Data;

/// <summary>
/// The CX lead's edits of one roadmap item of a round (RULES.md §6.10). The roadmap itself is generated on every
/// read; only the edits are stored, keyed by initiative id so that they survive regeneration. A row whose initiative
/// is no longer an item (its dimension reached its target, or the target moved) is kept, so its edits come back if
/// the item returns.
/// </summary>
public sealed class RoadmapItemState : IVersioned
{
    public int RoundId { get; set; }

    public string InitiativeId { get; set; } = "";

    public RoadmapItemStatus Status { get; set; }

    /// <summary>The lane the CX lead moved the item to; null keeps the computed one.</summary>
    public Horizon? HorizonOverride { get; set; }

    public string? Owner { get; set; }

    public string? Notes { get; set; }

    /// <summary>The project the item was turned into; the project points back through its round and initiative.</summary>
    public int? ProjectId { get; set; }

    public Project? Project { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public Guid Version { get; set; }

    /// <summary>The CX lead's edit of the item titled <paramref name="title"/> (RULES.md §6.10).</summary>
    /// <exception cref="Assessment.Common.ConflictException">Rejecting an item that is a project.</exception>
    public void Edit(string title, RoadmapItemStatus status, Horizon? horizonOverride, string? owner, string? notes, DateTime now)
    {
        RoadmapItemRules.CheckStatus(title, status, ProjectId);
        Status = status;
        HorizonOverride = horizonOverride;
        Owner = owner;
        Notes = notes;
        UpdatedUtc = now;
    }

    /// <summary>Links the item, currently <paramref name="status"/>, to <paramref name="project"/>; it becomes Accepted.</summary>
    /// <exception cref="Assessment.Common.ConflictException">The item is already a project, or it is rejected.</exception>
    public void TurnInto(Project project, string title, RoadmapItemStatus status, DateTime now)
    {
        Status = RoadmapItemRules.TurnIntoProject(title, status, ProjectId);
        Project = project;
        UpdatedUtc = now;
    }
}
