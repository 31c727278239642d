using System.Security.Cryptography;
using CxMaturity.Web.Data;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Workbooks;

/// <summary>
/// The HMAC key that signs questionnaire workbooks: <c>Workbooks:SigningKey</c> when configured, else 32
/// random bytes kept in <see cref="FileName"/> in the data directory, created on first use. A workbook signed under
/// one key is refused under another, so the file must survive restarts and travel with backups of the data directory.
/// </summary>
public sealed class WorkbookSigningKey(IOptions<WorkbookOptions> options, IOptions<DataOptions> data, ILogger<WorkbookSigningKey> logger)
{
    public const string FileName = "workbook-signing.key";

    private const int KeyBytes = 32;

    private Lazy<byte[]> _key = NewKey(options, data, logger);

    /// <summary>The key; a copy, so that no caller can change it.</summary>
    public byte[] Get() => (byte[])Volatile.Read(ref _key).Value.Clone();

    /// <summary>Forgets the key read so far: the next use reads the file again (a restore has put the backup's in place).</summary>
    public void Reload() => Volatile.Write(ref _key, NewKey(options, data, logger));

    private static Lazy<byte[]> NewKey(IOptions<WorkbookOptions> options, IOptions<DataOptions> data, ILogger logger) =>
        new(() => Load(options.Value, data.Value, logger), LazyThreadSafetyMode.ExecutionAndPublication);

    private static byte[] Load(WorkbookOptions options, DataOptions data, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            // Validated at start; a bad key never gets this far.
            return WorkbookOptionsValidator.DecodeKey(options.SigningKey)!;
        }

        var path = Path.Combine(data.Directory, FileName);
        if (TryRead(path) is { } existing)
        {
            return existing;
        }

        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        try
        {
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, file))
            {
                stream.Write(key);
                stream.Flush(flushToDisk: true);
            }

            logger.LogInformation("Created the questionnaire signing key {Path}. Keep it with the database: workbooks signed with it are refused without it.", path);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance sharing the data directory created it first: use theirs.
            return TryRead(path) ?? throw Unreadable(path);
        }
    }

    private static byte[]? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var key = File.ReadAllBytes(path);
        return key.Length >= KeyBytes ? key : throw Unreadable(path);
    }

    private static InvalidOperationException Unreadable(string path) => new(
        $"The questionnaire signing key {path} holds fewer than {KeyBytes} bytes. Restore it from a backup, or delete it " +
        "to create a new one (questionnaire workbooks handed out before then can no longer be imported).");
}
