using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Common;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Invitations;

/// <summary>
/// Invitation emails of a round: queueing them, how far sending has got, and revoking a link. Owner and CX lead.
/// The sending itself is <see cref="InvitationSender"/>'s, in the background, so the page never waits for a mail server.
/// </summary>
public sealed class InvitationService(
    IDbContextFactory<AppDbContext> contextFactory,
    IBackgroundJobClient jobs,
    PublicLinks links,
    TimeProvider time)
{
    /// <summary>
    /// Queues an invitation email, each with a new personal link, to every invitee of the open round who has not
    /// handed in, or to the given ones only. Someone with an email still waiting is not queued twice. Links sent
    /// earlier stop working once the new one has gone.
    /// </summary>
    /// <exception cref="ConflictException">The round is not open, or no public URL is configured to build links from.</exception>
    public async Task<InvitationProgressView> SendAsync(
        string userId,
        int roundId,
        IReadOnlyCollection<int>? respondentIds = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var status = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.Status).SingleAsync(cancellationToken);
        if (status != RoundStatus.Open)
        {
            throw new ConflictException("Invitations go out while the round is open: open it first.");
        }

        if (!links.IsConfigured)
        {
            throw new ConflictException("App:PublicUrl is not set, so invitation links cannot be built: set it to the address people open CxMaturity at.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var invitees = await db.Respondents
            .Where(r => r.RoundId == roundId && r.UserId == null && r.Status != RespondentStatus.Submitted)
            .Where(r => respondentIds == null || respondentIds.Contains(r.Id))
            .Where(r => !db.InvitationSends.Any(s => s.RespondentId == r.Id && s.SentUtc == null && s.Skipped == null))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        db.InvitationSends.AddRange(invitees.Select(id => new InvitationSend
        {
            RoundId = roundId,
            RespondentId = id,
            RequestedByUserId = userId,
            RequestedUtc = now,
            NextAttemptUtc = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        if (invitees.Count > 0)
        {
            jobs.Enqueue<InvitationSender>(sender => sender.SendDueAsync(CancellationToken.None));
        }

        return await ProgressAsync(db, roundId, cancellationToken);
    }

    /// <summary>How the round's invitation emails stand: waiting, sent, failing (with the last error), per respondent.</summary>
    public async Task<InvitationProgressView> GetProgressAsync(string userId, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        return await ProgressAsync(db, roundId, cancellationToken);
    }

    /// <summary>Revokes a respondent's link at once: it stops working, and an email still waiting for them is not sent.</summary>
    public async Task RevokeAsync(string userId, int roundId, int respondentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var revoked = await db.Respondents.Where(r => r.Id == respondentId && r.RoundId == roundId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.InvitationTokenHash, (string?)null), cancellationToken);
        if (revoked == 0)
        {
            throw new NotFoundException($"Respondent {respondentId} was not found in this round.");
        }

        await db.InvitationSends.Where(s => s.RespondentId == respondentId && s.SentUtc == null && s.Skipped == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Skipped, "The link was revoked."), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<InvitationProgressView> ProgressAsync(AppDbContext db, int roundId, CancellationToken cancellationToken)
    {
        // The latest email of each respondent says where they stand.
        var latest = await db.InvitationSends.AsNoTracking()
            .Where(s => s.RoundId == roundId && s.Id == db.InvitationSends.Where(o => o.RespondentId == s.RespondentId).Max(o => o.Id))
            .Select(s => new InvitationStateView(s.RespondentId, s.SentUtc, s.Skipped, s.Attempts, s.LastError, s.SentUtc == null && s.Skipped == null ? s.NextAttemptUtc : null))
            .ToListAsync(cancellationToken);
        return new InvitationProgressView(
            latest.Count(s => s.SentUtc is not null),
            latest.Count(s => s.Waiting && s.LastError is null),
            latest.Count(s => s.Waiting && s.LastError is not null),
            latest.ToDictionary(s => s.RespondentId));
    }
}

/// <summary>Where a round's invitation emails stand: sent, waiting for their first try, and failing (to be tried again).</summary>
public sealed record InvitationProgressView(int Sent, int Waiting, int Failing, IReadOnlyDictionary<int, InvitationStateView> ByRespondent)
{
    /// <summary>Emails not sent yet; the page refreshes itself while there are any.</summary>
    public bool InProgress => Waiting + Failing > 0;
}

/// <summary>A respondent's latest invitation email.</summary>
public sealed record InvitationStateView(int RespondentId, DateTime? SentUtc, string? Skipped, int Attempts, string? LastError, DateTime? NextAttemptUtc)
{
    public bool Waiting => SentUtc is null && Skipped is null;
}
