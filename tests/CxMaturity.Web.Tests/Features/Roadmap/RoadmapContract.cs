using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Features.Api;

namespace CxMaturity.Web.Tests.Features.Roadmap;

/// <summary>
/// The roadmap as the API's contract states it, for reading responses back: the API serialises the roadmap's views,
/// and these records pin the field names and types a client relies on.
/// </summary>
public sealed record RoadmapJson(
    int AssessmentId,
    string Name,
    ModelRef Model,
    int RespondentsCounted,
    double TotalPriority,
    IReadOnlyList<RoadmapItemJson> Items,
    IReadOnlyDictionary<string, int> Targets,
    IReadOnlyDictionary<string, double> Gaps,
    IReadOnlyList<DimensionProjection> Projection);

/// <summary>One item as the API returns it.</summary>
public sealed record RoadmapItemJson(
    string InitiativeId,
    string DimensionId,
    string DimensionTitle,
    int From,
    int To,
    string Title,
    int Impact,
    int Effort,
    double Priority,
    Horizon Horizon,
    Horizon ComputedHorizon,
    RoadmapItemStatus Status,
    string? Owner,
    string? Notes,
    int? ProjectId,
    double ParetoShare,
    bool VitalFew,
    string OwnerRole,
    IReadOnlyList<string> Kpis,
    Guid? Version,
    DateTime? UpdatedUtc);
