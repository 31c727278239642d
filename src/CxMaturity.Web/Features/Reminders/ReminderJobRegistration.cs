using Hangfire;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Reminders;

/// <summary>
/// Registers the recurring reminder job at every start with the cron of <c>Reminders:Cron</c> (Hangfire's storage is
/// in memory; the delivery table, not Hangfire, remembers what was delivered).
/// </summary>
internal sealed class ReminderJobRegistration(IRecurringJobManager jobs, IOptions<ReminderOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<ReminderJob>(ReminderJob.JobId, job => job.RunAsync(CancellationToken.None), options.Value.Cron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
