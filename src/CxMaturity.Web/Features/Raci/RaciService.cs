using System.Globalization;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Models;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Raci;

/// <summary>
/// Governance roles and the RACI matrix over projects and accepted roadmap items (docs/RULES.md §8.1). Members who read
/// results read them; Owners and CX leads change them. The matrix is saved whole, against the version read.
/// </summary>
public sealed class RaciService(IDbContextFactory<AppDbContext> contextFactory, ModelVersionStore models, TimeProvider time)
{
    /// <summary>The roles, the matrix with each row's problems, and the members who may hold a role.</summary>
    public async Task<RaciView> GetAsync(string userId, int organisationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Readers);
        return await ReadAsync(db, access, cancellationToken);
    }

    /// <summary>
    /// Saves the whole matrix if nobody has since <paramref name="expectedVersion"/>: every row must keep the rule
    /// (exactly one A, at least one R, a role once); nothing is saved otherwise. Owner and CX lead.
    /// </summary>
    /// <exception cref="ValidationException">Keyed by row (<c>rows[project:12]</c>) with the rule broken, or <c>rows</c>.</exception>
    /// <exception cref="ConcurrencyConflictException">The matrix was saved since.</exception>
    public async Task<RaciView> SaveAsync(
        string userId, int organisationId, RaciRequest request, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var roles = await db.GovernanceRoles.AsNoTracking().Where(r => r.OrganisationId == organisationId)
            .ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var rowTitles = (await RowsAsync(db, organisationId, cancellationToken)).ToDictionary(r => r.Key, r => r.Title, StringComparer.Ordinal);
        var errors = new ValidationErrors();
        var assignments = new List<RaciAssignment>();
        foreach (var row in request.Rows ?? [])
        {
            var field = $"rows[{row.Key}]";
            if (!rowTitles.ContainsKey(row.Key ?? ""))
            {
                errors.Add(field, "There is no such project or accepted roadmap item.");
                continue;
            }

            var cells = row.Cells ?? new Dictionary<int, RaciLetter>();
            foreach (var unknown in cells.Keys.Where(id => !roles.ContainsKey(id)))
            {
                errors.Add(field, $"Role {unknown} is not one of the organisation's roles.");
            }

            foreach (var problem in RaciRules.Problems([.. cells.Where(c => roles.ContainsKey(c.Key)).Select(c => new RaciCell(roles[c.Key], c.Value))]))
            {
                errors.Add(field, problem);
            }

            assignments.AddRange(cells.Where(c => roles.ContainsKey(c.Key) && Enum.IsDefined(c.Value))
                .Select(c => new RaciAssignment { OrganisationId = organisationId, RowKey = row.Key!, RoleId = c.Key, Letter = c.Value }));
        }

        if ((request.Rows ?? []).GroupBy(r => r.Key).Any(g => g.Count() > 1))
        {
            errors.Add("rows", "A row is given twice.");
        }

        errors.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The version moves only if it is still the one read: a conditional update, so two saves cannot both pass.
        var moved = await db.Organisations
            .Where(o => o.Id == organisationId && o.RaciVersion == expectedVersion)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.RaciVersion, Guid.NewGuid()), cancellationToken);
        if (moved == 0)
        {
            throw new ConcurrencyConflictException("Someone else saved the RACI matrix since you opened it. Reload to see their change.");
        }

        var before = await db.RaciAssignments.AsNoTracking().Where(a => a.OrganisationId == organisationId).ToListAsync(cancellationToken);
        await db.RaciAssignments.Where(a => a.OrganisationId == organisationId).ExecuteDeleteAsync(cancellationToken);
        db.RaciAssignments.AddRange(assignments);
        // Only the rows whose letters changed, one a line.
        string Letters(IEnumerable<RaciAssignment> row) =>
            string.Join(", ", row.Where(a => roles.ContainsKey(a.RoleId)).OrderBy(a => a.RoleId).Select(a => $"{roles[a.RoleId]} {a.Letter}"));
        var was = before.ToLookup(a => a.RowKey, StringComparer.Ordinal);
        var now = assignments.ToLookup(a => a.RowKey, StringComparer.Ordinal);
        var (from, to) = Audit.Changes([.. was.Select(g => g.Key).Union(now.Select(g => g.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(key => (rowTitles.GetValueOrDefault(key, key), (string?)Letters(was[key]), (string?)Letters(now[key])))]);
        if (from is not null)
        {
            Audit.Record(db, organisationId, time.GetUtcNow().UtcDateTime, "RACI", "RACI matrix", "changed", from, to);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ReadAsync(db, access, cancellationToken);
    }

    /// <summary>Adds a role at the end of the list. Owner and CX lead.</summary>
    /// <exception cref="ValidationException">Keys name, holderUserId, holderName, responsibilities.</exception>
    public async Task<RoleView> AddRoleAsync(string userId, int organisationId, RoleRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var existing = await db.GovernanceRoles.Where(r => r.OrganisationId == organisationId).Select(r => new { r.Name, r.Position }).ToListAsync(cancellationToken);
        if (existing.Count >= RaciRules.MaxRoles)
        {
            throw ValidationException.For("name", $"An organisation can have at most {RaciRules.MaxRoles} roles.");
        }

        var role = new GovernanceRole { OrganisationId = organisationId, Position = existing.Count == 0 ? 0 : existing.Max(r => r.Position) + 1 };
        await ApplyAsync(db, role, request, existing.Select(r => r.Name), cancellationToken);
        db.GovernanceRoles.Add(role);
        Audit.Record(db, organisationId, time.GetUtcNow().UtcDateTime, "RACI", $"Role “{role.Name}”", "created");
        await db.SaveChangesAsync(cancellationToken);
        return (await RolesAsync(db, organisationId, cancellationToken)).Single(r => r.Id == role.Id);
    }

    /// <summary>Renames a role, changes who holds it or its responsibilities, if nobody has since. Owner and CX lead.</summary>
    /// <exception cref="ConcurrencyConflictException">The role changed since <paramref name="expectedVersion"/>.</exception>
    public async Task<RoleView> UpdateRoleAsync(
        string userId, int organisationId, int roleId, RoleRequest request, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var role = await FindRoleAsync(db, organisationId, roleId, cancellationToken);
        if (role.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException($"Someone else changed the role “{role.Name}” since you opened it. Reload to see their change.");
        }

        db.Entry(role).Property(r => r.Version).OriginalValue = expectedVersion;
        var others = await db.GovernanceRoles.Where(r => r.OrganisationId == organisationId && r.Id != roleId).Select(r => r.Name).ToListAsync(cancellationToken);
        var before = (role.Name, role.HolderUserId ?? role.HolderName, role.Responsibilities);
        await ApplyAsync(db, role, request, others, cancellationToken);
        // The audit line names holders, not account ids.
        var ids = new[] { before.Item2, role.HolderUserId }.OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.Email ?? u.Id, cancellationToken);
        string? Named(string? value) => value is not null && names.TryGetValue(value, out var name) ? name : value;
        var (from, to) = Audit.Changes(
            ("Name", before.Name, role.Name), ("Held by", Named(before.Item2), Named(role.HolderUserId ?? role.HolderName)),
            ("Responsibilities", before.Responsibilities, role.Responsibilities));
        if (from is not null)
        {
            Audit.Record(db, organisationId, time.GetUtcNow().UtcDateTime, "RACI", $"Role “{role.Name}”", "changed", from, to);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await RolesAsync(db, organisationId, cancellationToken)).Single(r => r.Id == roleId);
    }

    /// <summary>
    /// Removes a role with its letters, unless some row would be left without its one A. Owner and CX lead.
    /// </summary>
    /// <exception cref="ConflictException">The role is accountable for a row.</exception>
    public async Task DeleteRoleAsync(string userId, int organisationId, int roleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var role = await FindRoleAsync(db, organisationId, roleId, cancellationToken);
        var letters = await db.RaciAssignments.Where(a => a.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var accountable = letters.Count(a => a.RoleId == roleId && a.Letter == RaciLetter.A);
        if (accountable > 0)
        {
            throw new ConflictException(
                $"“{role.Name}” is accountable (A) for {accountable} {(accountable == 1 ? "row" : "rows")} of the RACI matrix: give {(accountable == 1 ? "it" : "them")} another A first.");
        }

        // A row whose only R this role is would break the rule once the role is gone.
        var onlyResponsible = letters.Where(a => a.RoleId == roleId && a.Letter == RaciLetter.R)
            .Count(a => !letters.Any(o => o.RowKey == a.RowKey && o.RoleId != roleId && o.Letter == RaciLetter.R));
        if (onlyResponsible > 0)
        {
            throw new ConflictException(
                $"“{role.Name}” is the only role responsible (R) in {onlyResponsible} {(onlyResponsible == 1 ? "row" : "rows")} of the RACI matrix: give {(onlyResponsible == 1 ? "it" : "them")} another R first.");
        }

        var lost = letters.Where(a => a.RoleId == roleId).ToList();
        db.GovernanceRoles.Remove(role);
        Audit.Record(db, organisationId, time.GetUtcNow().UtcDateTime, "RACI", $"Role “{role.Name}”", "deleted",
            lost.Count == 0 ? null : $"Letters: {string.Join(", ", lost.Select(a => $"{a.RowKey} {a.Letter}"))}");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The matrix changes with the role's letters: a grid opened before must not save over it.
        await db.Organisations.Where(o => o.Id == organisationId)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.RaciVersion, Guid.NewGuid()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The organisation's roles in order, on the caller's context and without an access check.</summary>
    internal static async Task<IReadOnlyList<RoleView>> RolesAsync(AppDbContext db, int organisationId, CancellationToken cancellationToken) =>
        await db.GovernanceRoles.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId)
            .OrderBy(r => r.Position).ThenBy(r => r.Id)
            .Select(r => new RoleView(
                r.Id, r.Name, r.HolderUserId, r.HolderName,
                r.HolderUserId != null ? (r.HolderUser!.DisplayName != "" ? r.HolderUser.DisplayName : r.HolderUser.Email) : r.HolderName,
                r.Responsibilities, r.Version))
            .ToListAsync(cancellationToken);

    private async Task<RaciView> ReadAsync(AppDbContext db, OrganisationAccessView access, CancellationToken cancellationToken)
    {
        var organisationId = access.OrganisationId;
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new { o.Name, o.RaciVersion }).SingleAsync(cancellationToken);
        var roles = await RolesAsync(db, organisationId, cancellationToken);
        var names = roles.ToDictionary(r => r.Id, r => r.Name);
        var letters = (await db.RaciAssignments.AsNoTracking().Where(a => a.OrganisationId == organisationId).ToListAsync(cancellationToken))
            .ToLookup(a => a.RowKey, StringComparer.Ordinal);
        var rows = (await RowsAsync(db, organisationId, cancellationToken)).Select(row =>
        {
            var cells = letters[row.Key].ToDictionary(a => a.RoleId, a => a.Letter);
            var problems = RaciRules.Problems([.. cells.Where(c => names.ContainsKey(c.Key)).Select(c => new RaciCell(names[c.Key], c.Value))]);
            return row with { Cells = cells, Problems = problems };
        }).ToList();
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.Role != OrganisationRole.Respondent)
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new RaciMemberChoice(m.UserId, m.User!.DisplayName != "" ? m.User.DisplayName : m.User.Email!))
            .ToListAsync(cancellationToken);
        return new RaciView(organisationId, organisation.Name, access.Role, organisation.RaciVersion, roles, rows, members);
    }

    /// <summary>
    /// The matrix's rows without letters: every project, then every accepted roadmap item of the organisation's rounds
    /// not yet a project. On the caller's context, no access check: for My work too.
    /// </summary>
    internal async Task<List<RaciRowView>> RowsAsync(
        AppDbContext db, int organisationId, CancellationToken cancellationToken, IEnumerable<(int Id, string Title)>? knownProjects = null)
    {
        // A caller that has read the projects already (the workbook) passes them: the table is read once.
        var projects = knownProjects?.OrderBy(p => p.Title, StringComparer.CurrentCulture).Select(p => new { p.Id, p.Title }).ToList()
            ?? await db.Projects.AsNoTracking()
                .Where(p => p.OrganisationId == organisationId)
                .OrderBy(p => p.Title)
                .Select(p => new { p.Id, p.Title })
                .ToListAsync(cancellationToken);
        var items = await db.RoadmapItemStates.AsNoTracking()
            .Where(s => s.Status == RoadmapItemStatus.Accepted && s.ProjectId == null)
            .Join(db.Rounds.Where(r => r.OrganisationId == organisationId), s => s.RoundId, r => r.Id,
                (s, r) => new { s.RoundId, s.InitiativeId, RoundName = r.Name, r.ModelVersionId })
            .ToListAsync(cancellationToken);
        var rows = projects
            .Select(p => new RaciRowView($"project:{p.Id.ToString(CultureInfo.InvariantCulture)}", "Project", p.Title, $"projects/{p.Id}", Empty, []))
            .ToList();
        foreach (var item in items.OrderBy(i => i.RoundId).ThenBy(i => i.InitiativeId, StringComparer.Ordinal))
        {
            var model = await models.LoadAsync(item.ModelVersionId, cancellationToken);
            var title = model.Initiatives.FirstOrDefault(i => i.Id == item.InitiativeId)?.Title ?? item.InitiativeId;
            rows.Add(new RaciRowView(
                $"item:{item.RoundId.ToString(CultureInfo.InvariantCulture)}:{item.InitiativeId}", "Roadmap item", $"{title} ({item.RoundName})",
                $"rounds/{item.RoundId}/roadmap#item-{item.InitiativeId}", Empty, []));
        }

        return rows;
    }

    private static readonly IReadOnlyDictionary<int, RaciLetter> Empty = new Dictionary<int, RaciLetter>();

    private static async Task ApplyAsync(AppDbContext db, GovernanceRole role, RoleRequest request, IEnumerable<string> otherNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var name = errors.Text("name", request.Name, FieldLimits.Name, "the role's name", required: true);
        if (name is { Length: > 0 } && otherNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add("name", $"There is already a role called “{name}”.");
        }

        var holderName = errors.Text("holderName", request.HolderName, FieldLimits.Name, "the holder's name", required: false);
        var responsibilities = errors.Text("responsibilities", request.Responsibilities, FieldLimits.Notes, "the responsibilities", required: false);
        var holder = string.IsNullOrWhiteSpace(request.HolderUserId) ? null : request.HolderUserId;
        if (holder is not null && !await OrganisationAccess.IsReaderAsync(db, holder, role.OrganisationId, cancellationToken))
        {
            errors.Add("holderUserId", "The holder must be a member who reads the organisation's results, or be named without an account.");
        }

        errors.ThrowIfAny();
        (role.Name, role.HolderUserId, role.HolderName, role.Responsibilities) = (name!, holder, holder is null ? holderName : null, responsibilities ?? "");
    }

    private static async Task<GovernanceRole> FindRoleAsync(AppDbContext db, int organisationId, int roleId, CancellationToken cancellationToken) =>
        await db.GovernanceRoles.SingleOrDefaultAsync(r => r.Id == roleId && r.OrganisationId == organisationId, cancellationToken)
        ?? throw new NotFoundException($"Role {roleId} was not found.");
}
