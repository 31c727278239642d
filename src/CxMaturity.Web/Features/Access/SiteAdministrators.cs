using CxMaturity.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Access;

/// <summary>The one check of the administrators' services: the caller holds the site's Administrator role.</summary>
public static class SiteAdministrators
{
    /// <exception cref="ForbiddenException">The caller is not a site administrator; <paramref name="what"/> says what they asked for.</exception>
    public static async Task RequireAsync(AppDbContext db, string userId, string what, CancellationToken cancellationToken)
    {
        var isAdministrator = await db.UserRoles.AnyAsync(
            ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == SiteRoles.Administrator), cancellationToken);
        if (!isAdministrator)
        {
            throw new ForbiddenException($"Only site administrators {what}.");
        }
    }
}
