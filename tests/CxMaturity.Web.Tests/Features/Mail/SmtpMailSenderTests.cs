using System.Globalization;
using CxMaturity.Web.Features.Mail;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;

namespace CxMaturity.Web.Tests.Features.Mail;

/// <summary>The SMTP sender keeps one connection for messages sent close together and opens a new one after a pause.</summary>
public sealed class SmtpMailSenderTests
{
    [Fact]
    public async Task Messages_sent_close_together_share_one_connection_and_one_after_a_pause_opens_a_new_one()
    {
        using var first = SimpleSmtpServer.Start();
        var options = new MailOptions { FromAddress = "cx@example.com", Smtp = new SmtpOptions { Host = "127.0.0.1", Port = first.Configuration.Port, Security = "None" } };
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
        await using var sender = new SmtpMailSender(Options.Create(options), time);

        for (var i = 1; i <= 3; i++)
        {
            await sender.SendAsync(Message(i));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await WaitForAsync(() => first.ReceivedEmailCount == 3);
        Assert.Equal(["Message 1", "Message 2", "Message 3"], first.ReceivedEmail.Select(m => m.Subject).Order(StringComparer.Ordinal));

        // The first server stops listening: a fourth message still reaches it, so it went over the open connection.
        first.Stop();
        await sender.SendAsync(Message(4));
        await WaitForAsync(() => first.ReceivedEmailCount == 4);

        // After a pause longer than KeepOpen the next message opens a new connection (here to another server).
        using var second = SimpleSmtpServer.Start();
        options.Smtp.Port = second.Configuration.Port;
        time.Advance(SmtpMailSender.KeepOpen + TimeSpan.FromSeconds(1));
        await sender.SendAsync(Message(5));

        await WaitForAsync(() => second.ReceivedEmailCount == 1);
        Assert.Equal("Message 5", second.ReceivedEmail.Single().Subject);
    }

    private static OutgoingMessage Message(int number) =>
        new("test", "ada@example.com", "Ada", $"Message {number.ToString(CultureInfo.InvariantCulture)}", "Text", "<p>Html</p>");

    // The server may record a message a moment after it answered the client.
    private static async Task WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
