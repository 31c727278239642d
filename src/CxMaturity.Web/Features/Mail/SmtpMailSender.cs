using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Mail;

/// <summary>
/// Sends over SMTP with MailKit. One connection is kept open between messages sent less than
/// <see cref="KeepOpen"/> apart, so that the mail job's batch of a thousand reminders pays the connection, TLS and
/// sign-in once rather than a thousand times; messages go one at a time over it. A connection the server has dropped
/// meanwhile is noticed before the message goes and a new one is opened.
/// </summary>
internal sealed class SmtpMailSender(IOptions<MailOptions> options, TimeProvider time) : IMailSender, IAsyncDisposable
{
    /// <summary>How long an idle connection is reused; after that a message opens a new one.</summary>
    public static readonly TimeSpan KeepOpen = TimeSpan.FromSeconds(30);

    /// <summary>How long connecting, signing in or sending may take before it counts as failed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;
    private DateTimeOffset _lastUsed;

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var mime = MimeMessages.From(message, settings, time.GetUtcNow());
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var client = await ConnectedAsync(settings.Smtp, cancellationToken);
            try
            {
                await client.SendAsync(mime, cancellationToken);
                _lastUsed = time.GetUtcNow();
            }
            catch (Exception e) when (e is not SmtpCommandException)
            {
                // The connection's state is unknown (a server that refused a recipient keeps it usable): drop it.
                await DropAsync();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    // The container may dispose this twice (it is registered itself and as IMailSender); the gate needs no disposing.
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await DropAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    internal static SecureSocketOptions Security(string value) => value switch
    {
        "StartTls" => SecureSocketOptions.StartTls,
        "SslOnConnect" => SecureSocketOptions.SslOnConnect,
        "None" => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };

    private async Task<SmtpClient> ConnectedAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } open && time.GetUtcNow() - _lastUsed < KeepOpen)
        {
            try
            {
                await open.NoOpAsync(cancellationToken); // still there?
                return open;
            }
            catch (Exception e) when (e is ServiceNotConnectedException or IOException or SmtpProtocolException or SmtpCommandException)
            {
                await DropAsync();
            }
        }

        await DropAsync();
        // MailKit waits two minutes by default; a server that drops packets must not hold the one job worker that long.
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return _client = client;
    }

    private async Task DropAsync()
    {
        if (_client is not { } client)
        {
            return;
        }

        _client = null;
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is IOException or ServiceNotConnectedException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // Closing a connection that is already gone.
        }
        finally
        {
            client.Dispose();
        }
    }
}
