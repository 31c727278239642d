using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Mail;

/// <summary>One email not yet gone: the domain it is for and why it waits, but not who or what it says (organisations' data).</summary>
public sealed record WaitingMailView(string Kind, string ToAddress, DateTime CreatedUtc, int Attempts, string? LastError, DateTime NextAttemptUtc);

/// <summary>The state of outgoing mail for site administrators.</summary>
public sealed record MailStatusView(bool UsesSmtp, int Waiting, int Failing, int SentLastWeek, IReadOnlyList<WaitingMailView> NotSent);

/// <summary>
/// What site administrators see of the mail: reminders and invitations waiting or failing, with their errors and
/// when each is tried again, each address masked to its first letter and domain. Never the message itself: an
/// administrator reads no organisation's data.
/// </summary>
public sealed class MailStatusService(IDbContextFactory<AppDbContext> contextFactory, Microsoft.Extensions.Options.IOptions<MailOptions> options, TimeProvider time)
{
    public const int MaxListed = 200;

    /// <exception cref="ForbiddenException">The caller is not a site administrator.</exception>
    public async Task<MailStatusView> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await SiteAdministrators.RequireAsync(db, userId, "see the mail", cancellationToken);

        var weekAgo = time.GetUtcNow().UtcDateTime.AddDays(-7);
        var mails = await db.OutgoingMails.AsNoTracking().Where(m => m.SentUtc == null)
            .OrderByDescending(m => m.Attempts).ThenBy(m => m.CreatedUtc).Take(MaxListed)
            .Select(m => new WaitingMailView(m.Kind, m.ToAddress, m.CreatedUtc, m.Attempts, m.LastError, m.NextAttemptUtc))
            .ToListAsync(cancellationToken);
        var invitations = await db.InvitationSends.AsNoTracking().Where(s => s.SentUtc == null && s.Skipped == null)
            .OrderByDescending(s => s.Attempts).ThenBy(s => s.RequestedUtc).Take(MaxListed)
            .Select(s => new WaitingMailView("invitation", s.Respondent!.Email, s.RequestedUtc, s.Attempts, s.LastError, s.NextAttemptUtc))
            .ToListAsync(cancellationToken);
        var waiting = await db.OutgoingMails.CountAsync(m => m.SentUtc == null, cancellationToken)
            + await db.InvitationSends.CountAsync(s => s.SentUtc == null && s.Skipped == null, cancellationToken);
        var failing = await db.OutgoingMails.CountAsync(m => m.SentUtc == null && m.LastError != null, cancellationToken)
            + await db.InvitationSends.CountAsync(s => s.SentUtc == null && s.Skipped == null && s.LastError != null, cancellationToken);
        var sent = await db.OutgoingMails.CountAsync(m => m.SentUtc >= weekAgo, cancellationToken)
            + await db.InvitationSends.CountAsync(s => s.SentUtc >= weekAgo, cancellationToken);
        return new MailStatusView(
            options.Value.UsesSmtp, waiting, failing, sent,
            [.. mails.Concat(invitations).OrderByDescending(m => m.Attempts).ThenBy(m => m.CreatedUtc).Take(MaxListed).Select(m => m with { ToAddress = Masked(m.ToAddress) })]);
    }

    /// <summary>
    /// An address as administrators see it: the domain (which tells a relay problem) and the first letter, so that
    /// the page names no organisation's people (<c>ada.lovelace@example.com</c> → <c>a…@example.com</c>).
    /// </summary>
    public static string Masked(string address)
    {
        var at = address.LastIndexOf('@');
        return at <= 0 ? "…" : $"{address[0]}…{address[at..]}";
    }
}
