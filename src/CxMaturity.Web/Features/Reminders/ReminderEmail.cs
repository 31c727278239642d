using System.Globalization;
using System.Net;
using System.Text;
using CxMaturity.Web.Data;

namespace CxMaturity.Web.Features.Reminders;

/// <summary>Writes reminder and digest emails: a plain-text part and an HTML part saying the same.</summary>
internal static class ReminderEmail
{
    /// <summary>One line of an email: what happened, and the page it is about (absolute, or null when unknown).</summary>
    public sealed record Line(string Label, string Organisation, string Title, string? Link);

    public static OutgoingMail Reminder(string toAddress, string toName, Line line, string? unsubscribe, string? note, DateTime now) =>
        Compose("reminder", toAddress, toName, Trim($"{line.Label}: {line.Title}"), $"Hello {toName},", [line], note, unsubscribe, now);

    /// <summary>A weekly digest dated by its <paramref name="monday"/>; without one, the last gathering of a user gone back to single emails.</summary>
    public static OutgoingMail Digest(string toAddress, string toName, DateOnly? monday, IReadOnlyList<Line> lines, string? settings, DateTime now) =>
        Compose("digest", toAddress, toName,
            monday is null ? $"Your CxMaturity reminders since your last digest: {lines.Count}" : $"Your CxMaturity week: {lines.Count} reminder{(lines.Count == 1 ? "" : "s")}",
            monday is { } day
                ? $"Hello {toName}, here is what CxMaturity reminded you of in the week before {day.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}:"
                : $"Hello {toName}, you now get reminders one by one; here is what CxMaturity reminded you of since your last digest:",
            lines, null, settings, now);

    private static OutgoingMail Compose(
        string kind, string toAddress, string toName, string subject, string greeting, IReadOnlyList<Line> lines, string? note, string? stop, DateTime now)
    {
        var text = new StringBuilder().AppendLine(greeting).AppendLine();
        var html = new StringBuilder($"<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\"><p>{E(greeting)}</p>");
        html.Append("<ul>");
        foreach (var line in lines)
        {
            text.AppendLine($"- {line.Label} ({line.Organisation}): {line.Title}");
            html.Append($"<li><strong>{E(line.Label)}</strong> ({E(line.Organisation)}): {E(line.Title)}");
            if (line.Link is not null)
            {
                text.AppendLine($"  Open it: {line.Link}");
                html.Append($" <a href=\"{E(line.Link)}\">Open it</a>");
            }

            html.Append("</li>");
        }

        html.Append("</ul>");
        if (note is not null)
        {
            text.AppendLine().AppendLine(note);
            html.Append($"<p>{E(note)}</p>");
        }

        text.AppendLine().AppendLine("— CxMaturity");
        html.Append("<p>— CxMaturity</p>");
        if (stop is not null)
        {
            var words = kind == "digest" ? "Choose which reminders you get by email" : $"Stop emails about “{lines[0].Label}”";
            text.AppendLine($"{words}: {stop}");
            html.Append($"<p style=\"color:#666;font-size:small\"><a href=\"{E(stop)}\">{E(words)}</a></p>");
        }

        html.Append("</body></html>");
        return new OutgoingMail
        {
            Kind = kind,
            ToAddress = toAddress,
            ToName = toName,
            Subject = subject,
            Text = text.ToString(),
            Html = html.ToString(),
            UnsubscribeUrl = kind == "digest" || stop is null ? null : stop + "/now",
            CreatedUtc = now,
            NextAttemptUtc = now,
        };
    }

    private static string Trim(string subject) => subject.Length <= 300 ? subject : subject[..299] + "…";

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
