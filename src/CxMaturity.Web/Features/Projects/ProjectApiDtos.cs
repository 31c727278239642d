using CxMaturity.Web.Data;

namespace CxMaturity.Web.Features.Projects;

/// <summary>A project; <paramref name="AssessmentId"/> and <paramref name="InitiativeId"/> name the roadmap item it came from.</summary>
public sealed record ProjectDto(
    int Id,
    int OrganisationId,
    string Title,
    string DescriptionMarkdown,
    string? DimensionId,
    string? Owner,
    ProjectStatus Status,
    DateOnly? StartOn,
    DateOnly? DueOn,
    DateTime CreatedUtc,
    int? AssessmentId,
    string? InitiativeId,
    string? OwnerUserId,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<ProjectKpiView> Kpis,
    bool Late,
    Guid Version)
{
    public static ProjectDto From(ProjectView view) => new(
        view.Id,
        view.OrganisationId,
        view.Title,
        view.DescriptionMarkdown,
        view.DimensionId,
        view.Owner,
        view.Status,
        view.StartOn,
        view.DueOn,
        view.CreatedUtc,
        view.RoadmapItem?.RoundId,
        view.RoadmapItem?.InitiativeId,
        view.OwnerUserId,
        view.Milestones ?? [],
        view.Kpis ?? [],
        view.Late,
        view.Version);
}
