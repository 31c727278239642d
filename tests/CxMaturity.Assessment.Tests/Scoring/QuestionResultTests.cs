using CxMaturity.Assessment.Scoring;
using static CxMaturity.Assessment.Tests.Scoring.TestModels;

namespace CxMaturity.Assessment.Tests.Scoring;

public sealed class QuestionResultTests
{
    [Fact]
    public void Question_result_counts_each_level_and_not_applicable_and_averages_the_levels()
    {
        // a.q1 answered 2, 2, 5 and NotApplicable: N 3, mean (2 + 2 + 5) / 3 = 3, counts [0, 2, 0, 0, 1], 1 N/A.
        // The question weight (3) does not enter the question's own mean.
        var model = Build(WeightedDimension("a", 1, 3, 1));

        var result = ScoreAll(
            model,
            TestRespondent.Submitted("r1").Levels("a", 2, 1),
            TestRespondent.Submitted("r2").Levels("a", 2),
            TestRespondent.Submitted("r3").Levels("a", 5),
            TestRespondent.Submitted("r4").Answer("a.q1", null),
            TestRespondent.InProgress("r5").Levels("a", 1));

        var question = result.FindQuestion("a.q1")!;
        Assert.Equal(("a.q1", "a", 3, 3.0, 1), (question.QuestionId, question.DimensionId, question.N, question.Mean, question.NotApplicableCount));
        Assert.Equal([0, 2, 0, 0, 1], question.LevelCounts);
    }

    [Fact]
    public void Question_nobody_answered_with_a_level_has_no_mean()
    {
        var model = Build(Dimension("a", questions: 2));

        var result = ScoreAll(model, TestRespondent.Submitted("r1").Levels("a", 4, null));

        var question = result.FindQuestion("a.q2")!;
        Assert.Equal((0, (double?)null, 1), (question.N, question.Mean, question.NotApplicableCount));
        Assert.Equal([0, 0, 0, 0, 0], question.LevelCounts);
    }

    [Fact]
    public void Answers_to_questions_the_model_does_not_have_are_ignored()
    {
        var model = Build(Dimension("a"));

        var result = ScoreAll(model, TestRespondent.Submitted("r1").Levels("a", 4).Answer("zz.q1", 1).Answer("a.q99", 9));

        Assert.Equal(4.0, result.Overall);
        Assert.Equal(["a.q1"], result.Questions.Select(q => q.QuestionId));
    }
}
