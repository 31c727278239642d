using System.Security.Cryptography;
using CxMaturity.Assessment.Reminders;
using Microsoft.AspNetCore.DataProtection;

namespace CxMaturity.Web.Features.Notifications;

/// <summary>
/// The unsubscribe link in a reminder email: it names the user and the kind of reminder, signed and encrypted with
/// the app's data-protection keys, so that it works without signing in and cannot be made up for someone else.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("CxMaturity.Reminders.Unsubscribe.v1");

    /// <summary>The page path for <paramref name="userId"/> and <paramref name="kind"/>.</summary>
    public string PathFor(string userId, ReminderKind kind) => "/unsubscribe/" + _protector.Protect($"{userId}\n{kind}");

    /// <summary>Whose and which kind the token is; null when it is not one of ours.</summary>
    public (string UserId, ReminderKind Kind)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('\n');
            return parts is [var userId, var kind] && Enum.TryParse<ReminderKind>(kind, out var parsed) ? (userId, parsed) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
