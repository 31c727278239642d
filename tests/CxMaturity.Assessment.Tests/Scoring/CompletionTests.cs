using CxMaturity.Assessment.Scoring;
using static CxMaturity.Assessment.Tests.Scoring.TestModels;

namespace CxMaturity.Assessment.Tests.Scoring;

// RULES.md §5.11: completion = answered (NotApplicable included) ÷ questions of the in-scope dimensions.
public sealed class CompletionTests
{
    private static readonly string[] _scope = ["a", "b"];

    // a has 3 questions, b 2, c (out of scope) 2: 5 questions count.
    private static RoundResult Score(params TestRespondent[] respondents) =>
        RoundScorer.Score(
            Build(Dimension("a", questions: 3), Dimension("b", questions: 2), Dimension("c", questions: 2)),
            _scope,
            respondents.Select(r => r.Build()).ToArray());

    [Fact]
    public void Completion_counts_not_applicable_as_answered()
    {
        // a.q1 = 3, a.q2 = NotApplicable, b.q1 = 2: 3 of 5 = 0.6.
        var result = Score(TestRespondent.Submitted("r1").Levels("a", 3, null).Levels("b", 2));

        Assert.Equal(new RespondentCompletion("r1", 3, 5, 0.6), Assert.Single(result.Completion));
    }

    [Fact]
    public void Answers_to_out_of_scope_or_unknown_questions_do_not_count_towards_completion()
    {
        // Both of c's questions and a question the model does not have: still 1 of 5 = 0.2.
        var result = Score(TestRespondent.Submitted("r1").Levels("a", 4).Levels("c", 5, 5).Answer("zz.q9", 3));

        Assert.Equal(new RespondentCompletion("r1", 1, 5, 0.2), Assert.Single(result.Completion));
    }

    [Fact]
    public void Completion_is_given_for_respondents_who_do_not_count_too()
    {
        var result = Score(
            TestRespondent.Invited("invited"),
            TestRespondent.InProgress("answering").Levels("a", 1, 2, 3).Levels("b", 4));

        Assert.Equal(
            [new RespondentCompletion("invited", 0, 5, 0), new RespondentCompletion("answering", 4, 5, 0.8)],
            result.Completion);
    }

    [Fact]
    public void A_respondent_who_answered_everything_is_complete()
    {
        var result = Score(TestRespondent.Submitted("r1").Levels("a", 1, 2, null).Levels("b", 4, 5));

        Assert.Equal(1.0, Assert.Single(result.Completion).Ratio);
    }
}
