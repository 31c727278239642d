namespace CxMaturity.Web.Data;

/// <summary>
/// An email waiting to go (the transactional outbox): written in the same transaction as what it tells of, then
/// sent by the mail job through the mail component, tried again with back-off after a failure until it goes.
/// </summary>
public sealed class OutgoingMail
{
    public long Id { get; set; }

    /// <summary>What it is about, in a word (<c>reminder</c>, <c>digest</c>).</summary>
    public string Kind { get; set; } = "";

    public string ToAddress { get; set; } = "";

    public string ToName { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Text { get; set; } = "";

    public string Html { get; set; } = "";

    /// <summary>The link that stops this kind of email, also sent as the List-Unsubscribe header.</summary>
    public string? UnsubscribeUrl { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? SentUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Not tried again before this time (back-off after a failure).</summary>
    public DateTime NextAttemptUtc { get; set; }

    /// <summary>A mail job working on it until this time; another leaves it alone meanwhile.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }

    /// <summary>Which run claimed it: a run claims a batch in one statement, then reads back the rows with its token.</summary>
    public Guid? ClaimToken { get; set; }
}
