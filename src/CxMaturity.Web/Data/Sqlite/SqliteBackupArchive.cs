using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using CxMaturity.Web.Data;
using CxMaturity.Web.Extensions;
using CxMaturity.Web.Features.Workbooks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Data.Sqlite;

/// <summary>
/// What a backup says about itself (<c>backup.json</c> in the archive); <paramref name="AppVersion"/>, the version of
/// CxMaturity that took it, is missing from backups taken before it was recorded.
/// </summary>
public sealed record BackupManifest(int Format, DateTime CreatedUtc, string LastMigration, long DatabaseBytes, string? AppVersion = null);

/// <summary>
/// One backup file: a zip archive with everything needed to run again — the SQLite database copied online (a
/// consistent snapshot taken while the app goes on writing, through SQLite's online backup API), the data-protection
/// keys (<c>keys/</c>: sign-in cookies, unsubscribe links, the calendar feeds' kept secrets), the questionnaire
/// signing key when it is a file, and <c>backup.json</c>. Restoring checks the archive and the database's integrity
/// before it replaces anything, and keeps what it replaced.
/// </summary>
public sealed class SqliteBackupArchive(IOptions<DataOptions> data, TimeProvider time)
{
    public const int Format = 1;
    public const string ManifestName = "backup.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>This build's version, as backups record it: the informational version (with the commit when known).</summary>
    public static string AppVersion { get; } =
        typeof(SqliteBackupArchive).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private string Directory => data.Value.Directory;

    /// <summary>Writes a backup to <paramref name="file"/> (whole or not at all) and says what it holds.</summary>
    public async Task<BackupManifest> CreateAsync(string file, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(file);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var snapshot = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.db");
        var temporary = target + ".tmp";
        try
        {
            // The online backup API copies every page in one step under a read transaction: a snapshot as of one
            // commit, while writers go on (write-ahead logging lets them).
            await using (var source = new SqliteConnection(SqliteConnectionString(data.Value.DatabasePath)))
            await using (var copy = new SqliteConnection(SqliteConnectionString(snapshot)))
            {
                await source.OpenAsync(cancellationToken);
                await copy.OpenAsync(cancellationToken);
                source.BackupDatabase(copy);
            }

            var manifest = new BackupManifest(
                Format, time.GetUtcNow().UtcDateTime, await LastMigrationAsync(snapshot, cancellationToken), new FileInfo(snapshot).Length, AppVersion);
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.WriteThrough))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(snapshot, DataOptions.DatabaseFileName, CompressionLevel.Fastest);
                var keys = Path.Combine(Directory, DataExtensions.KeysFolder);
                if (System.IO.Directory.Exists(keys))
                {
                    foreach (var key in System.IO.Directory.GetFiles(keys, "*.xml"))
                    {
                        zip.CreateEntryFromFile(key, $"{DataExtensions.KeysFolder}/{Path.GetFileName(key)}");
                    }
                }

                var signing = Path.Combine(Directory, WorkbookSigningKey.FileName);
                if (File.Exists(signing))
                {
                    zip.CreateEntryFromFile(signing, WorkbookSigningKey.FileName);
                }

