using BenchmarkDotNet.Attributes;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.TestSupport;

namespace CxMaturity.Benchmarks;

/// <summary>
/// Roadmap generation at its largest plausible size: 12 dimensions × 4 transitions × 3 initiatives, every
/// dimension at stage 1 with target 5, so all 144 initiatives become items. Goal: ≤ 1 ms per generation.
/// </summary>
[MemoryDiagnoser]
public class RoadmapBenchmarks // BenchmarkDotNet derives from the class: it cannot be sealed.
{
    private const int DimensionCount = 12;
    private const int InitiativesPerTransition = 3;

    private MaturityModel _model = null!;
    private DimensionStanding[] _standings = null!;
    private Dictionary<string, int> _targets = null!;
    private Dictionary<string, RoadmapItemEdit> _noEdits = null!;
    private Dictionary<string, RoadmapItemEdit> _edits = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = new ModelBuilder("bench", "1.0", "Benchmark model");
        for (var d = 1; d <= DimensionCount; d++)
        {
            var id = $"dim-{d:00}";
            builder.WithDimension(id, weight: 1 + d % 3 * 0.5, title: $"Dimension {d}");
            for (var from = 1; from < 5; from++)
            {
                for (var n = 1; n <= InitiativesPerTransition; n++)
                {
                    builder.WithInitiative(
                        $"{id}-{from}{from + 1}-{n}", id, from, impact: 1 + (d + n) % 5, effort: 1 + (d * n + from) % 5,
                        title: $"Initiative {n} for {id} {from}→{from + 1}");
                }
            }
        }

        _model = builder.Build();
        var dimensions = _model.Dimensions;
        var initiatives = _model.Initiatives;

        // Scores 1.10 … 1.32: all stage 1, distinct gaps; importance 2..4.
        _standings = dimensions
            .Select((d, i) => new DimensionStanding(d.Id, 1.1 + i * 0.02, 2 + i % 3))
            .ToArray();
        _targets = dimensions.ToDictionary(d => d.Id, _ => 5);
        _noEdits = [];

        // The CX lead accepted the first initiative of every transition and rejected the last one.
        _edits = initiatives
            .Where(i => !i.Id.EndsWith("-2", StringComparison.Ordinal))
            .Select(i => new RoadmapItemEdit(
                i.Id,
                i.Id.EndsWith("-1", StringComparison.Ordinal) ? RoadmapItemStatus.Accepted : RoadmapItemStatus.Rejected,
                null,
                "Owner",
                null,
                null))
            .ToDictionary(e => e.InitiativeId);
    }

    [Benchmark(Baseline = true)]
    public RoadmapPlan Generate() => RoadmapGenerator.Generate(_model, _standings, _targets, _noEdits);

    [Benchmark]
    public RoadmapPlan GenerateWithEdits() => RoadmapGenerator.Generate(_model, _standings, _targets, _edits);
}
