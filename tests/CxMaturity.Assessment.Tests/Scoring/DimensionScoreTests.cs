using CxMaturity.Assessment.Scoring;
using static CxMaturity.Assessment.Tests.Scoring.TestModels;

namespace CxMaturity.Assessment.Tests.Scoring;

// RULES.md §5.3, §5.6 and §5.8: round dimension score and its statistics, stage, low consensus.
public sealed class DimensionScoreTests
{
    private static DimensionResult ScoreOneQuestion(params int?[] levels)
    {
        var model = Build(Dimension("a"));
        var respondents = levels.Select((level, i) => TestRespondent.Submitted($"r{i + 1}").Levels("a", level)).ToArray();
        return Assert.Single(ScoreAll(model, respondents).Dimensions);
    }

    [Fact]
    public void Statistics_of_an_odd_number_of_respondents()
    {
        // Scores 1, 2, 4: mean 7/3; median 2; deviations −4/3, −1/3, 5/3; squares sum 42/9;
        // population variance 42/27 = 14/9; SD √14 / 3 ≈ 1.2472.
        var dimension = ScoreOneQuestion(4, 1, 2);

        var statistics = dimension.Statistics;
        Assert.Equal(3, statistics.N);
        Assert.Equal(7.0 / 3, statistics.Mean!.Value, 12);
        Assert.Equal(2.0, statistics.Median);
        Assert.Equal(1.0, statistics.Min);
        Assert.Equal(4.0, statistics.Max);
        Assert.Equal(Math.Sqrt(14) / 3, statistics.StandardDeviation!.Value, 12);
        Assert.Equal(statistics.Mean, dimension.Score);
    }

    [Fact]
    public void Median_of_an_even_number_of_respondents_is_the_mean_of_the_middle_two()
    {
        // Scores 1, 2, 4, 5: median (2 + 4) / 2 = 3.
        Assert.Equal(3.0, ScoreOneQuestion(5, 1, 4, 2).Statistics.Median);
    }

    [Fact]
    public void Standard_deviation_is_the_population_one()
    {
        // Scores 1, 2, 4, 5: mean 3; squared deviations 4 + 1 + 1 + 4 = 10; 10 / 4 = 2.5 → √2.5 ≈ 1.5811.
        // The sample SD would be √(10 / 3) ≈ 1.8257.
        Assert.Equal(Math.Sqrt(2.5), ScoreOneQuestion(1, 2, 4, 5).Statistics.StandardDeviation!.Value, 12);
    }

    [Fact]
    public void Every_respondent_weighs_the_same_however_many_questions_they_answered()
    {
        // r1 answers three questions at 5 → 5; r2 answers one at 1 → 1. Mean of respondents (5 + 1) / 2 = 3,
        // where pooling the four answers would give 16 / 4 = 4.
        var model = Build(Dimension("a", questions: 3));

        var result = ScoreAll(
            model,
            TestRespondent.Submitted("r1").Levels("a", 5, 5, 5),
            TestRespondent.Submitted("r2").Levels("a", 1));

        Assert.Equal(3.0, Assert.Single(result.Dimensions).Score);
    }

    [Fact]
    public void Respondents_without_a_score_on_the_dimension_are_left_out_of_its_statistics()
    {
        // r3 answered NotApplicable only: n = 2, mean (2 + 4) / 2 = 3, min 2.
        var statistics = ScoreOneQuestion(2, 4, null).Statistics;

        Assert.Equal(2, statistics.N);
        Assert.Equal(3.0, statistics.Mean);
        Assert.Equal(2.0, statistics.Min);
    }

    [Fact]
    public void Dimension_stage_follows_its_score()
    {
        // Two questions answered 2 and 3 → 2.5 → stage 3 (Definition).
        var model = Build(Dimension("a", questions: 2));

        var dimension = Assert.Single(ScoreAll(model, TestRespondent.Submitted("r1").Levels("a", 2, 3)).Dimensions);

        Assert.Equal(2.5, dimension.Score);
        Assert.Equal(3, dimension.Stage);
    }

    [Fact]
    public void Dimension_result_carries_the_dimension_weight()
    {
        var model = Build(Dimension("a", weight: 2.5));

        Assert.Equal(2.5, Assert.Single(ScoreAll(model).Dimensions).Weight);
    }

    [Fact]
    public void Consensus_is_low_when_the_standard_deviation_is_exactly_one()
    {
        // Scores 1 and 3: mean 2, squared deviations 1 + 1 = 2, 2 / 2 = 1 → SD 1.0.
        var dimension = ScoreOneQuestion(1, 3);

        Assert.Equal(1.0, dimension.Statistics.StandardDeviation);
        Assert.True(dimension.LowConsensus);
    }

    [Fact]
    public void Consensus_is_not_low_when_the_standard_deviation_is_just_under_one()
    {
        // Scores 1, 1, 3: mean 5/3, squared deviations 4/9 + 4/9 + 16/9 = 24/9, / 3 = 8/9 → SD ≈ 0.9428.
        var dimension = ScoreOneQuestion(1, 1, 3);

        Assert.Equal(Math.Sqrt(8.0 / 9), dimension.Statistics.StandardDeviation!.Value, 12);
        Assert.False(dimension.LowConsensus);
    }

    [Fact]
    public void A_dimension_nobody_scored_has_empty_statistics_no_stage_and_no_low_consensus()
    {
        var dimension = ScoreOneQuestion(null, null);

        Assert.Equal(Statistics.Empty, dimension.Statistics);
        Assert.Null(dimension.Score);
        Assert.Null(dimension.Stage);
        Assert.False(dimension.LowConsensus);
    }
}
