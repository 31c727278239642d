using System.Globalization;
using CxMaturity.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Health;

/// <summary>
/// The free space on the volume holding <c>Data:Directory</c> (the database, its write-ahead log, backups, the
/// outbox): Degraded below <see cref="HealthOptions.MinimumFreeDiskMegabytes"/>, Unhealthy below
/// <see cref="HealthOptions.CriticalFreeDiskMegabytes"/>.
/// </summary>
internal sealed partial class DiskSpaceHealthCheck(IOptions<DataOptions> data, IOptions<HealthOptions> options, ILogger<DiskSpaceHealthCheck> logger) : IHealthCheck
{
    private const long Megabyte = 1024 * 1024;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        long free;
        try
        {
            // On Unix any path on the volume will do; on Windows the drive is taken from the path.
            free = new DriveInfo(data.Value.Directory).AvailableFreeSpace / Megabyte;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            LogFailed(logger, exception);
            return Task.FromResult(HealthCheckResult.Unhealthy("The free space on the data volume cannot be read."));
        }

        var (minimum, critical) = (options.Value.MinimumFreeDiskMegabytes, options.Value.CriticalFreeDiskMegabytes);
        var description = string.Create(
            CultureInfo.InvariantCulture, $"{free} MB free on the data volume; degraded below {minimum} MB, unhealthy below {critical} MB.");
        return Task.FromResult(
            free < critical ? HealthCheckResult.Unhealthy(description)
            : free < minimum ? HealthCheckResult.Degraded(description)
            : HealthCheckResult.Healthy(description));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Health check: the free space on the data volume cannot be read.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
