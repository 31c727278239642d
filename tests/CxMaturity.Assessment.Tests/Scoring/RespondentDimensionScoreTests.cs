using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using static CxMaturity.Assessment.Tests.Scoring.TestModels;

namespace CxMaturity.Assessment.Tests.Scoring;

// RULES.md §5.2: respondent dimension score = Σ(wq × level) / Σ wq over answered questions, NotApplicable excluded.
public sealed class RespondentDimensionScoreTests
{
    private static readonly MaturityModel _model = Build(WeightedDimension("a", 1, 1, 2, 1));

    private static double? ScoreOf(TestRespondent respondent) =>
        Assert.Single(ScoreAll(_model, respondent).RespondentScores).Score;

    [Fact]
    public void Questions_count_by_their_weight()
    {
        // (1×2 + 2×4 + 1×5) / (1 + 2 + 1) = 15 / 4 = 3.75; unweighted it would be 11 / 3.
        Assert.Equal(3.75, ScoreOf(TestRespondent.Submitted("r1").Levels("a", 2, 4, 5)));
    }

    [Fact]
    public void Not_applicable_leaves_both_the_sum_and_the_weights()
    {
        // q2 (weight 2) is NotApplicable: (1×2 + 1×5) / (1 + 1) = 3.5, not 7 / 4.
        Assert.Equal(3.5, ScoreOf(TestRespondent.Submitted("r1").Levels("a", 2, null, 5)));
    }

    [Fact]
    public void Unanswered_questions_leave_both_the_sum_and_the_weights()
    {
        // Only q2 answered: (2×4) / 2 = 4.
        Assert.Equal(4.0, ScoreOf(TestRespondent.Submitted("r1").Answer("a.q2", 4)));
    }

    [Fact]
    public void Score_is_undefined_when_every_answer_is_not_applicable()
    {
        Assert.Null(ScoreOf(TestRespondent.Submitted("r1").Levels("a", null, null, null)));
    }

    [Fact]
    public void Score_is_undefined_when_nothing_is_answered()
    {
        Assert.Null(ScoreOf(TestRespondent.Submitted("r1")));
    }

    [Fact]
    public void Score_of_equal_levels_is_that_level_even_when_binary_weights_round_above_it()
    {
        // 0.2×5 + 0.7×5 = 4.5 and 0.2 + 0.7 = 0.8999999999999999 in binary, so the division gives 5.000000000000001.
        var model = Build(WeightedDimension("a", 1, 0.2, 0.7));

        var result = ScoreAll(model, TestRespondent.Submitted("r1").Levels("a", 5, 5));

        Assert.Equal(5.0, Assert.Single(result.RespondentScores).Score);
    }

    [Fact]
    public void Respondent_scores_carry_respondent_group_and_dimension_in_model_order()
    {
        var model = Build(Dimension("a"), Dimension("b"));

        var result = ScoreAll(
            model,
            TestRespondent.Submitted("r1", "Frontline").Levels("a", 2).Levels("b", 3),
            TestRespondent.Submitted("r2", "Executive").Levels("b", 5));

        Assert.Equal(
            [
                new RespondentDimensionScore("r1", "Frontline", "a", 2),
                new RespondentDimensionScore("r1", "Frontline", "b", 3),
                new RespondentDimensionScore("r2", "Executive", "a", null),
                new RespondentDimensionScore("r2", "Executive", "b", 5),
            ],
            result.RespondentScores);
    }

    [Fact]
    public void A_level_outside_1_to_5_is_refused_with_a_sentence_naming_the_respondent_and_question()
    {
        var error = Assert.Throws<ArgumentException>(() => ScoreOf(TestRespondent.Submitted("r7").Levels("a", 6)));

        Assert.Contains("'r7'", error.Message);
        Assert.Contains("'a.q1'", error.Message);
    }
}
