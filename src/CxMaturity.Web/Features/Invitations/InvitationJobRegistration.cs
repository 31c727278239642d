using Hangfire;

namespace CxMaturity.Web.Features.Invitations;

/// <summary>
/// Registers the recurring invitation job at every start (Hangfire's storage is in memory): each minute it sends
/// what is due, which also picks up emails queued before a restart and failed ones whose back-off has passed.
/// </summary>
internal sealed class InvitationJobRegistration(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<InvitationSender>(InvitationSender.JobId, sender => sender.SendDueAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
