using CxMaturity.Assessment.Roadmap;

namespace CxMaturity.Assessment.Tests.Roadmap;

/// <summary>
/// Shorthands for the inputs of <see cref="RoadmapGenerator"/>. Models come from <see cref="ModelBuilder"/>: dimensions
/// without questions and initiatives, e.g. <c>new ModelBuilder().WithDimension("voc").WithEveryTransition("voc").Build()</c>.
/// </summary>
internal static class RoadmapTestModels
{
    public static readonly IReadOnlyDictionary<string, int> NoTargets = new Dictionary<string, int>();

    public static readonly IReadOnlyDictionary<string, RoadmapItemEdit> NoEdits = new Dictionary<string, RoadmapItemEdit>();

    public static DimensionStanding Standing(string dimensionId, double? score, double importance = 3) =>
        new(dimensionId, score, importance);

    public static IReadOnlyDictionary<string, int> Targets(params (string DimensionId, int Target)[] targets) =>
        targets.ToDictionary(t => t.DimensionId, t => t.Target);

    public static IReadOnlyDictionary<string, RoadmapItemEdit> Edits(params RoadmapItemEdit[] edits) =>
        edits.ToDictionary(e => e.InitiativeId);

    public static RoadmapItemEdit Accept(string initiativeId, Horizon? horizon = null) =>
        new(initiativeId, RoadmapItemStatus.Accepted, horizon, null, null, null);

    public static RoadmapItemEdit Reject(string initiativeId) =>
        new(initiativeId, RoadmapItemStatus.Rejected, null, null, null, null);

    public static RoadmapItemEdit Move(string initiativeId, Horizon horizon) =>
        new(initiativeId, RoadmapItemStatus.Proposed, horizon, null, null, null);

    public static string[] Ids(IEnumerable<RoadmapItem> items) => items.Select(i => i.InitiativeId).ToArray();
}
