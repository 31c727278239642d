namespace CxMaturity.Web.Data;

/// <summary>
/// An improvement project of an organisation. This is the minimal project a roadmap item is turned into;
/// governance extends it (KPIs, milestones, RACI). <see cref="RoundId"/> and <see cref="InitiativeId"/> name the
/// roadmap item it came from, which links back through <see cref="RoadmapItemState.ProjectId"/>.
/// </summary>
public sealed class Project : IVersioned
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Markdown, rendered with raw HTML disabled.</summary>
    public string DescriptionMarkdown { get; set; } = "";

    public string? DimensionId { get; set; }

    public int? RoundId { get; set; }

    public string? InitiativeId { get; set; }

    public string? Owner { get; set; }

    public ProjectStatus Status { get; set; }

    public DateOnly? StartOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateTime CreatedUtc { get; set; }

    public Guid Version { get; set; }
}


