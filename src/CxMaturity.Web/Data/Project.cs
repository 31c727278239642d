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

    /// <summary>The owner as written (a name, a team), shown when no member owns it.</summary>
    public string? Owner { get; set; }

    /// <summary>The member who owns the project, if any: it shows on their My work and reminders go to them.</summary>
    public string? OwnerUserId { get; set; }

    public AppUser? OwnerUser { get; set; }

    public ProjectStatus Status { get; set; }

    public DateOnly? StartOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateTime CreatedUtc { get; set; }

    public List<Milestone> Milestones { get; set; } = [];

    public List<ProjectKpi> Kpis { get; set; } = [];

    public Guid Version { get; set; }
}

/// <summary>A step of a project with its due date.</summary>
public sealed class Milestone
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public Project? Project { get; set; }

    public string Title { get; set; } = "";

    public DateOnly? DueOn { get; set; }

    public bool Done { get; set; }

    /// <summary>Its place in the project's list.</summary>
    public int Position { get; set; }
}

/// <summary>A KPI a project is meant to move.</summary>
public sealed class ProjectKpi
{
    public int ProjectId { get; set; }

    public int KpiId { get; set; }

    public Kpi? Kpi { get; set; }
}
