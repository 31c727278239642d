using CxMaturity.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Data;

/// <summary>
/// Brings the database up to date before the app serves anything, and again after a backup is restored into the
/// running app: WAL mode, then pending migrations.
/// </summary>
public sealed partial class DatabaseMigrator(
    IDbContextFactory<AppDbContext> contextFactory,
    IOptions<DataOptions> options,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => MigrateAsync(cancellationToken);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await SqliteProvider.PrepareAsync(db, cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                LogApplying(pending.Count, options.Value.DatabasePath, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }

            LogReady(options.Value.DatabasePath);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) to {Path}: {Migrations}")]
    private partial void LogApplying(int count, string path, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Path} is up to date (WAL mode)")]
    private partial void LogReady(string path);
}
