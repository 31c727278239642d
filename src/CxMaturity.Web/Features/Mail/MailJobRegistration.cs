using Hangfire;

namespace CxMaturity.Web.Features.Mail;

/// <summary>
/// Registers the recurring mail job at every start: each minute it sends the emails waiting in the outbox table,
/// which picks up those queued before a restart and failed ones whose back-off has passed.
/// </summary>
internal sealed class MailJobRegistration(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<MailQueue>(MailQueue.JobId, queue => queue.SendDueAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
