namespace CxMaturity.Web.Data;

/// <summary>An in-app notification: what the bell counts until its user reads it.</summary>
public sealed class Notification
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public int OrganisationId { get; set; }

    /// <summary>A <see cref="CxMaturity.Assessment.Reminders.ReminderKind"/> name.</summary>
    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The subject's page, relative to the site (<c>/organisations/3/kpis</c>).</summary>
    public string Link { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? ReadUtc { get; set; }

    /// <summary>Told by email already (on its own, or in a weekly digest); a digest gathers only those not yet told.</summary>
    public bool Emailed { get; set; }
}
