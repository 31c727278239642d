using CxMaturity.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Access;

/// <summary>The one check of the administrators' services: the caller holds the site's Administrator role.</summary>
public static class SiteAdministrators
{
    /// <summary>
    /// Refuses anyone but a site administrator, and an administrator whose account is locked out: a page they still
    /// have open (a circuit lives for hours) must not go on acting for them once another administrator locked them.
    /// </summary>
    /// <exception cref="ForbiddenException">The caller is not a site administrator; <paramref name="what"/> says what they asked for.</exception>
    public static async Task RequireAsync(AppDbContext db, string userId, string what, CancellationToken cancellationToken)
    {
        // Read and compared here: SQLite cannot compare the DateTimeOffset Identity stores the lockout as.
        var administrator = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && UserIds(db).Contains(u.Id))
            .Select(u => new { u.LockoutEnd })
            .SingleOrDefaultAsync(cancellationToken);
        if (administrator is null)
        {
            throw new ForbiddenException($"Only site administrators {what}.");
        }

        if (administrator.LockoutEnd > DateTimeOffset.UtcNow)
        {
            throw new ForbiddenException($"Your account is locked out, so you cannot {what}.");
        }
    }

    /// <summary>The ids of the users who hold the Administrator role.</summary>
    internal static IQueryable<string> UserIds(AppDbContext db) =>
        db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == SiteRoles.Administrator)).Select(ur => ur.UserId);
}
