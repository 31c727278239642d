using System.Diagnostics;
using CxMaturity.Web.Data;
using CxMaturity.Web.Data.Sqlite;
using CxMaturity.Web.Extensions;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Workbooks;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Backups;

/// <summary>What a restore put in place, from the backup's manifest, and where what it replaced is kept.</summary>
/// <param name="Name">The backup as the administrator chose it: a kept backup's name, or the uploaded file's.</param>
/// <param name="KeptIn">The folder under the data directory holding what was replaced (<c>before-restore-…</c>).</param>
/// <param name="SignedOut">The backup's sign-in keys lack some of those in use before: everyone signs in again.</param>
public sealed record RestoredBackupView(
    string Name,
    DateTime TakenUtc,
    string? AppVersion,
    string LastMigration,
    long DatabaseBytes,
    long ArchiveBytes,
    string KeptIn,
    bool SignedOut);

/// <summary>
/// Restores a backup into the running app: checks what the file says about itself first (a file that is no backup,
/// or one taken by a newer version, is refused before anything stops); then, in maintenance mode, with every request,
/// job and database connection finished, replaces the database and keys through <see cref="SqliteBackupArchive"/>,
/// brings the database's schema up to date, and makes the app forget what it had read from the files it replaced.
/// Checks no access: <see cref="BackupService"/> does.
/// </summary>
public sealed partial class LiveRestore(
    MaintenanceMode maintenance,
    SqliteBackupArchive archive,
    DatabaseMigrator migrator,
    IDbContextFactory<AppDbContext> contextFactory,
    WorkbookSigningKey signingKey,
    ModelVersionStore models,
    IMemoryCache cache,
    ReloadableKeyManager keys,
    IKeyRingProvider keyRing,
    IOptions<DataOptions> data,
    IOptions<BackupOptions> options,
    ILogger<LiveRestore> logger)
{
    private static readonly TimeSpan KeyRingWait = TimeSpan.FromSeconds(5);

    /// <exception cref="ValidationException">The file cannot be restored; the message says why, and nothing changed.</exception>
    /// <exception cref="ConflictException">A restore is running, or work in flight did not finish in time; nothing changed.</exception>
    public async Task<RestoredBackupView> RestoreAsync(string file, string name, string who, CancellationToken cancellationToken)
    {
        var manifest = await archive.ReadManifestAsync(file, name, cancellationToken);
        await RefuseNewerAsync(manifest, name, cancellationToken);
        LogStarting(who, name, manifest.CreatedUtc, manifest.AppVersion ?? "unknown");
        var clock = Stopwatch.StartNew();
        try
        {
            var restored = await maintenance.RunAsync(() => SwapAsync(file, name), TimeSpan.FromSeconds(options.Value.RestoreWaitSeconds));
            LogRestored(who, name, restored.TakenUtc, restored.KeptIn, restored.SignedOut, clock.ElapsedMilliseconds);
            return restored;
        }
        catch (Exception e) when (e is ValidationException or ConflictException)
        {
            LogRefused(who, name, e.Message);
            throw;
        }
        catch (Exception e)
        {
            LogFailed(e, who, name);
            throw;
        }
    }

    private async Task<RestoredBackupView> SwapAsync(string file, string name)
    {
        var keysBefore = KeyFiles();

        // Every connection is closed (maintenance waited for it); the pool would keep the old files open.
        SqliteConnection.ClearAllPools();

        // Not cancelled from here on: once the archive is checked, its files are all moved or none.
        var (manifest, keptIn) = await archive.RestoreAsync(file, name, CancellationToken.None);
        await migrator.MigrateAsync(CancellationToken.None);

        // What the app read from the files it replaced.
        signingKey.Reload();
        models.Forget();
        if (cache is MemoryCache memory)
        {
            memory.Clear(); // remembered access tokens, views handed from prerendering to circuits
        }

        await ReloadKeyRingAsync();
        return new RestoredBackupView(
            name, manifest.CreatedUtc, manifest.AppVersion, manifest.LastMigration, manifest.DatabaseBytes, new FileInfo(file).Length,
            Path.GetFileName(keptIn), SignedOut: !keysBefore.IsSubsetOf(KeyFiles()));
    }

    // A backup taken by a newer version holds tables this one does not know: refused before anything stops.
    private async Task RefuseNewerAsync(BackupManifest manifest, string name, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (manifest.LastMigration.Length > 0 && !db.Database.GetMigrations().Contains(manifest.LastMigration, StringComparer.Ordinal))
        {
            throw ValidationException.For("file",
                $"{name} cannot be restored: it was taken by a newer version of CxMaturity ({manifest.AppVersion ?? $"migration {manifest.LastMigration}"}), " +
                "whose database this version cannot use. Nothing was changed.");
        }
    }

    // The key ring is read again in the background, and the stale one served meanwhile: wait for the new one, so that
    // nothing is protected with a key that is no longer on disk once the app opens again.
    private async Task ReloadKeyRingAsync()
    {
        var stale = keyRing.GetCurrentKeyRing();
        keys.Expire();
        var clock = Stopwatch.StartNew();
        while (ReferenceEquals(keyRing.GetCurrentKeyRing(), stale))
        {
            if (clock.Elapsed > KeyRingWait)
            {
                LogKeyRingStale(KeyRingWait.TotalSeconds);
                return;
            }

            await Task.Delay(10);
        }
    }

    private HashSet<string> KeyFiles()
    {
        var folder = Path.Combine(data.Value.Directory, DataExtensions.KeysFolder);
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.xml").Select(Path.GetFileName).OfType<string>()] : [];
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "User {UserId} is restoring the backup {Backup} (taken {TakenUtc:u}, CxMaturity {AppVersion}): maintenance mode until it is done")]
    private partial void LogStarting(string userId, string backup, DateTime takenUtc, string appVersion);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "User {UserId} restored the backup {Backup} (taken {TakenUtc:u}); what it replaced is kept in {KeptIn}; everyone signed out: {SignedOut}; {Milliseconds} ms in maintenance")]
    private partial void LogRestored(string userId, string backup, DateTime takenUtc, string keptIn, bool signedOut, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} asked to restore the backup {Backup}; refused, nothing changed: {Reason}")]
    private partial void LogRefused(string userId, string backup, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "User {UserId} asked to restore the backup {Backup}, and the restore failed: check the data directory")]
    private partial void LogFailed(Exception exception, string userId, string backup);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The data-protection key ring was not read again within {Seconds} s of a restore")]
    private partial void LogKeyRingStale(double seconds);
}
