namespace CxMaturity.Web.Data;

/// <summary>
/// One line of an organisation's audit log: who changed what, when, from what to what. Written by the change's own
/// SaveChanges (so in its transaction) and never changed or removed: the context refuses to, and the database has
/// triggers that refuse UPDATE and DELETE.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public int OrganisationId { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The member who made the change; null for a respondent in an anonymous round, or through an invitation link.</summary>
    public string? UserId { get; set; }

    /// <summary>What kind of record: Answer, Targets, Roadmap, KPI, Measurement, Project, RACI, Role, Membership.</summary>
    public string Area { get; set; } = "";

    /// <summary>Which record, in words ("Project “Fix refunds”").</summary>
    public string Subject { get; set; } = "";

    /// <summary>Created, changed, deleted …</summary>
    public string Action { get; set; } = "";

    public string? Before { get; set; }

    public string? After { get; set; }

    /// <summary>
    /// The round an answer line belongs to: while that round is anonymous (it can become so while open) the log shows
    /// the line without the respondent, their account or the time of day.
    /// </summary>
    public int? RoundId { get; set; }
}
