using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Web.Tests.Components;

/// <summary>A small model and hand-made results for component tests: two dimensions of two questions each.</summary>
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

    public static MaturityModel Model { get; } = new(
        "test-model",
        "1.0",
        "Test model",
        "",
        [
            new Stage(1, "Initial", "Ad hoc."),
            new Stage(2, "Development", "Pockets of practice."),
            new Stage(3, "Definition", "Defined and repeatable."),
            new Stage(4, "Managed", "Measured and managed."),
            new Stage(5, "Optimized", "Continuously improved."),
        ],
        [],
        [
            new Dimension("strategy", 1, "CX strategy", 1, "Guidance on **strategy**.",
            [
                new Question("strategy.vision", "strategy", "Is there a CX vision?", null, 1, [], ["s1", "s2", "s3", "s4", "s5"]),
                new Question("strategy.sponsor", "strategy", "Who sponsors CX?", null, 1, [], ["p1", "p2", "p3", "p4", "p5"]),
            ],
            ["No strategy owner.", "A manager owns strategy part time.", "A senior leader owns an agreed strategy.", "Strategy steers budgets.", "Strategy is lived every day."]),
            new Dimension("voc", 2, "Voice of the customer", 1, "Guidance on feedback.",
            [
                Loops,
                new Question("voc.listen", "voc", "How do you listen?", null, 1, [], ["l1", "l2", "l3", "l4", "l5"]),
            ]),
        ],
        []);

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
