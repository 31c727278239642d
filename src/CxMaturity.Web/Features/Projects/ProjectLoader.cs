using CxMaturity.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Projects;

/// <summary>
/// Reads projects in full — owner, milestones, linked KPIs, the round of the roadmap item each came from — on the
/// caller's context: an organisation's projects in three commands however many there are. It checks no access;
/// every method that uses it has done so.
/// </summary>
internal static class ProjectLoader
{
    /// <summary>The organisation's projects, the soonest due first (those without a due date last), then by title.</summary>
    public static async Task<IReadOnlyList<ProjectDetailView>> ListAsync(
        AppDbContext db,
        int organisationId,
        DateOnly today,
        CancellationToken cancellationToken)
    {
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId)
            .OrderBy(p => p.DueOn == null).ThenBy(p => p.DueOn).ThenBy(p => p.Title).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Title, p.Status, p.DimensionId, p.Owner, p.OwnerUserId, OwnerName = p.OwnerUser!.DisplayName, OwnerEmail = p.OwnerUser.Email,
                p.StartOn, p.DueOn, p.RoundId, RoundName = db.Rounds.Where(r => r.Id == p.RoundId).Select(r => r.Name).FirstOrDefault(), p.InitiativeId,
            })
            .ToListAsync(cancellationToken);
        var milestones = (await db.Milestones.AsNoTracking()
                .Where(m => m.Project!.OrganisationId == organisationId)
                .OrderBy(m => m.ProjectId).ThenBy(m => m.Position)
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.ProjectId);
        // A project links only KPIs of its own organisation.
        var kpis = (await db.ProjectKpis.AsNoTracking()
                .Where(k => k.Kpi!.OrganisationId == organisationId)
                .Select(k => new { k.ProjectId, Kpi = new ProjectKpiView(k.KpiId, k.Kpi!.Name) })
                .ToListAsync(cancellationToken))
            .ToLookup(k => k.ProjectId, k => k.Kpi);
        return
        [
            .. projects.Select(p => new ProjectDetailView(
                p.Id,
                p.Title,
                p.Status,
                p.DimensionId,
                p.OwnerUserId is null ? p.Owner : p.OwnerName is { Length: > 0 } name ? name : p.OwnerEmail,
                p.StartOn,
                p.DueOn,
                ProjectRules.IsLate(p.Status, p.DueOn, today),
                p.RoundId,
                p.RoundName,
                p.InitiativeId,
                [.. milestones[p.Id].Select(m => MilestoneOf(m, p.Status, today))],
                [.. kpis[p.Id].OrderBy(k => k.Name, StringComparer.CurrentCultureIgnoreCase)])),
        ];
    }

    /// <summary>A milestone as pages and the workbook show it, late by RULES.md §8.4.</summary>
    public static MilestoneView MilestoneOf(Milestone milestone, ProjectStatus projectStatus, DateOnly today) =>
        new(milestone.Id, milestone.Title, milestone.DueOn, milestone.Done, ProjectRules.IsMilestoneLate(projectStatus, milestone.Done, milestone.DueOn, today));
}
