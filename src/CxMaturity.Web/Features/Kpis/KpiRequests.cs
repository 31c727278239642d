namespace CxMaturity.Web.Features.Kpis;

/// <summary>A KPI as created or edited: every field of it.</summary>
public sealed record KpiRequest(
    string Name,
    KpiKind Kind,
    KpiDirection Direction,
    MeasurementFrequency Frequency,
    string? Unit = null,
    double? Target = null,
    string? JourneyStage = null,
    IReadOnlyList<string>? DimensionIds = null,
    string? OwnerUserId = null);

/// <summary>A measurement: a value typed in, or raw ratings to compute it from (NPS, CSAT, CES), never both.</summary>
public sealed record MeasurementRequest(
    DateOnly? Date,
    double? Value = null,
    IReadOnlyList<int>? Ratings = null,
    string? Source = null,
    string? Note = null);
