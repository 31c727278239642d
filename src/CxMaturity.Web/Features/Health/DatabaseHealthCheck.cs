using CxMaturity.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxMaturity.Web.Features.Health;

/// <summary>
/// Healthy when the database answers a query that reads one of its tables; opening a connection alone proves
/// nothing, since SQLite reads the file only when a statement needs it.
/// </summary>
internal sealed partial class DatabaseHealthCheck(IDbContextFactory<AppDbContext> contextFactory, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await db.Organisations.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The reason goes to the log only: the answer to a monitor carries no exception text or path.
            LogFailed(logger, exception);
            return new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Health check: the database does not answer.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