                await using var manifestStream = zip.CreateEntry(ManifestName).Open();
                await JsonSerializer.SerializeAsync(manifestStream, manifest, Json, cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
            return manifest;
        }
        finally
        {
            File.Delete(snapshot);
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Replaces the database and keys with those of <paramref name="file"/>, with the app stopped or in maintenance
    /// mode (<see cref="Features.Backups.LiveRestore"/>). Nothing is replaced unless the archive is a CxMaturity backup
    /// whose database passes SQLite's integrity check; what was there is moved to <c>before-restore-&lt;time&gt;/</c>
    /// in the data directory.
    /// </summary>
    /// <exception cref="ValidationException">The file is not a backup that can be restored; the message says why.</exception>
    public Task<(BackupManifest Manifest, string KeptIn)> RestoreAsync(string file, CancellationToken cancellationToken = default) =>
        RestoreAsync(file, shownAs: null, cancellationToken);

    /// <inheritdoc cref="RestoreAsync(string, CancellationToken)"/>
    /// <param name="file">The backup file.</param>
    /// <param name="shownAs">How messages name the file (an uploaded file's own name); its full path unless given.</param>
    /// <param name="cancellationToken">Stops the checks; once files are being moved, they are all moved.</param>
    public async Task<(BackupManifest Manifest, string KeptIn)> RestoreAsync(string file, string? shownAs, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            throw ValidationException.For("file", $"There is no file {source}.");
        }

        shownAs ??= source;

        System.IO.Directory.CreateDirectory(Directory);
        var staging = Path.Combine(Directory, $".restore-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(staging);
        try
        {
            BackupManifest manifest;
            try
            {
                using var zip = ZipFile.OpenRead(source);
                manifest = await ManifestAsync(zip, shownAs, cancellationToken);
                foreach (var entry in zip.Entries)
                {
                    var name = entry.FullName;
                    var allowed = name == DataOptions.DatabaseFileName || name == WorkbookSigningKey.FileName || name == ManifestName
                        || (name.StartsWith(DataExtensions.KeysFolder + "/", StringComparison.Ordinal) && !name[(DataExtensions.KeysFolder.Length + 1)..].Contains('/') && name.EndsWith(".xml", StringComparison.Ordinal)
                            && !name.Contains("..", StringComparison.Ordinal));
                    if (!allowed)
                    {
                        throw Refused(shownAs, $"it holds “{name}”, which no backup holds");
                    }

                    if (name != ManifestName)
                    {
                        var path = Path.Combine(staging, name);
                        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        entry.ExtractToFile(path);
                    }
                }
            }
            catch (Exception e) when (Unreadable(e, shownAs) is { } refused)
            {
                throw refused;
            }

            var database = Path.Combine(staging, DataOptions.DatabaseFileName);
            if (!File.Exists(database))
            {
                throw Refused(shownAs, $"it holds no {DataOptions.DatabaseFileName}");
            }

            var integrity = await IntegrityAsync(database, cancellationToken);
            if (integrity != "ok")
            {
                throw Refused(shownAs, $"its database fails SQLite's integrity check: {integrity}");
            }

            // Checked: now move what is there aside and put the backup in its place.
            var stamp = $"before-restore-{time.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}";
            var kept = Path.Combine(Directory, stamp);
            for (var n = 2; System.IO.Directory.Exists(kept); n++)
            {
                kept = Path.Combine(Directory, $"{stamp}-{n}"); // a second restore within the second moves into a folder of its own
            }

            System.IO.Directory.CreateDirectory(kept);
            foreach (var name in new[] { DataOptions.DatabaseFileName, DataOptions.DatabaseFileName + "-wal", DataOptions.DatabaseFileName + "-shm", WorkbookSigningKey.FileName, DataExtensions.KeysFolder })
            {
                var current = Path.Combine(Directory, name);
                if (File.Exists(current))
                {
                    File.Move(current, Path.Combine(kept, name));
                }
                else if (System.IO.Directory.Exists(current))
                {
                    System.IO.Directory.Move(current, Path.Combine(kept, name));
                }

                var restored = Path.Combine(staging, name);
                if (File.Exists(restored))
                {
                    File.Move(restored, current);
                }
                else if (System.IO.Directory.Exists(restored))
                {
                    System.IO.Directory.Move(restored, current);
                }
            }

            return (manifest, kept);
        }
        finally
        {
            if (System.IO.Directory.Exists(staging))
            {
                System.IO.Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>
    /// What a backup file says about itself, read without restoring anything: to refuse a file before the app goes
    /// into maintenance for it. The restore checks it again, with the rest.
    /// </summary>
    /// <exception cref="ValidationException">The file is not a backup of a format this version reads; the message says why.</exception>
    public async Task<BackupManifest> ReadManifestAsync(string file, string shownAs, CancellationToken cancellationToken = default)
    {
        try
        {
            using var zip = ZipFile.OpenRead(file);
            return await ManifestAsync(zip, shownAs, cancellationToken);
        }
        catch (Exception e) when (Unreadable(e, shownAs) is { } refused)
        {
            throw refused;
        }
    }

    /// <summary>SQLite's <c>PRAGMA integrity_check</c> of a database file: <c>ok</c>, or what is wrong.</summary>
    public static async Task<string> IntegrityAsync(string databasePath, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join("; ", lines);
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    private static async Task<string> LastMigrationAsync(string databasePath, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1;";
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? "";
    }

    private static async Task<BackupManifest> ManifestAsync(ZipArchive zip, string shownAs, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(ManifestName) ?? throw Refused(shownAs, $"it has no {ManifestName}");
        BackupManifest manifest;
        await using (var stream = entry.Open())
        {
            manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken) ?? throw Refused(shownAs, $"its {ManifestName} is empty");
        }

        return manifest.Format == Format
            ? manifest
            : throw Refused(shownAs, $"it is in format {manifest.Format}, and this version reads format {Format}");
    }

    private static ValidationException? Unreadable(Exception exception, string shownAs) => exception switch
    {
        InvalidDataException e => Refused(shownAs, $"it is not a readable zip archive ({e.Message})"),
        JsonException e => Refused(shownAs, $"its {ManifestName} cannot be read ({e.Message})"),
        _ => null,
    };

    private static string SqliteConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    private static ValidationException Refused(string file, string why) =>
        ValidationException.For("file", $"{file} cannot be restored: {why}. Nothing was changed.");
}
