namespace CxMaturity.Web.Features.Mail;

/// <summary>The one way CxMaturity sends email: over SMTP when configured, otherwise into the outbox folder.</summary>
public interface IMailSender
{
    /// <summary>Sends the message, or throws: a caller that must not lose it keeps it until this returns.</summary>
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default);
}
