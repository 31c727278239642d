using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using static CxMaturity.Assessment.Tests.Scoring.TestModels;

namespace CxMaturity.Assessment.Tests.Scoring;

// RULES.md §3 and §5: a dimension out of scope is not asked and drops out of every figure.
public sealed class ScopeTests
{
    // a (W 1) and b (W 3) in scope, c (W 10, answered 1 throughout) out of scope.
    private static readonly MaturityModel _model =
        Build(Dimension("a", weight: 1), Dimension("b", weight: 3), Dimension("c", questions: 2, weight: 10));

    private static RoundResult ScoreAAndB() =>
        RoundScorer.Score(
            _model,
            ["b", "a"],
            [
                TestRespondent.Submitted("e", "Executive").Levels("a", 5).Levels("b", 3).Levels("c", 1, 1).Rates("c", 5).Build(),
                TestRespondent.Submitted("f", "Frontline").Levels("a", 3).Levels("b", 3).Levels("c", 1, 1).Build(),
            ]);

    [Fact]
    public void An_out_of_scope_dimension_appears_in_no_figure()
    {
        var result = ScoreAAndB();

        Assert.Equal(["a", "b"], result.Dimensions.Select(d => d.DimensionId));
        Assert.DoesNotContain(result.Groups, g => g.DimensionId == "c");
        Assert.Equal(["a", "b"], result.PerceptionGaps.Select(g => g.DimensionId));
        Assert.Equal(["a.q1", "b.q1"], result.Questions.Select(q => q.QuestionId));
        Assert.DoesNotContain(result.RespondentScores, s => s.DimensionId == "c");
        Assert.Null(result.FindDimension("c"));
    }

    [Fact]
    public void An_out_of_scope_dimension_leaves_overall_and_foundation_unchanged()
    {
        // a = (5 + 3) / 2 = 4, b = 3: overall (1×4 + 3×3) / 4 = 13/4 = 3.25, foundation 3.
        // Counting c (= 1, W 10) would give 23/14 and foundation 1.
        var result = ScoreAAndB();

        Assert.Equal(3.25, result.Overall);
        Assert.Equal(3, result.FoundationStage);
    }

    [Fact]
    public void An_out_of_scope_dimension_leaves_the_completion_denominator()
    {
        // 2 in-scope questions, both answered; c's two answers count for nothing.
        var result = ScoreAAndB();

        Assert.All(result.Completion, c => Assert.Equal((2, 2, 1.0), (c.Answered, c.Questions, c.Ratio)));
    }

    [Fact]
    public void Dimensions_come_in_model_order_whatever_the_order_of_the_scope()
    {
        var result = RoundScorer.Score(_model, ["c", "a"], []);

        Assert.Equal(["a", "c"], result.Dimensions.Select(d => d.DimensionId));
        Assert.Equal(["a.q1", "c.q1", "c.q2"], result.Questions.Select(q => q.QuestionId));
    }

    [Fact]
    public void Scope_ids_the_model_does_not_have_are_ignored()
    {
        var result = RoundScorer.Score(_model, ["a", "nonexistent"], []);

        Assert.Equal(["a"], result.Dimensions.Select(d => d.DimensionId));
    }

    [Fact]
    public void An_empty_scope_scores_nothing_and_completion_is_0()
    {
        var result = RoundScorer.Score(_model, [], [TestRespondent.Submitted("r1").Levels("a", 5).Build()]);

        Assert.Empty(result.Dimensions);
        Assert.Null(result.Overall);
        Assert.Equal(new RespondentCompletion("r1", 0, 0, 0), Assert.Single(result.Completion));
    }
}
