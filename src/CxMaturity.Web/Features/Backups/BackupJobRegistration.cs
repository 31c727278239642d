using Hangfire;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Backups;

/// <summary>Registers the scheduled backup at every start with <c>Backup:Cron</c>, or removes it when that is empty.</summary>
internal sealed class BackupJobRegistration(IRecurringJobManager jobs, IOptions<BackupOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Cron))
        {
            jobs.RemoveIfExists(BackupService.JobId);
        }
        else
        {
            jobs.AddOrUpdate<BackupService>(BackupService.JobId, backups => backups.RunScheduledAsync(CancellationToken.None), options.Value.Cron);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
