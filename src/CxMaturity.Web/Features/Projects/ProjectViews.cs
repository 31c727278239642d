using CxMaturity.Web.Data;

namespace CxMaturity.Web.Features.Projects;

/// <summary>
/// A project as its page shows it. <paramref name="RoadmapItem"/> names the roadmap item it came from, if any (the
/// item links back to the project).
/// </summary>
public sealed record ProjectView(
    int Id,
    int OrganisationId,
    string OrganisationName,
    string Title,
    string DescriptionMarkdown,
    string? DimensionId,
    string? DimensionTitle,
    string? Owner,
    ProjectStatus Status,
    DateOnly? StartOn,
    DateOnly? DueOn,
    DateTime CreatedUtc,
    RoadmapItemLinkView? RoadmapItem,
    OrganisationRole YourRole,
    Guid Version,
    string? OwnerUserId = null,
    string? OwnerName = null,
    IReadOnlyList<MilestoneView>? Milestones = null,
    IReadOnlyList<ProjectKpiView>? Kpis = null,
    bool Late = false)
{
    /// <summary>The project as a request that would save it unchanged: where an edit starts.</summary>
    public ProjectRequest ToRequest() => new(
        Title, Status, DescriptionMarkdown, DimensionId, Owner, OwnerUserId, StartOn, DueOn,
        [.. (Milestones ?? []).Select(m => new MilestoneRequest(m.Title, m.DueOn, m.Done))],
        [.. (Kpis ?? []).Select(k => k.Id)]);
}

/// <summary>A milestone; <paramref name="Late"/> when its due date has passed and it is not done.</summary>
public sealed record MilestoneView(int Id, string Title, DateOnly? DueOn, bool Done, bool Late);

/// <summary>A KPI a project is meant to move.</summary>
public sealed record ProjectKpiView(int Id, string Name);

/// <summary>An organisation's projects with what a form may choose from.</summary>
public sealed record ProjectListView(
    int OrganisationId,
    string OrganisationName,
    OrganisationRole YourRole,
    IReadOnlyList<ProjectCardView> Projects,
    ProjectChoicesView Choices);

/// <summary>A project on the board or in the list.</summary>
public sealed record ProjectCardView(
    int Id,
    string Title,
    ProjectStatus Status,
    string? DimensionId,
    string? DimensionTitle,
    string? OwnerName,
    DateOnly? StartOn,
    DateOnly? DueOn,
    int Milestones,
    int MilestonesDone,
    bool Late,
    bool FromRoadmap);

/// <summary>What a project's form may choose from: the model's dimensions, the members, the organisation's KPIs.</summary>
public sealed record ProjectChoicesView(
    IReadOnlyList<ChoiceView> Dimensions,
    IReadOnlyList<ChoiceView> Members,
    IReadOnlyList<ChoiceView> Kpis);

/// <summary>An id and what to call it.</summary>
public sealed record ChoiceView(string Id, string Name);

/// <summary>The roadmap item a project came from: its round and initiative.</summary>
public sealed record RoadmapItemLinkView(int RoundId, string RoundName, string InitiativeId);

/// <summary>A project in a list.</summary>
public sealed record ProjectSummaryView(
    int Id,
    string Title,
    ProjectStatus Status,
    string? DimensionId,
    string? Owner,
    DateOnly? DueOn,
    int? RoundId,
    string? InitiativeId,
    DateTime CreatedUtc);

/// <summary>
/// A project in full, for the engagement workbook: <paramref name="OwnerName"/> is the owning member's name, or the
/// owner as written when no member owns it; <paramref name="RoundName"/> and <paramref name="InitiativeId"/> name the
/// roadmap item it came from, if any; milestones in order, linked KPIs by name.
/// </summary>
public sealed record ProjectDetailView(
    int Id,
    string Title,
    ProjectStatus Status,
    string? DimensionId,
    string? OwnerName,
    DateOnly? StartOn,
    DateOnly? DueOn,
    bool Late,
    int? RoundId,
    string? RoundName,
    string? InitiativeId,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<ProjectKpiView> Kpis);
