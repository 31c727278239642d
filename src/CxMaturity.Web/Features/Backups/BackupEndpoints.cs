using System.Security.Claims;
using CxMaturity.Web.Features.Access;

namespace CxMaturity.Web.Features.Backups;

/// <summary>The download of a kept backup, for site administrators signed in to the app.</summary>
public static class BackupEndpoints
{
    public static WebApplication MapBackupDownloads(this WebApplication app)
    {
        app.MapGet("/admin/backups/{name}", DownloadAsync).RequireAuthorization(SiteRoles.Administrator).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> DownloadAsync(string name, ClaimsPrincipal user, BackupService backups, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new ForbiddenException("Sign in first.");
        var path = await backups.PathForDownloadAsync(userId, name, cancellationToken);
        return Microsoft.AspNetCore.Http.Results.File(path, "application/zip", name);
    }
}
