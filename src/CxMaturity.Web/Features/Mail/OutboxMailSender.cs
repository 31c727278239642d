using System.Globalization;
using System.Text;
using CxMaturity.Web.Data;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Mail;

/// <summary>
/// Writes each message as an <c>.eml</c> file (which any mail program opens) to <c>&lt;Data:Directory&gt;/outbox/</c>
/// when no SMTP server is configured. A file appears whole or not at all: it is written under a temporary name and
/// renamed. Its name says when, what and to whom: <c>20261130-142501-invitation-ada-example-com-3f9c2a.eml</c>.
/// </summary>
internal sealed class OutboxMailSender(IOptions<MailOptions> options, IOptions<DataOptions> data, TimeProvider time) : IMailSender
{
    public const string FolderName = "outbox";

    public string Folder => Path.Combine(data.Value.Directory, FolderName);

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        Directory.CreateDirectory(Folder);
        using var mime = MimeMessages.From(message, options.Value, now);
        var name = FileName(message, now);
        var temporary = Path.Combine(Folder, "." + name + ".tmp");
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await mime.WriteToAsync(file, cancellationToken);
        }

        File.Move(temporary, Path.Combine(Folder, name));
    }

    internal static string FileName(OutgoingMessage message, DateTimeOffset now)
    {
        var recipient = new StringBuilder();
        foreach (var c in message.ToAddress.ToLowerInvariant())
        {
            recipient.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var unique = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        var kind = string.Concat(message.Kind.Where(char.IsAsciiLetterOrDigit));
        var who = recipient.ToString().Trim('-');
        return string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd-HHmmss}-{kind}-{(who.Length > 60 ? who[..60] : who)}-{unique}.eml");
    }
}
