using System.Text.Json.Serialization;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Results;

namespace CxMaturity.Web.Features.Roadmap;

/// <summary>
/// A round's roadmap (RULES.md §6) generated from its final results, with the CX lead's edits applied.
/// <paramref name="Items"/> are in roadmap order (horizon, priority descending, dimension order, initiative id);
/// <paramref name="Pareto"/> holds the items that are not rejected in Pareto order. <paramref name="Dimensions"/>
/// holds every in-scope dimension in model order with its score, target, gap and projection.
/// <paramref name="RoundVersion"/> goes with a change of targets to detect a concurrent one.
/// </summary>
public sealed record RoadmapView(
    int RoundId,
    string RoundName,
    RoundStatus RoundStatus,
    Guid RoundVersion,
    int OrganisationId,
    string OrganisationName,
    MaturityModel Model,
    OrganisationRole YourRole,
    int RespondentsCounted,
    IReadOnlyList<RoadmapItemView> Items,
    IReadOnlyList<RoadmapItemView> Pareto,
    IReadOnlyList<RoadmapDimensionView> Dimensions,
    double TotalPriority)
{
    /// <summary>Owner and CX lead edit items, set targets and turn items into projects.</summary>
    public bool CanEdit => YourRole.CanManage();

    /// <summary>The items of one lane, in roadmap order.</summary>
    public IEnumerable<RoadmapItemView> InHorizon(Horizon horizon) => Items.Where(i => i.Horizon == horizon);

    public RoadmapItemView? FindItem(string initiativeId) => Items.FirstOrDefault(i => i.InitiativeId == initiativeId);

    internal static RoadmapView Of(RoadmapSnapshot snapshot)
    {
        var scored = snapshot.Scored;
        var round = scored.Round;
        var model = scored.Model;
        var plan = snapshot.Plan;
        var initiatives = model.Initiatives.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var items = plan.Items.ToDictionary(
            i => i.InitiativeId,
            i => RoadmapItemView.Of(model, initiatives[i.InitiativeId], i, snapshot.States.GetValueOrDefault(i.InitiativeId)),
            StringComparer.Ordinal);
        var projection = plan.Projection.ToDictionary(p => p.DimensionId, StringComparer.Ordinal);
        var dimensions = model.Dimensions
            .Where(d => round.DimensionsInScope.Contains(d.Id))
            .OrderBy(d => d.Order)
            .Select(d =>
            {
                var score = scored.Result.FindDimension(d.Id)?.Score;
                return new RoadmapDimensionView(
                    d.Id,
                    d.Title,
                    score,
                    score is { } s ? Stages.StageOf(s) : null,
                    round.ExplicitTargets.TryGetValue(d.Id, out var explicitTarget) ? explicitTarget : null,
                    plan.Targets.TryGetValue(d.Id, out var target) ? target : null,
                    plan.Gaps.TryGetValue(d.Id, out var gap) ? gap : null,
                    projection.GetValueOrDefault(d.Id));
            })
            .ToList();

        return new RoadmapView(
            round.Id,
            round.Name,
            round.Status,
            round.Version,
            round.OrganisationId,
            round.OrganisationName,
            model,
            snapshot.Role,
            scored.Result.RespondentsCounted,
            [.. plan.Items.Select(i => items[i.InitiativeId])],
            [.. plan.ParetoItems.Select(i => items[i.InitiativeId])],
            dimensions,
            plan.TotalPriority);
    }
}

/// <summary>
/// One roadmap item: the generator's <paramref name="Item"/> (its figures at full precision; show two decimals) with
/// what pages and the API add to it. <paramref name="Version"/> is null while nobody has edited the item; send it
/// back with an edit so that a concurrent edit is detected. Pages show it and the API returns it as it is; the
/// item's own fields are read through to <paramref name="Item"/> rather than copied.
/// </summary>
public sealed record RoadmapItemView(
    [property: JsonIgnore] RoadmapItem Item,
    string DimensionTitle,
    string DescriptionMarkdown,
    string OwnerRole,
    IReadOnlyList<string> Kpis,
    int? ProjectId,
    Guid? Version,
    DateTime? UpdatedUtc)
{
    public string InitiativeId => Item.InitiativeId;

    public string DimensionId => Item.DimensionId;

    public int From => Item.From;

    public int To => Item.To;

    public string Title => Item.Title;

    public int Impact => Item.Impact;

    public int Effort => Item.Effort;

    public double Priority => Item.Priority;

    public Horizon Horizon => Item.Horizon;

    public Horizon ComputedHorizon => Item.ComputedHorizon;

    public RoadmapItemStatus Status => Item.Status;

    public string? Owner => Item.Owner;

    public string? Notes => Item.Notes;

    public double ParetoShare => Item.ParetoShare;

    public bool VitalFew => Item.VitalFew;

    /// <summary>Whether the CX lead moved the item away from the lane of RULES.md §6.6.</summary>
    [JsonIgnore]
    public bool HorizonMoved => Horizon != ComputedHorizon;

    internal static RoadmapItemView Of(MaturityModel model, Initiative initiative, RoadmapItem item, RoadmapItemState? state) => new(
        item,
        model.FindDimension(item.DimensionId)?.Title ?? item.DimensionId,
        initiative.DescriptionMarkdown,
        initiative.OwnerRole,
        initiative.Kpis,
        state?.ProjectId,
        state?.Version,
        state?.UpdatedUtc);
}

/// <summary>
/// An in-scope dimension as the roadmap sees it. <paramref name="Score"/>, <paramref name="CurrentStage"/>,
/// <paramref name="Target"/>, <paramref name="Gap"/> and <paramref name="Projection"/> are null when no submitted
/// answer covers it; <paramref name="ExplicitTarget"/> is the stage the CX lead set, if any.
/// </summary>
public sealed record RoadmapDimensionView(
    string DimensionId,
    string Title,
    double? Score,
    int? CurrentStage,
    int? ExplicitTarget,
    int? Target,
    double? Gap,
    DimensionProjection? Projection);

/// <summary>
/// The CX lead's edit of a roadmap item. <paramref name="Horizon"/> null (or the computed lane) keeps the lane of
/// RULES.md §6.6. <paramref name="Version"/> is the item's version as read (null for an item nobody edited yet).
/// </summary>
public sealed record RoadmapItemUpdate(
    RoadmapItemStatus Status,
    Horizon? Horizon,
    string? Owner,
    string? Notes,
    Guid? Version);

/// <summary>An item a change of targets added to or dropped from the roadmap.</summary>
public sealed record RoadmapChangeView(string InitiativeId, string DimensionId, string Title);

/// <summary>
/// What saving targets did: the round's targets as saved, and for the roadmap (RULES.md §6.10) the items added and
/// dropped, how many were kept with their edits, and the regenerated roadmap.
/// </summary>
public sealed record TargetsSavedView(
    IReadOnlyList<TargetView> Targets,
    IReadOnlyList<RoadmapChangeView> Added,
    IReadOnlyList<RoadmapChangeView> Dropped,
    int Kept,
    RoadmapView Roadmap);
