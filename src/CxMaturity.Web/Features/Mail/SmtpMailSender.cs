using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Mail;

/// <summary>Sends over SMTP with MailKit: one connection a message, as mail is sent a few at a time.</summary>
internal sealed class SmtpMailSender(IOptions<MailOptions> options, TimeProvider time) : IMailSender
{
    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        using var mime = MimeMessages.From(message, settings, time.GetUtcNow());
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    internal static SecureSocketOptions Security(string value) => value switch
    {
        "StartTls" => SecureSocketOptions.StartTls,
        "SslOnConnect" => SecureSocketOptions.SslOnConnect,
        "None" => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };
}
