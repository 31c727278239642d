using System.Net.Mail;

namespace CxMaturity.Assessment.Common;

/// <summary>What counts as an email address a respondent can be reached at.</summary>
public static class EmailAddresses
{
    /// <summary>
    /// A single address of at most <see cref="FieldLimits.Email"/> characters, with no display name, whose domain has
    /// a dot inside it (<c>ben@example</c> is a typo more often than an address anyone can receive mail at).
    /// </summary>
    public static bool IsValid(string? email) =>
        !string.IsNullOrWhiteSpace(email)
        && email.Length <= FieldLimits.Email
        && MailAddress.TryCreate(email, out var parsed)
        && string.Equals(parsed.Address, email, StringComparison.Ordinal)
        && parsed.Host.Trim('.').Contains('.', StringComparison.Ordinal);

    /// <summary>The key two addresses are compared by: the same address in other letter case is the same person.</summary>
    public static string Key(string email) => email.Trim().ToUpperInvariant();
}
