using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.TestSupport;

namespace CxMaturity.Web.Tests.Components;

/// <summary>
/// A small model and hand-made results for component tests: two dimensions of two questions each, built by
/// <see cref="ModelBuilder"/> (its five stages: "Defined and repeatable." is stage 3's summary).
/// </summary>
internal static class TestModel
{
    public static Question Loops { get; } = new(
        "voc.loops",
        "voc",
        "How do you close the loop with customers who gave feedback?",
        "Think of the last complaint you heard about.",
        1,
        [],
        [
            "Nobody gets back to them.",
            "Some teams reply when they have time.",
            "A standard reply goes out within a week.",
            "Every customer hears what changed, tracked to closure.",
            "Customers see changes they asked for, and we measure it.",
        ]);

    public static MaturityModel Model { get; } = new ModelBuilder()
        .WithDimension(
            "strategy",
            title: "CX strategy",
            guidance: "Guidance on **strategy**.",
            questions:
            [
                new Question("strategy.vision", "strategy", "Is there a CX vision?", null, 1, [], ["s1", "s2", "s3", "s4", "s5"]),
                new Question("strategy.sponsor", "strategy", "Who sponsors CX?", null, 1, [], ["p1", "p2", "p3", "p4", "p5"]),
            ],
            stageDescriptions:
            ["No strategy owner.", "A manager owns strategy part time.", "A senior leader owns an agreed strategy.", "Strategy steers budgets.", "Strategy is lived every day."])
        .WithDimension(
            "voc",
            title: "Voice of the customer",
            guidance: "Guidance on feedback.",
            questions:
            [
                Loops,
                new Question("voc.listen", "voc", "How do you listen?", null, 1, [], ["l1", "l2", "l3", "l4", "l5"]),
            ])
        .Build();

    public static DimensionResult Dimension(string id, double? mean, double? standardDeviation, int n, bool lowConsensus, double importance = 3) =>
        new(id, 1, new Statistics(n, mean, mean, mean, mean, standardDeviation), mean is { } m ? Stages.StageOf(m) : null, lowConsensus, importance);

    public static RoundResult Result(IReadOnlyList<DimensionResult> dimensions, double? overall) =>
        new(
            IsPreview: false,
            RespondentsCounted: dimensions.Select(d => d.Statistics.N).DefaultIfEmpty().Max(),
            Overall: overall,
            OverallStage: overall is { } o ? Stages.StageOf(o) : null,
            FoundationStage: dimensions.Min(d => d.Stage),
            Dimensions: dimensions,
            Groups: [],
            PerceptionGaps: [],
            Questions: [],
            RespondentScores: [],
            Completion: []);
}
