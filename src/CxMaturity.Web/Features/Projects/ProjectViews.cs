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
    Guid Version);

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
