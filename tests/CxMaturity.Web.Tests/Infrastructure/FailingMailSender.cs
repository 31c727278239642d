using CxMaturity.Web.Features.Mail;

namespace CxMaturity.Web.Tests.Infrastructure;

/// <summary>A mail sender that fails the first <see cref="FailuresLeft"/> sends as a refusing server would, then keeps what it is given.</summary>
public sealed class FailingMailSender : IMailSender
{
    public int FailuresLeft { get; set; }

    public List<OutgoingMessage> Sent { get; } = [];

    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        if (FailuresLeft-- > 0)
        {
            throw new IOException("Connection refused (test)");
        }

        Sent.Add(message);
        return Task.CompletedTask;
    }
}
