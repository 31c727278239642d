using System.Net;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Mail;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Components.Account;

/// <summary>
/// The account pages' emails (confirm an address, reset a password, "you already have an account"), queued in the
/// outbox like every other email, and the mail job started at once to send them. Links arrive HTML-encoded, as the account pages pass them,
/// and are built from <c>App:PublicUrl</c>.
/// </summary>
internal sealed class AccountEmailSender(IDbContextFactory<AppDbContext> contexts, IBackgroundJobClient jobs, TimeProvider time) : IEmailSender<AppUser>
{
    public const string Kind = "account";

    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        QueueAsync(email, user.DisplayName, "Confirm your CxMaturity account",
            "Open this link to confirm your email address and finish creating your CxMaturity account:", WebUtility.HtmlDecode(confirmationLink),
            "If you did not ask for an account, ignore this email: nothing happens without the link.");

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        QueueAsync(email, user.DisplayName, "Reset your CxMaturity password",
            "Open this link to choose a new password:", WebUtility.HtmlDecode(resetLink),
            "If you did not ask for it, ignore this email: your password stays as it is.");

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        QueueAsync(email, user.DisplayName, "Reset your CxMaturity password",
            $"Your code to reset your password: {resetCode}", null,
            "If you did not ask for it, ignore this email: your password stays as it is.");

    /// <summary>
    /// Told to the owner of an address someone tried to create an account with: the registration page says the same
    /// whether or not the address has an account, and only this email tells.
    /// </summary>
    public Task SendAlreadyRegisteredAsync(AppUser user, string signInLink, string resetLink) =>
        QueueAsync(user.Email ?? "", user.DisplayName, "You already have a CxMaturity account",
            "Someone, probably you, tried to create a CxMaturity account with this email address, which already has one. Sign in here:", signInLink,
            $"Forgot your password? Choose a new one: {resetLink}. If it was not you, ignore this email: nothing has changed.");

    private async Task QueueAsync(string email, string name, string subject, string lead, string? link, string note)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var greeting = string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name},";
        var text = $"{greeting}\n\n{lead}\n{(link is null ? "" : link + "\n")}\n{note}\n\n— CxMaturity\n";
        var html = $"<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\"><p>{E(greeting)}</p><p>{E(lead)}" +
                   (link is null ? "" : $"<br><a href=\"{E(link)}\">{E(link)}</a>") +
                   $"</p><p>{E(note)}</p><p>— CxMaturity</p></body></html>";
        await using var db = await contexts.CreateDbContextAsync();
        db.OutgoingMails.Add(new OutgoingMail
        {
            Kind = Kind,
            ToAddress = email,
            ToName = name,
            Subject = subject,
            Text = text,
            Html = html,
            CreatedUtc = now,
            NextAttemptUtc = now,
        });
        await db.SaveChangesAsync();

        // Sent now rather than at the mail job's next minute: the person is waiting for it.
        jobs.Enqueue<MailQueue>(queue => queue.SendDueAsync(CancellationToken.None));
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
