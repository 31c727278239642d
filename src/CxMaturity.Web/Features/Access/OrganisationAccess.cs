using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Access;

/// <summary>The caller's standing in the organisation that owns a record.</summary>
public sealed record OrganisationAccessView(int OrganisationId, string UserId, OrganisationRole Role);

/// <summary>
/// The one place that decides whether a user may touch an organisation's data. A record of an organisation the
/// user is not in is reported as not found, so guessed ids reveal nothing; a role too low is forbidden.
/// </summary>
public sealed class OrganisationAccess(IDbContextFactory<AppDbContext> contextFactory)
{
    /// <summary>The user's role in the organisation, or <c>null</c> when they are not a member.</summary>
    public async Task<OrganisationRole?> FindRoleAsync(string userId, int organisationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await FindRoleAsync(db, userId, organisationId, cancellationToken);
    }

    /// <summary>Requires the user to hold one of <paramref name="allowed"/> in the organisation.</summary>
    /// <exception cref="NotFoundException">The user is not a member (or the organisation does not exist).</exception>
    /// <exception cref="ForbiddenException">The user's role is not among <paramref name="allowed"/>.</exception>
    public async Task<OrganisationAccessView> RequireAsync(
        string userId,
        int organisationId,
        params OrganisationRole[] allowed)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        return await RequireAsync(db, userId, organisationId, allowed);
    }

    /// <summary>Requires the user to hold one of <paramref name="allowed"/> in the organisation that owns the round.</summary>
    public async Task<OrganisationAccessView> RequireForRoundAsync(
        string userId,
        int roundId,
        params OrganisationRole[] allowed)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        return await RequireForRoundAsync(db, userId, roundId, allowed);
    }

    internal static async Task<OrganisationRole?> FindRoleAsync(
        AppDbContext db,
        string userId,
        int organisationId,
        CancellationToken cancellationToken = default) =>
        await db.Memberships
            .Where(m => m.OrganisationId == organisationId && m.UserId == userId)
            .Select(m => (OrganisationRole?)m.Role)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// True when <paramref name="userId"/> is a member who reads the organisation's results: whom work (a KPI, a
    /// project, a role) may be given to, since they can open it.
    /// </summary>
    internal static async Task<bool> IsReaderAsync(AppDbContext db, string userId, int organisationId, CancellationToken cancellationToken) =>
        await FindRoleAsync(db, userId, organisationId, cancellationToken) is { } role && OrganisationRoles.Readers.Contains(role);

    internal static async Task<OrganisationAccessView> RequireAsync(
        AppDbContext db,
        string userId,
        int organisationId,
        IReadOnlyCollection<OrganisationRole> allowed)
    {
        var role = await FindRoleAsync(db, userId, organisationId)
            ?? throw new NotFoundException($"Organisation {organisationId} was not found.");
        db.ActingUserId = userId;
        return Check(new OrganisationAccessView(organisationId, userId, role), allowed);
    }

    internal static async Task<OrganisationAccessView> RequireForRoundAsync(
        AppDbContext db,
        string userId,
        int roundId,
        IReadOnlyCollection<OrganisationRole> allowed)
    {
        // One query: the round's organisation and the caller's role in it.
        var found = await db.Rounds
            .Where(r => r.Id == roundId)
            .Select(r => new
            {
                r.OrganisationId,
                Role = db.Memberships
                    .Where(m => m.OrganisationId == r.OrganisationId && m.UserId == userId)
                    .Select(m => (OrganisationRole?)m.Role)
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync();
        if (found?.Role is not { } role)
        {
            throw new NotFoundException($"Assessment round {roundId} was not found.");
        }

        db.ActingUserId = userId;
        return Check(new OrganisationAccessView(found.OrganisationId, userId, role), allowed);
    }

    private static OrganisationAccessView Check(OrganisationAccessView access, IReadOnlyCollection<OrganisationRole> allowed) =>
        allowed.Contains(access.Role)
            ? access
            : throw new ForbiddenException(
                $"Your role in this organisation ({access.Role}) does not allow this. It needs: {string.Join(" or ", allowed)}.");
}
