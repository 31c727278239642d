using System.Text.Json.Serialization;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Features.Api;
using CxMaturity.Web.Features.Results;

namespace CxMaturity.Web.Features.Roadmap;

/// <summary>
/// A round's roadmap (RULES.md §6) at full precision: the items in roadmap order (horizon, priority descending,
/// dimension order, initiative id), the effective target and the gap of every dimension with a score, and the
/// projected stages. <paramref name="TotalPriority"/> is the sum of the priorities of the items not rejected, the
/// denominator of the Pareto shares.
/// </summary>
public sealed record RoadmapDto(
    int AssessmentId,
    string Name,
    ModelRef Model,
    int RespondentsCounted,
    double TotalPriority,
    IReadOnlyList<RoadmapItemView> Items,
    IReadOnlyDictionary<string, int> Targets,
    IReadOnlyDictionary<string, double> Gaps,
    IReadOnlyList<DimensionProjection> Projection)
{
    public static RoadmapDto From(RoadmapView view) => new(
        view.RoundId,
        view.RoundName,
        new ModelRef(view.Model.Id, view.Model.Version, view.Model.Title),
        view.RespondentsCounted,
        view.TotalPriority,
        view.Items,
        view.Dimensions.Where(d => d.Target is not null).ToDictionary(d => d.DimensionId, d => d.Target!.Value),
        view.Dimensions.Where(d => d.Gap is not null).ToDictionary(d => d.DimensionId, d => d.Gap!.Value),
        [.. view.Dimensions.Where(d => d.Projection is not null).Select(d => d.Projection!)]);
}

/// <summary>
/// The CX lead's edit of an item: every field is replaced. <paramref name="Horizon"/> null keeps the computed lane.
/// <paramref name="Version"/> is the item's version from GET (null for an item never edited); a stale one is a 409.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RoadmapItemEditDto(
    RoadmapItemStatus Status,
    Guid? Version,
    Horizon? Horizon = null,
    string? Owner = null,
    string? Notes = null);

/// <summary>
/// What <c>PUT targets</c> did: the round's targets as saved (as in the round itself), and the roadmap items the new
/// targets added and dropped (RULES.md §6.10) with the number kept. Both lists are empty while the round has no
/// submitted answers, since there is no roadmap yet.
/// </summary>
public sealed record TargetsSavedDto(
    IReadOnlyList<TargetView> Targets,
    IReadOnlyList<RoadmapChangeView> Added,
    IReadOnlyList<RoadmapChangeView> Dropped,
    int Kept)
{
    public static TargetsSavedDto From(TargetsSavedView view) => new(
        view.Targets,
        view.Added,
        view.Dropped,
        view.Kept);
}

