using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Data.Sqlite;

/// <summary>The <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt;</c> commands: a sentence for what was done or why not.</summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string verb, string file, TextWriter output, TextWriter error)
    {
        var archive = services.GetRequiredService<SqliteBackupArchive>();
        var data = services.GetRequiredService<IOptions<DataOptions>>().Value;
        try
        {
            if (verb == "backup")
            {
                if (!File.Exists(data.DatabasePath))
                {
                    await error.WriteLineAsync($"There is no database at {data.DatabasePath} to back up: check Data:Directory.");
                    return 1;
                }

                var made = await archive.CreateAsync(file);
                await output.WriteLineAsync(
                    $"Backed up {data.DatabasePath} ({made.DatabaseBytes:N0} bytes, migration {made.LastMigration}) with its keys to {Path.GetFullPath(file)}.");
                return 0;
            }

            var (manifest, kept) = await archive.RestoreAsync(file);
            await output.WriteLineAsync(
                $"Restored the backup of {manifest.CreatedUtc:yyyy-MM-dd HH:mm:ss} UTC into {data.Directory}; what was there is kept in {kept}. Start the app to use it.");
            return 0;
        }
        catch (ValidationException e)
        {
            await error.WriteLineAsync(string.Join(" ", e.Errors.SelectMany(x => x.Value)));
            return 1;
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"The {verb} failed: {e.Message}");
            return 1;
        }
    }
}
