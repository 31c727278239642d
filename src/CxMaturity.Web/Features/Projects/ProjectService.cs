using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Roadmap;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Projects;

/// <summary>
/// Improvement projects, so far as the roadmap needs them: turning a roadmap item into a project, reading
/// one, listing an organisation's. Governance extends this service (milestones, KPIs, status changes).
/// </summary>
public sealed class ProjectService(
    IDbContextFactory<AppDbContext> contextFactory,
    RoadmapLoader roadmaps,
    ModelVersionStore models,
    TimeProvider time)
{
    /// <summary>
    /// Turns a roadmap item into a project (RULES.md §6.10): a Proposed project titled and described after the
    /// initiative, on its dimension, owned by the item's owner, linked both ways (the project names the round and
    /// initiative, the item the project), all in one transaction. A Proposed item becomes Accepted: a project is a
    /// decision to do it. Owner and CX lead.
    /// </summary>
    /// <exception cref="NotFoundException">The round is not the caller's, or the initiative is not an item of its roadmap.</exception>
    /// <exception cref="ConflictException">The item is already a project, or it is rejected.</exception>
    public async Task<ProjectView> CreateFromRoadmapItemAsync(
        string userId,
        int roundId,
        string initiativeId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var snapshot = await roadmaps.LoadAsync(db, roundId, access.Role, trackStates: true, cancellationToken);
        var item = snapshot.FindItem(initiativeId);
        var initiative = snapshot.InitiativeOf(item);
        var now = time.GetUtcNow().UtcDateTime;
        var project = new Project
        {
            OrganisationId = access.OrganisationId,
            Title = initiative.Title,
            DescriptionMarkdown = initiative.DescriptionMarkdown,
            DimensionId = initiative.DimensionId,
            RoundId = roundId,
            InitiativeId = initiative.Id,
            Owner = item.Owner,
            Status = ProjectStatus.Proposed,
            CreatedUtc = now,
        };
        var state = snapshot.States.GetValueOrDefault(item.InitiativeId)
            ?? new RoadmapItemState { RoundId = roundId, InitiativeId = item.InitiativeId };
        state.TurnInto(project, item.Title, item.Status, now);
        if (db.Entry(state).State == EntityState.Detached)
        {
            db.RoadmapItemStates.Add(state);
        }

        // One SaveChanges inserts the project and links the item to it in one transaction.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException exception)
        {
            throw RoadmapSnapshot.ItemChanged(item.Title, exception);
        }
        catch (DbUpdateException)
        {
            // Someone turned the same item into a project a moment ago: the unique (round, initiative) index or
            // the item's key refused the second.
            throw new ConflictException(
                $"“{item.Title}” was turned into a project by someone else a moment ago. Reload the roadmap.");
        }

        return await ViewAsync(db, project.Id, access.Role, cancellationToken)
            ?? throw new NotFoundException($"Project {project.Id} was not found.");
    }

    /// <summary>One project with the roadmap item it came from. Every member but Respondents.</summary>
    /// <exception cref="NotFoundException">No such project, or it belongs to an organisation the caller is not in.</exception>
    public async Task<ProjectView> GetAsync(string userId, int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organisationId = await db.Projects.Where(p => p.Id == projectId).Select(p => (int?)p.OrganisationId).FirstOrDefaultAsync(cancellationToken);
        var access = await RequireReaderAsync(db, userId, organisationId, $"Project {projectId} was not found.");
        return await ViewAsync(db, projectId, access.Role, cancellationToken)
            ?? throw new NotFoundException($"Project {projectId} was not found.");
    }

    private async Task<ProjectView?> ViewAsync(AppDbContext db, int projectId, OrganisationRole role, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking()
            .Where(p => p.Id == projectId)
            .Select(p => new
            {
                Project = p,
                OrganisationName = p.Organisation!.Name,
                Round = db.Rounds.Where(r => r.Id == p.RoundId).Select(r => new { r.Name, r.ModelVersionId }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return null;
        }

        var p = project.Project;
        string? dimensionTitle = null;
        if (project.Round is { } round && p.DimensionId is { } dimensionId)
        {
            var model = await models.LoadAsync(round.ModelVersionId, cancellationToken);
            dimensionTitle = model.FindDimension(dimensionId)?.Title;
        }

        return new ProjectView(
            p.Id,
            p.OrganisationId,
            project.OrganisationName,
            p.Title,
            p.DescriptionMarkdown,
            p.DimensionId,
            dimensionTitle ?? p.DimensionId,
            p.Owner,
            p.Status,
            p.StartOn,
            p.DueOn,
            p.CreatedUtc,
            p.RoundId is { } roundId && p.InitiativeId is { } initiativeId && project.Round is { } r
                ? new RoadmapItemLinkView(roundId, r.Name, initiativeId)
                : null,
            role,
            p.Version);
    }

    /// <summary>An organisation's projects, newest first. Every member but Respondents.</summary>
    public async Task<IReadOnlyList<ProjectSummaryView>> ListAsync(
        string userId,
        int organisationId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Readers);
        return await ListOfAsync(db, organisationId, cancellationToken);
    }

    /// <summary>An organisation's projects, newest first, on the caller's context and without an access check: for the workbooks.</summary>
    internal static async Task<IReadOnlyList<ProjectSummaryView>> ListOfAsync(AppDbContext db, int organisationId, CancellationToken cancellationToken) =>
        await db.Projects.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId)
            .OrderByDescending(p => p.CreatedUtc).ThenByDescending(p => p.Id)
            .Select(p => new ProjectSummaryView(
                p.Id, p.Title, p.Status, p.DimensionId, p.Owner, p.DueOn, p.RoundId, p.InitiativeId, p.CreatedUtc))
            .ToListAsync(cancellationToken);

    // A record of an organisation the caller is not in is not found, with the record's own message.
    private static async Task<OrganisationAccessView> RequireReaderAsync(
        AppDbContext db,
        string userId,
        int? organisationId,
        string notFound)
    {
        if (organisationId is not { } id || await OrganisationAccess.FindRoleAsync(db, userId, id) is null)
        {
            throw new NotFoundException(notFound);
        }

        return await OrganisationAccess.RequireAsync(db, userId, id, OrganisationRoles.Readers);
    }
}
