using System.Globalization;
using System.Text.RegularExpressions;
using CxMaturity.Web.Data;
using CxMaturity.Web.Data.Sqlite;
using CxMaturity.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Backups;

/// <summary>A backup kept in the backups folder.</summary>
public sealed record BackupFileView(string Name, long Bytes, DateTime CreatedUtc);

/// <summary>
/// The backups folder (<c>&lt;Data:Directory&gt;/backups/</c>): the scheduled job and the administrators' page take
/// backups there, the newest <c>Backup:Keep</c> are kept, and administrators download them. Only site administrators
/// list, take or download; the job acts for nobody.
/// </summary>
public sealed partial class BackupService(
    IDbContextFactory<AppDbContext> contextFactory, SqliteBackupArchive archive, IOptions<DataOptions> data, IOptions<BackupOptions> options, TimeProvider time)
{
    /// <summary>The name of the recurring job, as the Hangfire dashboard lists it.</summary>
    public const string JobId = "backup";

    public const string FolderName = "backups";

    private string Folder => Path.Combine(data.Value.Directory, FolderName);

    public async Task<IReadOnlyList<BackupFileView>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await RequireAdministratorAsync(userId, cancellationToken);
        return Kept();
    }

    public async Task<BackupFileView> CreateAsync(string userId, CancellationToken cancellationToken = default)
    {
        await RequireAdministratorAsync(userId, cancellationToken);
        return await TakeAsync(cancellationToken);
    }

    /// <summary>The path of a kept backup to download.</summary>
    /// <exception cref="NotFoundException">No kept backup has that name.</exception>
    public async Task<string> PathForDownloadAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        await RequireAdministratorAsync(userId, cancellationToken);
        var path = Path.Combine(Folder, name);
        return NamePattern().IsMatch(name) && File.Exists(path) ? path : throw new NotFoundException($"There is no backup “{name}”.");
    }

    /// <summary>The scheduled job: takes a backup and deletes the oldest beyond <c>Backup:Keep</c>.</summary>
    public async Task<BackupFileView> RunScheduledAsync(CancellationToken cancellationToken) => await TakeAsync(cancellationToken);

    private async Task<BackupFileView> TakeAsync(CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"cxmaturity-{time.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}.cxbackup");
        var path = Path.Combine(Folder, name);
        var manifest = await archive.CreateAsync(path, cancellationToken);
        foreach (var old in Kept().Skip(options.Value.Keep))
        {
            File.Delete(Path.Combine(Folder, old.Name));
        }

        return new BackupFileView(name, new FileInfo(path).Length, manifest.CreatedUtc);
    }

    // Newest first, by the time in the name (which sorts as text).
    private List<BackupFileView> Kept() =>
        !Directory.Exists(Folder)
            ? []
            : [.. Directory.GetFiles(Folder, "cxmaturity-*.cxbackup")
                .Select(f => new FileInfo(f))
                .Where(f => NamePattern().IsMatch(f.Name))
                .OrderByDescending(f => f.Name, StringComparer.Ordinal)
                .Select(f => new BackupFileView(f.Name, f.Length, DateTime.ParseExact(f.Name[11..26], "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)))];

    private async Task RequireAdministratorAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await SiteAdministrators.RequireAsync(db, userId, "see and take backups", cancellationToken);
    }

    [GeneratedRegex(@"^cxmaturity-\d{8}-\d{6}\.cxbackup$")]
    private static partial Regex NamePattern();
}
