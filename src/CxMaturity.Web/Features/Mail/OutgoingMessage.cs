namespace CxMaturity.Web.Features.Mail;

/// <summary>An email to send: one recipient, a plain-text part and an HTML part saying the same.</summary>
/// <param name="Kind">What it is about, in a word (<c>invitation</c>); names outbox files and log lines.</param>
/// <param name="UnsubscribeUrl">Where the recipient stops this kind of email; sent as the List-Unsubscribe header.</param>
public sealed record OutgoingMessage(string Kind, string ToAddress, string ToName, string Subject, string Text, string Html, string? UnsubscribeUrl = null);
