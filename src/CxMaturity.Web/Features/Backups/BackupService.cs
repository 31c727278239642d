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
/// backups there, the newest <c>Backup:Keep</c> are kept, and administrators download them, or restore one — kept or
/// uploaded — into the running app (<see cref="LiveRestore"/>). Only site administrators list, take, download or
/// restore; the job acts for nobody.
/// </summary>
public sealed partial class BackupService(
    IDbContextFactory<AppDbContext> contextFactory,
    SqliteBackupArchive archive,
    MaintenanceMode maintenance,
    LiveRestore restore,
    IOptions<DataOptions> data,
    IOptions<BackupOptions> options,
    TimeProvider time)
{
    /// <summary>The name of the recurring job, as the Hangfire dashboard lists it.</summary>
    public const string JobId = "backup";

    public const string FolderName = "backups";

    private string Folder => Path.Combine(data.Value.Directory, FolderName);

    public async Task<IReadOnlyList<BackupFileView>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await RequireAdministratorAsync(userId, "see and take backups", cancellationToken);
        return Kept();
    }

    public async Task<BackupFileView> CreateAsync(string userId, CancellationToken cancellationToken = default)
    {
        await RequireAdministratorAsync(userId, "see and take backups", cancellationToken);
        return await TakeAsync(cancellationToken);
    }

    /// <summary>The path of a kept backup to download.</summary>
    /// <exception cref="NotFoundException">No kept backup has that name.</exception>
    public async Task<string> PathForDownloadAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        await RequireAdministratorAsync(userId, "see and take backups", cancellationToken);
        return KeptPath(name);
    }

    /// <summary>
    /// Restores a kept backup into the running app: every change since it was taken is replaced, what was there is
    /// kept in <c>before-restore-&lt;time&gt;/</c>, and the app answers 503 for the moment it takes.
    /// </summary>
    /// <exception cref="NotFoundException">No kept backup has that name.</exception>
    /// <exception cref="ValidationException">The file cannot be restored; the message says why, and nothing changed.</exception>
    /// <exception cref="ConflictException">A restore is running, or work in flight did not finish in time; nothing changed.</exception>
    public async Task<RestoredBackupView> RestoreAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        var who = await RequireAdministratorAsync(userId, "restore backups", cancellationToken);
        return await restore.RestoreAsync(KeptPath(name), name, who, cancellationToken);
    }

    /// <summary>
    /// Restores an uploaded backup file, as <see cref="RestoreAsync(string, string, CancellationToken)"/> does a kept
    /// one. Saved first in the backups folder under a name that is not listed; once restored, it is kept among the
    /// backups under the time it was taken (unless one of that name is there), and a file refused is deleted.
    /// </summary>
    /// <exception cref="ValidationException">Larger than <c>Backup:MaxUploadMegabytes</c>, or not a backup that can be restored.</exception>
    /// <exception cref="ConflictException">A restore is running, or work in flight did not finish in time; nothing changed.</exception>
    public async Task<RestoredBackupView> RestoreUploadAsync(string userId, Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var who = await RequireAdministratorAsync(userId, "restore backups", cancellationToken);
        Directory.CreateDirectory(Folder);
        var upload = Path.Combine(Folder, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            await SaveAsync(content, upload, fileName, cancellationToken);
            var restored = await restore.RestoreAsync(upload, fileName, who, cancellationToken);
            var name = NameFor(restored.TakenUtc);
            var kept = Path.Combine(Folder, name);
            if (!File.Exists(kept))
            {
                File.Move(upload, kept);
            }

            return restored;
        }
        finally
        {
            File.Delete(upload);
        }
    }

    /// <summary>The largest upload <see cref="RestoreUploadAsync"/> takes.</summary>
    public long MaxUploadBytes => options.Value.MaxUploadMegabytes * 1024L * 1024L;

    /// <summary>The scheduled job: takes a backup and deletes the oldest beyond <c>Backup:Keep</c>.</summary>
    public async Task<BackupFileView> RunScheduledAsync(CancellationToken cancellationToken) => await TakeAsync(cancellationToken);

    private async Task<BackupFileView> TakeAsync(CancellationToken cancellationToken)
    {
        // Not while a restore replaces the files it copies.
        using var lease = await maintenance.EnterAsync(cancellationToken);
        var name = NameFor(time.GetUtcNow().UtcDateTime);
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

    private async Task SaveAsync(Stream content, string path, string fileName, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxUploadBytes)
            {
                throw ValidationException.For("file",
                    $"{fileName} is larger than {options.Value.MaxUploadMegabytes:N0} MB, the most a restore takes (Backup:MaxUploadMegabytes). Nothing was changed.");
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private string KeptPath(string name)
    {
        var path = Path.Combine(Folder, name);
        return NamePattern().IsMatch(name) && File.Exists(path) ? path : throw new NotFoundException($"There is no backup “{name}”.");
    }

    private static string NameFor(DateTime utc) => string.Create(CultureInfo.InvariantCulture, $"cxmaturity-{utc:yyyyMMdd-HHmmss}.cxbackup");

    // Who asked, for the log: their email and id.
    private async Task<string> RequireAdministratorAsync(string userId, string what, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await SiteAdministrators.RequireAsync(db, userId, what, cancellationToken);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return $"{email} ({userId})";
    }

    [GeneratedRegex(@"^cxmaturity-\d{8}-\d{6}\.cxbackup$")]
    private static partial Regex NamePattern();
}
