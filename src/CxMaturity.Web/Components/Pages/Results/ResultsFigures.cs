using CxMaturity.Assessment.Roadmap;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Components.Shared;
using CxMaturity.Web.Features.Results;

namespace CxMaturity.Web.Components.Pages.Results;

/// <summary>The series the result pages draw, derived once from a <see cref="ResultsView"/>.</summary>
public static class ResultsFigures
{
    public static IReadOnlyList<Dimension> Dimensions(ResultsView results) =>
        [.. results.Result.Dimensions.Select(d => results.Model.FindDimension(d.DimensionId)).OfType<Dimension>()];

    public static IReadOnlyList<string> Axes(ResultsView results) => [.. Dimensions(results).Select(d => d.Title)];

    /// <summary>Current score and the target in force, per dimension.</summary>
    public static IReadOnlyList<RadarSeries> CurrentAndTarget(ResultsView results) =>
    [
        new RadarSeries("Current", [.. results.Result.Dimensions.Select(d => d.Score)]),
        new RadarSeries("Target", [.. results.Result.Dimensions.Select(d => results.EffectiveTargets.TryGetValue(d.DimensionId, out var t) ? t : (double?)null)]),
    ];

    /// <summary>One series per respondent group with counted respondents, leaving out the groups withheld for being too small.</summary>
    public static IReadOnlyList<RadarSeries> ByGroup(ResultsView results) =>
    [
        .. results.Result.Groups
            .Where(g => !g.Withheld)
            .GroupBy(g => g.Group)
            .Select(g => new RadarSeries(g.Key, [.. results.Result.Dimensions.Select(d => g.FirstOrDefault(x => x.DimensionId == d.DimensionId)?.Score)])),
    ];

    /// <summary>Dimensions furthest below their target (RULES.md §6.2), largest first.</summary>
    public static IReadOnlyList<TargetGap> Gaps(ResultsView results) =>
    [
        .. results.Result.Dimensions
            .Where(d => d.Score is not null && results.EffectiveTargets.ContainsKey(d.DimensionId))
            .Select(d => new TargetGap(
                results.Model.FindDimension(d.DimensionId)?.Title ?? d.DimensionId,
                d.DimensionId,
                d.Score!.Value,
                d.Stage,
                results.EffectiveTargets[d.DimensionId],
                Targets.Gap(results.EffectiveTargets[d.DimensionId], d.Score!.Value)))
            .Where(g => g.Gap > 0)
            .OrderByDescending(g => g.Gap)
            .ThenBy(g => results.Model.FindDimension(g.DimensionId)?.Order ?? 0),
    ];
}

public sealed record TargetGap(string Title, string DimensionId, double Score, int? Stage, int Target, double Gap);
