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
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        return mime;
    }
}
