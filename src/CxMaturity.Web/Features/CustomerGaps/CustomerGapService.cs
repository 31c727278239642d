using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using GapRules = CxMaturity.Assessment.Governance.CustomerGaps;

namespace CxMaturity.Web.Features.CustomerGaps;

/// <summary>
/// The customer-gap register: problems customers meet, by root cause, and their Pareto (docs/RULES.md §8.5). Members
/// who read results read it; Owners and CX leads add, edit, import and set the root-cause categories.
/// </summary>
public sealed class CustomerGapService(IDbContextFactory<AppDbContext> contextFactory, TimeProvider time)
{
    /// <summary>The register with its Pareto.</summary>
    public async Task<CustomerGapRegisterView> GetRegisterAsync(string userId, int organisationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Readers);
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == organisationId)
            .Select(o => new { o.Name, o.RootCauses, o.Version })
            .SingleAsync(cancellationToken);
        var gaps = await CustomerGapLoader.ListAsync(db, organisationId, cancellationToken);
        return new CustomerGapRegisterView(
            organisationId, organisation.Name, access.Role, gaps, CustomerGapLoader.Pareto(gaps), organisation.RootCauses, organisation.Version);
    }

    /// <summary>The Pareto of the register's root causes alone.</summary>
    public async Task<IReadOnlyList<RootCauseShare>> GetParetoAsync(string userId, int organisationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Readers);
        var scores = await db.CustomerGaps.AsNoTracking()
            .Where(g => g.OrganisationId == organisationId)
            .Select(g => new CustomerGapScore(g.RootCause, g.Score))
            .ToListAsync(cancellationToken);
        return GapRules.Pareto(scores);
    }

    /// <summary>Adds a problem. Owner and CX lead.</summary>
    /// <exception cref="ValidationException">Keys title, source, rootCause, score.</exception>
    public async Task<CustomerGapView> AddAsync(string userId, int organisationId, CustomerGapRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var gap = new CustomerGap { OrganisationId = organisationId, CreatedUtc = time.GetUtcNow().UtcDateTime };
        Apply(gap, request, await RootCausesAsync(db, organisationId, cancellationToken));
        db.CustomerGaps.Add(gap);
        await db.SaveChangesAsync(cancellationToken);
        return View(gap);
    }

    /// <summary>Edits a problem, if nobody has since the caller read it. Owner and CX lead.</summary>
    /// <exception cref="ConcurrencyConflictException">The problem changed since <paramref name="expectedVersion"/>.</exception>
    public async Task<CustomerGapView> UpdateAsync(
        string userId, int organisationId, int gapId, CustomerGapRequest request, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var gap = await db.CustomerGaps.SingleOrDefaultAsync(g => g.Id == gapId && g.OrganisationId == organisationId, cancellationToken)
            ?? throw new NotFoundException($"Customer gap {gapId} was not found.");
        if (gap.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException($"Someone else changed “{gap.Title}” since you opened it. Reload to see their change.");
        }

        db.Entry(gap).Property(g => g.Version).OriginalValue = expectedVersion;
        Apply(gap, request, await RootCausesAsync(db, organisationId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return View(gap);
    }

    /// <summary>Removes a problem. Owner and CX lead.</summary>
    public async Task DeleteAsync(string userId, int organisationId, int gapId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        if (await db.CustomerGaps.Where(g => g.Id == gapId && g.OrganisationId == organisationId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw new NotFoundException($"Customer gap {gapId} was not found.");
        }
    }

    /// <summary>Checks a CSV list against the register without adding anything. Owner and CX lead.</summary>
    public async Task<CustomerGapListCheckView> CheckListAsync(string userId, int organisationId, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var read = CustomerGapList.Read(content, await RootCausesAsync(db, organisationId, cancellationToken));
        return new CustomerGapListCheckView(read.Gaps, [.. read.Problems.Select(p => new CustomerGapListProblem(p.Line, p.Message))]);
    }

    /// <summary>Adds every problem of a CSV list in one transaction, or none when it has any fault. Owner and CX lead.</summary>
    /// <exception cref="ValidationException">Every fault, keyed by line (<c>line 4</c>; <c>list</c> for the list as a whole).</exception>
    public async Task<int> ImportAsync(string userId, int organisationId, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var read = CustomerGapList.Read(content, await RootCausesAsync(db, organisationId, cancellationToken));
        if (!read.IsClean)
        {
            var errors = new ValidationErrors();
            foreach (var (line, message) in read.Problems)
            {
                errors.Add(line == 0 ? "list" : $"line {line}", message);
            }

            errors.ThrowIfAny();
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.CustomerGaps.AddRange(read.Gaps.Select(g => new CustomerGap
        {
            OrganisationId = organisationId, Title = g.Title, Source = g.Source, RootCause = g.RootCause, Score = g.Score, CreatedUtc = now,
        }));
        // One SaveChanges is one transaction: all of the list or none of it.
        await db.SaveChangesAsync(cancellationToken);
        return read.Gaps.Count;
    }

    /// <summary>
    /// Sets the root-cause categories, in order. A category still used by a problem cannot go: move or remove its
    /// problems first. Owner and CX lead.
    /// </summary>
    /// <exception cref="ValidationException">Key rootCauses.</exception>
    /// <exception cref="ConcurrencyConflictException">The organisation changed since <paramref name="expectedVersion"/>.</exception>
    public async Task<CustomerGapRegisterView> SetRootCausesAsync(
        string userId, int organisationId, IReadOnlyList<string> rootCauses, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rootCauses);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException("Someone else changed this organisation since you opened the page. Reload to see their change.");
        }

        var errors = new ValidationErrors();
        var causes = new List<string>();
        foreach (var typed in rootCauses)
        {
            var cause = errors.Text("rootCauses", typed, FieldLimits.Name, "each root cause", required: true);
            if (cause is { Length: > 0 } && causes.Contains(cause, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add("rootCauses", $"“{cause}” is listed twice.");
            }
            else if (cause is { Length: > 0 })
            {
                causes.Add(cause);
            }
        }

        if (causes.Count == 0)
        {
            errors.Add("rootCauses", "Give at least one root cause.");
        }
        else if (causes.Count > CustomerGapList.MaxRootCauses)
        {
            errors.Add("rootCauses", $"Give at most {CustomerGapList.MaxRootCauses} root causes; this is {causes.Count}.");
        }

        var inUse = await db.CustomerGaps.Where(g => g.OrganisationId == organisationId)
            .GroupBy(g => g.RootCause).Select(g => new { Cause = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var used in inUse.Where(u => !causes.Contains(u.Cause, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add("rootCauses", $"“{used.Cause}” is the root cause of {used.Count} {(used.Count == 1 ? "problem" : "problems")}: move or remove them first.");
        }

        errors.ThrowIfAny();
        db.Entry(organisation).Property(o => o.Version).OriginalValue = expectedVersion;
        organisation.RootCauses = causes;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // A category whose spelling changed (billing → Billing) takes its problems with it, so the Pareto keeps one bar.
        foreach (var used in inUse)
        {
            var respelled = causes.First(c => string.Equals(c, used.Cause, StringComparison.OrdinalIgnoreCase));
            if (!string.Equals(respelled, used.Cause, StringComparison.Ordinal))
            {
                await db.CustomerGaps.Where(g => g.OrganisationId == organisationId && g.RootCause == used.Cause)
                    .ExecuteUpdateAsync(u => u.SetProperty(g => g.RootCause, respelled), cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return await GetRegisterAsync(userId, organisationId, cancellationToken);
    }

    private static void Apply(CustomerGap gap, CustomerGapRequest request, IReadOnlyList<string> rootCauses)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var title = errors.Text("title", request.Title, FieldLimits.Title, "the problem's title", required: true);
        var source = errors.Text("source", request.Source, FieldLimits.Name, "the source", required: false);
        var cause = rootCauses.FirstOrDefault(c => string.Equals(c, request.RootCause?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (cause is null)
        {
            errors.Add("rootCause", $"Choose one of the root causes: {string.Join(", ", rootCauses)}.");
        }

        if (request.Score is { } score && !CustomerGapList.IsScore(score))
        {
            errors.Add("score", $"Give a score above 0 and at most {CustomerGapList.MaxScore:N0} (1 for one occurrence).");
        }

        errors.ThrowIfAny();
        (gap.Title, gap.Source, gap.RootCause, gap.Score) = (title!, source ?? "", cause!, request.Score ?? 1);
    }

    private static async Task<IReadOnlyList<string>> RootCausesAsync(AppDbContext db, int organisationId, CancellationToken cancellationToken) =>
        await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.RootCauses).SingleAsync(cancellationToken);

    private static CustomerGapView View(CustomerGap g) => new(g.Id, g.Title, g.Source, g.RootCause, g.Score, g.CreatedUtc, g.Version);
}
