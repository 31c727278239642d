using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Roadmap;
using static CxMaturity.Assessment.Tests.Roadmap.RoadmapTestModels;

namespace CxMaturity.Assessment.Tests.Roadmap;

/// <summary>Checks of the targets a CX lead sets (RULES.md §6.1), one sentence per problem.</summary>
public sealed class TargetValidationTests
{
    private static readonly MaturityModel Model = new ModelBuilder()
        .WithDimension("strategy")
        .WithDimension("voc")
        .WithDimension("data")
        .Build();

    // strategy at stage 2, voc at stage 3 (S = 3.2), data undefined.
    private static readonly DimensionStanding[] Standings =
        [Standing("strategy", 2.0), Standing("voc", 3.2), Standing("data", null)];

    [Fact]
    public void Targets_at_or_above_the_current_stage_are_valid()
    {
        var problems = RoadmapGenerator.ValidateTargets(
            Model, Standings, Targets(("strategy", 2), ("voc", 5), ("data", 1)));

        Assert.Empty(problems);
    }

    [Fact]
    public void A_target_below_the_current_stage_is_named_with_both_stages()
    {
        var problems = RoadmapGenerator.ValidateTargets(Model, Standings, Targets(("voc", 2)));

        Assert.Equal(["Target for 'voc' is 2 (Development) but the dimension is already at 3 (Definition)."], problems);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(0)]
    public void A_target_outside_1_to_5_is_refused(int target)
    {
        var problems = RoadmapGenerator.ValidateTargets(Model, Standings, Targets(("data", target)));

        Assert.Equal([$"Target for 'data' is {target} but must be between 1 (Initial) and 5 (Optimized)."], problems);
    }

    [Fact]
    public void A_target_for_a_dimension_the_model_lacks_is_refused()
    {
        var problems = RoadmapGenerator.ValidateTargets(Model, Standings, Targets(("vox", 3)));

        Assert.Equal(["Target for 'vox' names no dimension of model 'test-model'."], problems);
    }

    [Fact]
    public void Every_problem_is_reported_in_dimension_order_with_unknown_dimensions_last()
    {
        var problems = RoadmapGenerator.ValidateTargets(
            Model, Standings, Targets(("vox", 3), ("data", 7), ("voc", 1), ("strategy", 3)));

        Assert.Equal(
            [
                "Target for 'voc' is 1 (Initial) but the dimension is already at 3 (Definition).",
                "Target for 'data' is 7 but must be between 1 (Initial) and 5 (Optimized).",
                "Target for 'vox' names no dimension of model 'test-model'.",
            ],
            problems);
    }
}
