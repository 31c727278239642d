using MimeKit;

namespace CxMaturity.Web.Features.Mail;

/// <summary>Turns an <see cref="OutgoingMessage"/> into a MIME message with both parts, the same for SMTP and the outbox.</summary>
internal static class MimeMessages
{
    public static MimeMessage From(OutgoingMessage message, MailOptions options, DateTimeOffset now)
    {
        var mime = new MimeMessage { Subject = message.Subject, Date = now };
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Headers.Add("X-CxMaturity-Kind", message.Kind);
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 2369 and RFC 8058: mail programs offer "unsubscribe", and may do it with one POST to the same link.
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        return mime;
    }
}
