namespace CxMaturity.Web.Data;

/// <summary>
/// One reminder delivered: the source of truth for "exactly once". Its <see cref="Key"/> (kind, subject, the date it
/// is about, recipient — docs/RULES.md §8.6) is unique, so a second job run, or a run after a crash or a restart,
/// cannot deliver it again; the notification and the email are written in the same transaction as this row.
/// </summary>
public sealed class ReminderDelivery
{
    public long Id { get; set; }

    /// <summary><c>KpiDue|kpi:12|2026-11-30|user:…</c>, unique.</summary>
    public string Key { get; set; } = "";

    /// <summary>A <see cref="CxMaturity.Assessment.Reminders.ReminderKind"/> name, or <c>WeeklyDigest</c>.</summary>
    public string Kind { get; set; } = "";

    public int? OrganisationId { get; set; }

    public DateTime DeliveredUtc { get; set; }
}
