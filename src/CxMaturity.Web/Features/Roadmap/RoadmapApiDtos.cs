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
    ModelRefDto Model,
    int RespondentsCounted,
    double TotalPriority,
    IReadOnlyList<RoadmapItemDto> Items,
    IReadOnlyDictionary<string, int> Targets,
    IReadOnlyDictionary<string, double> Gaps,
    IReadOnlyList<ProjectionDto> Projection)
{
    public static RoadmapDto From(RoadmapView view) => new(
        view.RoundId,
        view.RoundName,
        new ModelRefDto(view.Model.Id, view.Model.Version, view.Model.Title),
        view.RespondentsCounted,
        view.TotalPriority,
        [.. view.Items.Select(RoadmapItemDto.FromView)],
        view.Dimensions.Where(d => d.Target is not null).ToDictionary(d => d.DimensionId, d => d.Target!.Value),
        view.Dimensions.Where(d => d.Gap is not null).ToDictionary(d => d.DimensionId, d => d.Gap!.Value),
        [.. view.Dimensions.Where(d => d.Projection is not null).Select(d => ProjectionDto.From(d.Projection!))]);
}

/// <summary>
/// One roadmap item. <paramref name="From"/> and <paramref name="To"/> are stage levels; <paramref name="Priority"/>
/// is W_d × (I_d ÷ 3) × G_d × impact ÷ effort; <paramref name="Horizon"/> is the lane in force,
/// <paramref name="ComputedHorizon"/> the lane of rule 6; <paramref name="ParetoShare"/> the cumulative share 0..1 of
/// the total priority in Pareto order (0 when rejected); <paramref name="VitalFew"/> whether the item is among the
/// shortest prefix reaching 80 %. <paramref name="Version"/> (null until the item is first edited) goes with an edit.
/// </summary>
public sealed record RoadmapItemDto(
    string InitiativeId,
    string DimensionId,
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
    Guid? Version)
{
    public static RoadmapItemDto FromView(RoadmapItemView item) => new(
        item.InitiativeId,
        item.DimensionId,
        item.From,
        item.To,
        item.Title,
        item.Impact,
        item.Effort,
        item.Priority,
        item.Horizon,
        item.ComputedHorizon,
        item.Status,
        item.Owner,
        item.Notes,
        item.ProjectId,
        item.ParetoShare,
        item.VitalFew,
        item.Version);
}

/// <summary>The stage of a dimension now and after each horizon, assuming the accepted items are delivered (rule 9).</summary>
public sealed record ProjectionDto(string DimensionId, int? Current, int Target, int AfterShort, int AfterMedium, int AfterLong)
{
    public static ProjectionDto From(DimensionProjection projection) => new(
        projection.DimensionId,
        projection.Current,
        projection.Target,
        projection.AfterShort,
        projection.AfterMedium,
        projection.AfterLong);
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
    IReadOnlyList<TargetDto> Targets,
    IReadOnlyList<RoadmapChangeDto> Added,
    IReadOnlyList<RoadmapChangeDto> Dropped,
    int Kept)
{
    public static TargetsSavedDto From(TargetsSavedView view) => new(
        [.. view.Targets.Select(TargetDto.From)],
        [.. view.Added.Select(RoadmapChangeDto.From)],
        [.. view.Dropped.Select(RoadmapChangeDto.From)],
        view.Kept);
}

/// <summary>A roadmap item that a change of targets added or dropped.</summary>
public sealed record RoadmapChangeDto(string InitiativeId, string DimensionId, string Title)
{
    public static RoadmapChangeDto From(RoadmapChangeView view) => new(view.InitiativeId, view.DimensionId, view.Title);
}
