using CxMaturity.Assessment.Governance;

namespace CxMaturity.Web.Data;

/// <summary>A key performance indicator an organisation watches (docs/RULES.md §8.2–8.3).</summary>
public sealed class Kpi : IVersioned
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public string Name { get; set; } = "";

    public KpiKind Kind { get; set; }

    /// <summary>What the value is in ("points", "%", "of 7"); shown after figures.</summary>
    public string Unit { get; set; } = "";

    public KpiDirection Direction { get; set; }

    public double? Target { get; set; }

    /// <summary>One of the model's journey stages, or none.</summary>
    public string? JourneyStage { get; set; }

    public MeasurementFrequency Frequency { get; set; }

    /// <summary>The member who owns the KPI (reminders go to them), if any.</summary>
    public string? OwnerUserId { get; set; }

    public AppUser? OwnerUser { get; set; }

    /// <summary>The model dimensions the KPI is an outcome of; shown beside them on results.</summary>
    public List<string> DimensionIds { get; set; } = [];

    public DateTime CreatedUtc { get; set; }

    public List<KpiMeasurement> Measurements { get; set; } = [];

    public Guid Version { get; set; }
}

/// <summary>
/// One measurement of a KPI: a value typed in, or computed from raw ratings, in which case the rating counts are
/// kept (so that figures can be checked and pooled) with n and the margin of error.
/// </summary>
public sealed class KpiMeasurement
{
    public int Id { get; set; }

    public int KpiId { get; set; }

    public Kpi? Kpi { get; set; }

    public DateOnly Date { get; set; }

    public double Value { get; set; }

    /// <summary>How many ratings, when computed from ratings.</summary>
    public long? N { get; set; }

    /// <summary>The 95 % margin of error, when computed from ratings.</summary>
    public double? MarginOfError { get; set; }

    /// <summary>How often each rating was given, lowest rating first ("3,0,1,…"), when computed from ratings.</summary>
    public string? RatingCounts { get; set; }

    public string Source { get; set; } = "";

    public string Note { get; set; } = "";

    public string? CreatedByUserId { get; set; }

    public DateTime CreatedUtc { get; set; }
}
