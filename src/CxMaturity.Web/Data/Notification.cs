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

    /// <summary>
    /// Waiting for its user's weekly digest: written while they read reminders weekly and wanted this kind by email.
    /// The digest (or, when they go back to single emails, one last gathering email) takes it and clears this.
    /// </summary>
    public bool DigestPending { get; set; }
}
