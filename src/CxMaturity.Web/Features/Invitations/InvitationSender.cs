using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Backups;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Mail;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Respondents;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Invitations;

/// <summary>
/// The background job that sends invitation emails waiting in <see cref="AppDbContext.InvitationSends"/>. Each is
/// claimed first (a conditional update, so two jobs never send the same one), sent with a new link, and only then
/// marked sent with the link's hash stored: a link in a message that never left cannot work, and a send that fails
/// is tried again with back-off (1, 2, 4 … minutes, at most an hour) until it goes. It checks no access: what it
/// sends was queued by <see cref="InvitationService"/>, which does.
/// </summary>
public sealed class InvitationSender(
    IDbContextFactory<AppDbContext> contextFactory,
    IMailSender mail,
    PublicLinks links,
    ModelVersionStore models,
    MaintenanceMode maintenance,
    TimeProvider time,
    ILogger<InvitationSender> logger)
{
    /// <summary>The name of the recurring job, as the Hangfire dashboard lists it.</summary>
    public const string JobId = "invitations";

    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    /// <summary>Sends every invitation that is due; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            // A batch at a time holds off a restore (and waits for one): claimed, sent and marked in the same database.
            using var lease = await maintenance.EnterAsync(cancellationToken);
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var due = await db.InvitationSends.AsNoTracking()
                .Where(s => s.SentUtc == null && s.Skipped == null && s.NextAttemptUtc <= now && (s.ClaimedUntilUtc == null || s.ClaimedUntilUtc < now))
                .OrderBy(s => s.Id)
                .Select(s => s.Id)
                .Take(50)
                .ToListAsync(cancellationToken);
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

    private async Task<bool> SendOneAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.InvitationSends
            .Where(s => s.Id == id && s.SentUtc == null && s.Skipped == null && (s.ClaimedUntilUtc == null || s.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ClaimedUntilUtc, now + ClaimFor), cancellationToken);
        if (claimed == 0)
        {
            return false; // another job has it, or it went meanwhile
        }

        var send = await db.InvitationSends.Include(s => s.Respondent).SingleAsync(s => s.Id == id, cancellationToken);
        var respondent = send.Respondent!;
        var round = await db.Rounds.AsNoTracking().Where(r => r.Id == send.RoundId)
            .Select(r => new { r.Name, r.Status, r.ClosesOn, r.Anonymous, r.ModelVersionId, r.DimensionsInScope, Organisation = r.Organisation!.Name })
            .SingleAsync(cancellationToken);
        var skipped = InvitationRules.WhyNotSend(round.Status, respondent.Status, respondent.UserId is not null);
        if (skipped is not null)
        {
            (send.Skipped, send.ClaimedUntilUtc) = (skipped, null);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        try
        {
            var inviter = await db.Users.Where(u => u.Id == send.RequestedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
            var model = await models.LoadAsync(round.ModelVersionId, cancellationToken);
            var secret = Secrets.Create();
            var message = InvitationEmail.Compose(new InvitationEmail.Facts(
                respondent.Name, respondent.Email, string.IsNullOrWhiteSpace(inviter) ? round.Organisation : inviter, round.Organisation, round.Name,
                model.Dimensions.Where(d => round.DimensionsInScope.Contains(d.Id)).Sum(d => d.Questions.Count),
                round.ClosesOn, round.Anonymous, links.To(RespondentService.InvitationPath(secret))));
            await mail.SendAsync(message, cancellationToken);

            // Only a link that went out works: its hash replaces the respondent's previous one now.
            respondent.InvitationTokenHash = Secrets.Hash(secret);
            (send.SentUtc, send.Attempts, send.LastError, send.ClaimedUntilUtc) = (time.GetUtcNow().UtcDateTime, send.Attempts + 1, null, null);
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Invitation {SendId} to respondent {RespondentId} failed (attempt {Attempt}); it will be tried again.", id, respondent.Id, send.Attempts + 1);
            send.Attempts++;
            send.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            send.NextAttemptUtc = time.GetUtcNow().UtcDateTime + InvitationRules.BackOff(send.Attempts);
            send.ClaimedUntilUtc = null;
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
    }
}
