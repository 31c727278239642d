using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Roadmap;

namespace CxMaturity.Assessment.Tests.Roadmap;

/// <summary>Builds small maturity models for roadmap tests: dimensions and initiatives, no questions.</summary>
internal sealed class RoadmapModelBuilder
{
    private readonly List<Dimension> _dimensions = [];
    private readonly List<Initiative> _initiatives = [];

    /// <summary>Adds a dimension; its order defaults to its position in the builder.</summary>
    public RoadmapModelBuilder WithDimension(string id, double weight = 1, int? order = null)
    {
        _dimensions.Add(new Dimension(id, order ?? _dimensions.Count + 1, $"Dimension {id}", weight, "", []));
        return this;
    }

    /// <summary>Adds an initiative moving <paramref name="dimensionId"/> from <paramref name="from"/> to from + 1.</summary>
    public RoadmapModelBuilder WithInitiative(string id, string dimensionId, int from, int impact = 3, int effort = 3)
    {
        _initiatives.Add(new Initiative(id, dimensionId, from, from + 1, $"Initiative {id}", impact, effort, [], "CX lead", ""));
        return this;
    }

    /// <summary>Adds one initiative per transition 1→2 … 4→5, named "&lt;dimension&gt;-&lt;from&gt;-&lt;to&gt;".</summary>
    public RoadmapModelBuilder WithEveryTransition(string dimensionId, int impact = 3, int effort = 3)
    {
        for (var from = 1; from < 5; from++)
        {
            WithInitiative($"{dimensionId}-{from}-{from + 1}", dimensionId, from, impact, effort);
        }

        return this;
    }

    public MaturityModel Build() => new(
        "test-model", "1.0", "Test model", "", RoadmapTestModels.GartnerStages, [], _dimensions, _initiatives);
}

/// <summary>Shorthands for the inputs of <see cref="RoadmapGenerator"/>.</summary>
internal static class RoadmapTestModels
{
    public static readonly IReadOnlyList<Stage> GartnerStages =
    [
        new(1, "Initial", ""),
        new(2, "Development", ""),
        new(3, "Definition", ""),
        new(4, "Managed", ""),
        new(5, "Optimized", ""),
    ];

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
