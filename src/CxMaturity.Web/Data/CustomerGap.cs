namespace CxMaturity.Web.Data;

/// <summary>A problem customers meet, in the organisation's customer-gap register (docs/RULES.md §8.5).</summary>
public sealed class CustomerGap : IVersioned
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Where it was heard: complaints, a survey, the contact centre…</summary>
    public string Source { get; set; } = "";

    /// <summary>One of the organisation's root-cause categories.</summary>
    public string RootCause { get; set; } = "";

    /// <summary>How much it weighs: occurrences by default.</summary>
    public double Score { get; set; } = 1;

    public DateTime CreatedUtc { get; set; }

    public Guid Version { get; set; }
}
