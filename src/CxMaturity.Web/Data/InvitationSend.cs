namespace CxMaturity.Web.Data;

/// <summary>
/// One invitation email to send to a respondent, kept until it has gone: the send job claims it, sends it with a new
/// link, and marks it sent; a failure is recorded and tried again later. Nothing is dropped.
/// </summary>
public sealed class InvitationSend
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int RespondentId { get; set; }

    public Respondent? Respondent { get; set; }

    public string RequestedByUserId { get; set; } = "";

    public DateTime RequestedUtc { get; set; }

    /// <summary>When the message went out; null while it waits.</summary>
    public DateTime? SentUtc { get; set; }

    /// <summary>Why it was not sent after all (the round closed, the respondent handed in); null otherwise.</summary>
    public string? Skipped { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Not tried again before this time (back-off after a failure).</summary>
    public DateTime NextAttemptUtc { get; set; }

    /// <summary>A send job working on it until this time; another job leaves it alone meanwhile.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
}
