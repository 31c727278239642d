using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Roadmap;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Projects;

/// <summary>
/// Improvement projects (docs/RULES.md §8.4): created on their own or from a roadmap item (linked both ways), every
/// field edited with the version read (a second editor is told, not overwritten), milestones and the KPIs they are
/// meant to move. Members who read results read them; Owners and CX leads change them.
/// </summary>
public sealed class ProjectService(
    IDbContextFactory<AppDbContext> contextFactory,
    RoadmapLoader roadmaps,
    ModelVersionStore models,
    ModelCatalog catalog,
    TimeProvider time)
{
    /// <summary>
    /// Turns a roadmap item into a project (RULES.md §6.10): a Proposed project titled and described after the
    /// initiative, on its dimension, owned by the item's owner, linked both ways (the project names the round and
    /// initiative, the item the project), all in one transaction, the item's RACI letters moving to the project's row.
    /// A Proposed item becomes Accepted: a project is a decision to do it. Owner and CX lead.
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

        Audit.Record(db, access.OrganisationId, now, "Project", $"Project “{project.Title}”", "created from the roadmap",
            after: $"Status: {ProjectRules.Label(project.Status)}");
        if (item.Status != state.Status)
        {
            Audit.Record(db, access.OrganisationId, now, "Roadmap", $"Roadmap item “{item.Title}” ({snapshot.Scored.Round.Name})", "changed",
                $"Status: {item.Status}", $"Status: {state.Status}");
        }

        // The project, the item's link to it, the audit lines and the item's RACI letters (now the project's row)
        // are written in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            var itemRow = $"item:{roundId.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{item.InitiativeId}";
            var projectRow = $"project:{project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            await db.RaciAssignments.Where(a => a.OrganisationId == access.OrganisationId && a.RowKey == itemRow)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.RowKey, projectRow), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
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
                OwnerName = p.OwnerUser!.DisplayName,
                Round = db.Rounds.Where(r => r.Id == p.RoundId).Select(r => new { r.Name, r.ModelVersionId }).FirstOrDefault(),
                Milestones = p.Milestones.OrderBy(m => m.Position).ToList(),
                Kpis = p.Kpis.Select(k => new ProjectKpiView(k.KpiId, k.Kpi!.Name)).ToList(),
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

        var today = Today();
        return new ProjectView(
            p.Id,
            p.OrganisationId,
            project.OrganisationName,
            p.Title,
            p.DescriptionMarkdown,
            p.DimensionId,
            dimensionTitle ?? DimensionTitle(p.DimensionId),
            p.Owner,
            p.Status,
            p.StartOn,
            p.DueOn,
            p.CreatedUtc,
            p.RoundId is { } roundId && p.InitiativeId is { } initiativeId && project.Round is { } r
                ? new RoadmapItemLinkView(roundId, r.Name, initiativeId)
                : null,
            role,
            p.Version,
            p.OwnerUserId,
            p.OwnerUserId is null ? null : project.OwnerName,
            [.. project.Milestones.Select(m => ProjectLoader.MilestoneOf(m, p.Status, today))],
            [.. project.Kpis.OrderBy(k => k.Name, StringComparer.CurrentCultureIgnoreCase)],
            ProjectRules.IsLate(p.Status, p.DueOn, today));
    }

    /// <summary>An organisation's projects for the board and the list, with what a form may choose from.</summary>
    public async Task<ProjectListView> ListBoardAsync(string userId, int organisationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Readers);
        var name = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var today = Today();
        var rows = await db.Projects.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId)
            .OrderBy(p => p.DueOn == null).ThenBy(p => p.DueOn).ThenBy(p => p.Title)
            .Select(p => new
            {
                p.Id, p.Title, p.Status, p.DimensionId, p.Owner, OwnerName = p.OwnerUser!.DisplayName, p.OwnerUserId, p.StartOn, p.DueOn,
                Milestones = p.Milestones.Count, Done = p.Milestones.Count(m => m.Done), FromRoadmap = p.InitiativeId != null,
            })
            .ToListAsync(cancellationToken);
        var cards = rows.Select(p => new ProjectCardView(
            p.Id, p.Title, p.Status, p.DimensionId, DimensionTitle(p.DimensionId), p.OwnerUserId is null ? p.Owner : p.OwnerName,
            p.StartOn, p.DueOn, p.Milestones, p.Done, ProjectRules.IsLate(p.Status, p.DueOn, today), p.FromRoadmap)).ToList();
        return new ProjectListView(organisationId, name, access.Role, cards, await ChoicesAsync(db, organisationId, cancellationToken));
    }

    /// <summary>What a project's form may choose from.</summary>
    public async Task<ProjectChoicesView> GetChoicesAsync(string userId, int organisationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Readers);
        return await ChoicesAsync(db, organisationId, cancellationToken);
    }

    /// <summary>Creates a project on its own (not from the roadmap). Owner and CX lead.</summary>
    /// <exception cref="ValidationException">Keyed by field (title, dueOn, milestones[i].title …).</exception>
    public async Task<ProjectView> CreateAsync(string userId, int organisationId, ProjectRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var project = new Project { OrganisationId = organisationId, Status = ProjectStatus.Proposed, CreatedUtc = time.GetUtcNow().UtcDateTime };
        await ApplyAsync(db, project, request, cancellationToken);
        db.Projects.Add(project);
        Audit.Record(db, organisationId, project.CreatedUtc, "Project", $"Project “{project.Title}”", "created", after: $"Status: {ProjectRules.Label(project.Status)}");
        await db.SaveChangesAsync(cancellationToken);
        return (await ViewAsync(db, project.Id, access.Role, cancellationToken))!;
    }

    /// <summary>
    /// Saves every field of a project, its milestones and KPI links, if nobody has changed it since
    /// <paramref name="expectedVersion"/>; a finished project moves on only by reopening (RULES.md §8.4). Owner and CX lead.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">Someone saved the project since.</exception>
    /// <exception cref="ValidationException">Keyed by field.</exception>
    public async Task<ProjectView> UpdateAsync(
        string userId, int projectId, ProjectRequest request, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organisationId = await db.Projects.Where(p => p.Id == projectId).Select(p => (int?)p.OrganisationId).FirstOrDefaultAsync(cancellationToken);
        await RequireReaderAsync(db, userId, organisationId, $"Project {projectId} was not found.");
        var access = await OrganisationAccess.RequireAsync(db, userId, organisationId!.Value, OrganisationRoles.Managers);
        var project = await db.Projects.Include(p => p.Milestones).Include(p => p.Kpis).SingleAsync(p => p.Id == projectId, cancellationToken);
        if (project.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException($"Someone else saved “{project.Title}” since you opened it.");
        }

        db.Entry(project).Property(p => p.Version).OriginalValue = expectedVersion;
        // Milestones and KPI links are rows of their own: the project's version moves with any save, so that an edit
        // of them alone is guarded like any other.
        db.Entry(project).Property(p => p.Version).IsModified = true;
        var before = Fields(project);
        var ownerBefore = project.OwnerUserId;
        await ApplyAsync(db, project, request, cancellationToken);
        var after = Fields(project);
        // The audit line names owners, not account ids.
        var ids = new[] { ownerBefore, project.OwnerUserId }.OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.Email ?? u.Id, cancellationToken);
        string? Named(string? value) => value is not null && names.TryGetValue(value, out var name) ? name : value;
        var (from, to) = Audit.Changes([.. before.Zip(after, (b, a) => (b.Field, b.Field == "Owner" ? Named(b.Value) : b.Value, b.Field == "Owner" ? Named(a.Value) : a.Value))]);
        if (from is not null)
        {
            Audit.Record(db, project.OrganisationId, time.GetUtcNow().UtcDateTime, "Project", $"Project “{project.Title}”",
                before[1].Value != project.Status.ToString() ? "status changed" : "changed", from, to);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await ViewAsync(db, projectId, access.Role, cancellationToken))!;
    }

    /// <summary>Deletes a project; a roadmap item it came from stays, without its project. Owner and CX lead.</summary>
    public async Task DeleteAsync(string userId, int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organisationId = await db.Projects.Where(p => p.Id == projectId).Select(p => (int?)p.OrganisationId).FirstOrDefaultAsync(cancellationToken);
        await RequireReaderAsync(db, userId, organisationId, $"Project {projectId} was not found.");
        await OrganisationAccess.RequireAsync(db, userId, organisationId!.Value, OrganisationRoles.Managers);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var title = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).SingleAsync(cancellationToken);
        Audit.Record(db, organisationId.Value, time.GetUtcNow().UtcDateTime, "Project", $"Project “{title}”", "deleted");
        await db.SaveChangesAsync(cancellationToken);
        // The item keeps its status; its version moves so that a roadmap page still showing the link reloads it.
        await db.RoadmapItemStates.Where(s => s.ProjectId == projectId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ProjectId, (int?)null).SetProperty(s => s.Version, Guid.NewGuid()), cancellationToken);
        await db.Projects.Where(p => p.Id == projectId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // What the audit log compares before and after an edit.
    private static List<(string Field, string? Value)> Fields(Project p) =>
    [
        ("Title", p.Title),
        ("Status", p.Status.ToString()),
        ("Owner", p.OwnerUserId ?? p.Owner),
        ("Dimension", p.DimensionId),
        ("Start", p.StartOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("Due", p.DueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ("Description", p.DescriptionMarkdown),
        ("Milestones", string.Join("; ", p.Milestones.Select(m => $"{m.Title}{(m.Done ? " (done)" : "")}"))),
        ("KPIs", string.Join(", ", p.Kpis.Select(k => k.KpiId))),
    ];

    private async Task ApplyAsync(AppDbContext db, Project project, ProjectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var title = errors.Text("title", request.Title, FieldLimits.Title, "the project's title", required: true);
        var description = errors.Text("descriptionMarkdown", request.DescriptionMarkdown, FieldLimits.Description, "the description", required: false);
        var owner = errors.Text("owner", request.Owner, FieldLimits.Owner, "the owner", required: false);
        if (!Enum.IsDefined(request.Status))
        {
            errors.Add("status", "Choose Proposed, Planned, InProgress, Blocked, Done or Cancelled.");
        }
        else if (ProjectRules.TransitionRefusal(project.Status, request.Status) is { } refusal && project.Id != 0)
        {
            errors.Add("status", refusal);
        }

        if (ProjectRules.DatesRefusal(request.StartOn, request.DueOn) is { } dates)
        {
            errors.Add("dueOn", dates);
        }

        var dimensionId = string.IsNullOrWhiteSpace(request.DimensionId) ? null : request.DimensionId.Trim();
        if (dimensionId is not null && DimensionTitle(dimensionId) is null)
        {
            errors.Add("dimensionId", $"“{dimensionId}” is not a dimension of the model.");
        }

        var ownerUserId = string.IsNullOrWhiteSpace(request.OwnerUserId) ? null : request.OwnerUserId;
        if (ownerUserId is not null && !await OrganisationAccess.IsReaderAsync(db, ownerUserId, project.OrganisationId, cancellationToken))
        {
            errors.Add("ownerUserId", "The owner must be a member of the organisation who reads its results (not only a respondent).");
        }

        var kpiIds = (request.KpiIds ?? []).Distinct().ToList();
        var known = await db.Kpis.Where(k => k.OrganisationId == project.OrganisationId && kpiIds.Contains(k.Id)).Select(k => k.Id).ToListAsync(cancellationToken);
        if (known.Count != kpiIds.Count)
        {
            errors.Add("kpiIds", "Link only KPIs of this organisation.");
        }

        var milestones = request.Milestones ?? [];
        var titles = new List<string>(milestones.Count);
        for (var i = 0; i < milestones.Count; i++)
        {
            titles.Add(errors.Text($"milestones[{i}].title", milestones[i].Title, FieldLimits.Title, "the milestone's title", required: true)!);
        }

        if (milestones.Count > 100)
        {
            errors.Add("milestones", "A project can have at most 100 milestones.");
        }

        errors.ThrowIfAny();
        (project.Title, project.DescriptionMarkdown, project.Owner, project.OwnerUserId) = (title!, description ?? "", owner, ownerUserId);
        (project.Status, project.StartOn, project.DueOn, project.DimensionId) = (request.Status, request.StartOn, request.DueOn, dimensionId);
        project.Milestones.Clear();
        project.Milestones.AddRange(milestones.Select((m, i) => new Milestone { Title = titles[i], DueOn = m.DueOn, Done = m.Done, Position = i }));
        project.Kpis.Clear();
        project.Kpis.AddRange(kpiIds.Select(id => new ProjectKpi { KpiId = id }));
    }

    private async Task<ProjectChoicesView> ChoicesAsync(AppDbContext db, int organisationId, CancellationToken cancellationToken)
    {
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.Role != OrganisationRole.Respondent)
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new ChoiceView(m.UserId, m.User!.DisplayName != "" ? m.User.DisplayName : m.User.Email!))
            .ToListAsync(cancellationToken);
        var kpis = await db.Kpis.AsNoTracking()
            .Where(k => k.OrganisationId == organisationId)
            .OrderBy(k => k.Name)
            .Select(k => new ChoiceView(k.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), k.Name))
            .ToListAsync(cancellationToken);
        var dimensions = catalog.Models.SelectMany(m => m.Dimensions).DistinctBy(d => d.Id).Select(d => new ChoiceView(d.Id, d.Title)).ToList();
        return new ProjectChoicesView(dimensions, members, kpis);
    }

    private string? DimensionTitle(string? dimensionId) =>
        dimensionId is null ? null : catalog.Models.SelectMany(m => m.Dimensions).FirstOrDefault(d => d.Id == dimensionId)?.Title;

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>An organisation's projects, newest first. Every member but Respondents.</summary>
    public async Task<IReadOnlyList<ProjectSummaryView>> ListAsync(
        string userId,
        int organisationId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Readers);
        return await db.Projects.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId)
            .OrderByDescending(p => p.CreatedUtc).ThenByDescending(p => p.Id)
            .Select(p => new ProjectSummaryView(
                p.Id, p.Title, p.Status, p.DimensionId, p.Owner, p.DueOn, p.RoundId, p.InitiativeId, p.CreatedUtc))
            .ToListAsync(cancellationToken);
    }

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
