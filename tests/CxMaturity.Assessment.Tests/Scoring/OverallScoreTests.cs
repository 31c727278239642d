using CxMaturity.Assessment.Scoring;
using static CxMaturity.Assessment.Tests.Scoring.TestModels;

namespace CxMaturity.Assessment.Tests.Scoring;

// RULES.md §5.5, §5.6 and §5.7: overall score, its stage, and the foundation stage.
public sealed class OverallScoreTests
{
    [Fact]
    public void Overall_is_the_mean_of_dimension_scores_weighted_by_dimension_weight()
    {
        // a (W 2) = 4, b (W 1) = 1: (2×4 + 1×1) / (2 + 1) = 9 / 3 = 3; unweighted it would be 2.5.
        var model = Build(Dimension("a", weight: 2), Dimension("b", weight: 1));

        var result = ScoreAll(model, TestRespondent.Submitted("r1").Levels("a", 4).Levels("b", 1));

        Assert.Equal(3.0, result.Overall);
        Assert.Equal(3, result.OverallStage);
    }

    [Fact]
    public void Foundation_stage_is_the_lowest_dimension_stage()
    {
        // a = 4 (stage 4), b = 1 (stage 1): overall 3 (stage 3) but the foundation is stage 1.
        var model = Build(Dimension("a", weight: 2), Dimension("b", weight: 1));

        var result = ScoreAll(model, TestRespondent.Submitted("r1").Levels("a", 4).Levels("b", 1));

        Assert.Equal(1, result.FoundationStage);
    }

    [Fact]
    public void A_dimension_answered_only_not_applicable_drops_out_of_overall_and_foundation()
    {
        // a (W 2) = 4, b (W 1) = 3, c (W 5) all NotApplicable: overall (2×4 + 1×3) / 3 = 11/3 ≈ 3.667 → stage 4;
        // foundation min(4, 3) = 3. Counting c as 0 would give 11/8 and foundation 1.
        var model = Build(Dimension("a", weight: 2), Dimension("b", weight: 1), Dimension("c", questions: 2, weight: 5));

        var result = ScoreAll(
            model,
            TestRespondent.Submitted("r1").Levels("a", 4).Levels("b", 3).Levels("c", null, null),
            TestRespondent.Submitted("r2").Levels("a", 4).Levels("b", 3).Levels("c", null, null));

        Assert.Equal(11.0 / 3, result.Overall!.Value, 12);
        Assert.Equal(4, result.OverallStage);
        Assert.Equal(3, result.FoundationStage);
        var c = result.FindDimension("c")!;
        Assert.Null(c.Score);
        Assert.Null(c.Stage);
        Assert.Equal(0, c.Statistics.N);
    }

    [Fact]
    public void Overall_and_stages_are_undefined_when_no_dimension_has_a_score()
    {
        var model = Build(Dimension("a"), Dimension("b"));

        var result = ScoreAll(model, TestRespondent.Submitted("r1").Answer("a.q1", null));

        Assert.Null(result.Overall);
        Assert.Null(result.OverallStage);
        Assert.Null(result.FoundationStage);
    }

    [Fact]
    public void A_round_without_respondents_has_every_dimension_listed_and_nothing_scored()
    {
        var model = Build(Dimension("a"), Dimension("b"));

        var result = ScoreAll(model);

        Assert.Equal(0, result.RespondentsCounted);
        Assert.Equal(["a", "b"], result.Dimensions.Select(d => d.DimensionId));
        Assert.All(result.Dimensions, d => Assert.Null(d.Score));
        Assert.Null(result.Overall);
        Assert.Empty(result.Groups);
        Assert.Empty(result.RespondentScores);
    }

    [Fact]
    public void Overall_stage_goes_up_at_exactly_half_a_point()
    {
        // a = 2 and b = 3 with equal weights: overall 2.5 → stage 3; foundation min(2, 3) = 2.
        var model = Build(Dimension("a"), Dimension("b"));

        var result = ScoreAll(model, TestRespondent.Submitted("r1").Levels("a", 2).Levels("b", 3));

        Assert.Equal(2.5, result.Overall);
        Assert.Equal(3, result.OverallStage);
        Assert.Equal(2, result.FoundationStage);
    }

    [Fact]
    public void Overall_of_equal_dimension_scores_is_that_score_even_when_binary_weights_round_above_it()
    {
        // (0.2×5 + 0.7×5) / (0.2 + 0.7) is 5.000000000000001 in binary.
        var model = Build(Dimension("a", weight: 0.2), Dimension("b", weight: 0.7));

        var result = ScoreAll(model, TestRespondent.Submitted("r1").Levels("a", 5).Levels("b", 5));

        Assert.Equal(5.0, result.Overall);
    }
}
