using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Backups;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Mail;

/// <summary>
/// Sends the emails waiting in <see cref="AppDbContext.OutgoingMails"/> through the mail component. A run claims a
/// batch in one statement (stamping its own token, so two runs never send the same email), sends each, and marks
/// each sent as soon as it has gone; a failure is recorded with its error and tried again with back-off (1, 2, 4 …
/// minutes, at most an hour) until it goes. Nothing is dropped. An email whose run stopped between sending and
/// marking is sent again once its claim has lapsed (15 minutes): at least once, never lost.
/// </summary>
public sealed class MailQueue(
    IDbContextFactory<AppDbContext> contextFactory, IMailSender mail, MaintenanceMode maintenance, TimeProvider time, ILogger<MailQueue> logger)
{
    /// <summary>The name of the recurring job, as the Hangfire dashboard lists it.</summary>
    public const string JobId = "mail";

    private const int BatchSize = 100;

    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(15);

    /// <summary>Sends every email that is due; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            // A batch at a time holds off a restore (and waits for one): claimed, sent and marked in the same database.
            using var lease = await maintenance.EnterAsync(cancellationToken);
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var token = Guid.NewGuid();
            var due = db.OutgoingMails
                .Where(m => m.SentUtc == null && m.NextAttemptUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                .OrderBy(m => m.Id)
                .Select(m => m.Id)
                .Take(BatchSize);
            var claimed = await db.OutgoingMails.Where(m => due.Contains(m.Id) && m.SentUtc == null && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntilUtc, now + ClaimFor).SetProperty(m => m.ClaimToken, token), cancellationToken);
            if (claimed == 0)
            {
                return sent;
            }

            var batch = await db.OutgoingMails.AsNoTracking().Where(m => m.ClaimToken == token && m.SentUtc == null).OrderBy(m => m.Id).ToListAsync(cancellationToken);
            foreach (var message in batch)
            {
                var outcome = await SendOneAsync(db, message, token, cancellationToken);
                if (outcome == Outcome.Sent)
                {
                    sent++;
                }
                else if (outcome == Outcome.ServerUnavailable)
                {
                    // The server, not this message, is the trouble: the rest of the batch waits the same back-off
                    // rather than each taking its own time-out, and the run ends.
                    var next = time.GetUtcNow().UtcDateTime + InvitationRules.BackOff(message.Attempts + 1);
                    await db.OutgoingMails.Where(m => m.ClaimToken == token && m.SentUtc == null)
                        .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptUtc, next).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null).SetProperty(m => m.ClaimToken, (Guid?)null), CancellationToken.None);
                    return sent;
                }
            }
        }
    }

    private enum Outcome
    {
        Sent,
        Refused,
        ServerUnavailable,
    }

    private async Task<Outcome> SendOneAsync(AppDbContext db, OutgoingMail message, Guid token, CancellationToken cancellationToken)
    {
        try
        {
            await mail.SendAsync(
                new OutgoingMessage(message.Kind, message.ToAddress, message.ToName, message.Subject, message.Text, message.Html, message.UnsubscribeUrl),
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var attempts = message.Attempts + 1;
            logger.LogWarning(e, "Email {MailId} ({Kind}) failed (attempt {Attempt}); it will be tried again.", message.Id, message.Kind, attempts);
            var error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            var next = time.GetUtcNow().UtcDateTime + InvitationRules.BackOff(attempts);
            await db.OutgoingMails.Where(m => m.Id == message.Id && m.ClaimToken == token).ExecuteUpdateAsync(
                u => u.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error).SetProperty(m => m.NextAttemptUtc, next)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null).SetProperty(m => m.ClaimToken, (Guid?)null),
                CancellationToken.None);

            // A server that answered and refused this one message (a bad recipient) can take the next; anything
            // else — no connection, a time-out, a failed sign-in, a full disk — would fail the next one too.
            return e is MailKit.Net.Smtp.SmtpCommandException ? Outcome.Refused : Outcome.ServerUnavailable;
        }

        // Sent: recorded as sent, whatever happens to this write (if it fails, the claim lapses and the email goes
        // again — at least once, never lost).
        var at = time.GetUtcNow().UtcDateTime;
        await db.OutgoingMails.Where(m => m.Id == message.Id && m.ClaimToken == token).ExecuteUpdateAsync(
            u => u.SetProperty(m => m.SentUtc, at).SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null).SetProperty(m => m.ClaimToken, (Guid?)null),
            CancellationToken.None);
        return Outcome.Sent;
    }
}
