namespace CxMaturity.Web.Features.Kpis;

/// <summary>One measurement; <paramref name="N"/> and <paramref name="MarginOfError"/> only when computed from ratings.</summary>
public sealed record MeasurementView(
    int Id, DateOnly Date, double Value, long? N, double? MarginOfError, bool SmallSample, string Source, string Note);

/// <summary>
/// A KPI with where it stands: its latest measurement, status against target, trend against the measurement before
/// (docs/RULES.md §8.3), when the next is due, and every measurement, oldest first.
/// </summary>
public sealed record KpiView(
    int Id,
    string Name,
    KpiKind Kind,
    string Unit,
    KpiDirection Direction,
    double? Target,
    string? JourneyStage,
    MeasurementFrequency Frequency,
    IReadOnlyList<string> DimensionIds,
    string? OwnerUserId,
    string? OwnerName,
    MeasurementView? Latest,
    KpiStatus Status,
    KpiTrend Trend,
    DateOnly NextDue,
    bool Overdue,
    Guid Version,
    IReadOnlyList<MeasurementView> Measurements);

/// <summary>An organisation's KPIs, what may be chosen for them, and the journey-stage coverage.</summary>
public sealed record KpiListView(
    int OrganisationId,
    string OrganisationName,
    OrganisationRole YourRole,
    IReadOnlyList<KpiView> Kpis,
    IReadOnlyList<JourneyStageCoverage> Coverage,
    IReadOnlyList<string> JourneyStages,
    IReadOnlyList<KpiDimensionChoice> Dimensions,
    IReadOnlyList<KpiOwnerChoice> Owners);

/// <summary>A dimension a KPI may be linked to.</summary>
public sealed record KpiDimensionChoice(string Id, string Title);

/// <summary>A member who may own a KPI.</summary>
public sealed record KpiOwnerChoice(string UserId, string Name);
