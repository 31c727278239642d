namespace CxMaturity.Web.Features.Mail;

/// <summary>
/// How CxMaturity sends email (the <c>Mail</c> section). With <see cref="SmtpOptions.Host"/> set, over SMTP with
/// MailKit; without it, every message is written as an <c>.eml</c> file to the outbox folder under
/// <c>Data:Directory</c>, to read or forward by hand.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>The sender's address.</summary>
    public string FromAddress { get; set; } = "cxmaturity@localhost.localdomain";

    /// <summary>The sender's name, as mail programs show it.</summary>
    public string FromName { get; set; } = "CxMaturity";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>True when messages go out over SMTP rather than into the outbox folder.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

/// <summary>The SMTP server (<c>Mail:Smtp</c>); credentials may come from the environment (<c>Mail__Smtp__Password</c>).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c> (STARTTLS when offered), <c>StartTls</c> (required), <c>SslOnConnect</c> or <c>None</c>.</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
