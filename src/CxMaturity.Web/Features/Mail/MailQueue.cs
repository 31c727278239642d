using CxMaturity.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Mail;

/// <summary>
/// Sends the emails waiting in <see cref="AppDbContext.OutgoingMails"/> through the mail component. Each is claimed
/// first (a conditional update, so two runs never send the same one), sent, and marked sent; a failure is recorded
/// with its error and tried again with back-off (1, 2, 4 … minutes, at most an hour) until it goes. Nothing is dropped.
/// </summary>
public sealed class MailQueue(IDbContextFactory<AppDbContext> contextFactory, IMailSender mail, TimeProvider time, ILogger<MailQueue> logger)
{
    /// <summary>The name of the recurring job, as the Hangfire dashboard lists it.</summary>
    public const string JobId = "mail";

    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>Sends every email that is due; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var tried = new HashSet<long>();
        while (true)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var due = (await db.OutgoingMails.AsNoTracking()
                    .Where(m => m.SentUtc == null && m.NextAttemptUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                    .OrderBy(m => m.Id)
                    .Select(m => m.Id)
                    .Take(100)
                    .ToListAsync(cancellationToken))
                .Where(tried.Add)
                .ToList();
            if (due.Count == 0)
            {
                return sent;
            }

            foreach (var id in due)
            {
                if (await SendOneAsync(id, cancellationToken))
                {
                    sent++;
                }
            }
        }
    }

    private async Task<bool> SendOneAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.OutgoingMails
            .Where(m => m.Id == id && m.SentUtc == null && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntilUtc, now + ClaimFor), cancellationToken);
        if (claimed == 0)
        {
            return false; // another run has it, or it went meanwhile
        }

        var message = await db.OutgoingMails.SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await mail.SendAsync(
                new OutgoingMessage(message.Kind, message.ToAddress, message.ToName, message.Subject, message.Text, message.Html, message.UnsubscribeUrl),
                cancellationToken);
            (message.SentUtc, message.Attempts, message.LastError, message.ClaimedUntilUtc) = (time.GetUtcNow().UtcDateTime, message.Attempts + 1, null, null);
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Email {MailId} ({Kind}) failed (attempt {Attempt}); it will be tried again.", id, message.Kind, message.Attempts + 1);
            message.Attempts++;
            message.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            message.NextAttemptUtc = time.GetUtcNow().UtcDateTime + InvitationRules.BackOff(message.Attempts);
            message.ClaimedUntilUtc = null;
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
    }
}
