using CxMaturity.Assessment.Scoring;
using static CxMaturity.Assessment.Tests.Scoring.TestModels;

namespace CxMaturity.Assessment.Tests.Scoring;

// Rules 4 and 9 (group dimension scores and the perception gap between two groups) on groups of one or two, with
// the minimum group size of rule 14 set to 1; the withholding of small groups is tested at the end.
public sealed class GroupScoreTests
{
    [Fact]
    public void Group_score_is_the_dimension_score_of_that_group_alone()
    {
        // Executive 4 and 5 → n 2, mean 4.5 (stage 5), SD 0.5; Frontline 2 → mean 2 (stage 2).
        var model = Build(Dimension("a"));

        var result = ScoreAllGroups(
            model,
            TestRespondent.Submitted("r1", "Executive").Levels("a", 4),
            TestRespondent.Submitted("r2", "Frontline").Levels("a", 2),
            TestRespondent.Submitted("r3", "Executive").Levels("a", 5));

        var executive = result.FindGroup("Executive", "a")!;
        Assert.Equal(new Statistics(2, 4.5, 4.5, 4, 5, 0.5), executive.Statistics);
        Assert.Equal(5, executive.Stage);
        var frontline = result.FindGroup("Frontline", "a")!;
        Assert.Equal(2.0, frontline.Score);
        Assert.Equal(2, frontline.Stage);
    }

    [Fact]
    public void Groups_list_every_group_present_by_name_then_every_dimension_in_model_order()
    {
        var model = Build(Dimension("b"), Dimension("a"));

        var result = ScoreAllGroups(
            model,
            TestRespondent.Submitted("r1", "Management").Levels("b", 3),
            TestRespondent.Submitted("r2", "Executive").Levels("a", 4));

        Assert.Equal(
            [("Executive", "b"), ("Executive", "a"), ("Management", "b"), ("Management", "a")],
            result.Groups.Select(g => (g.Group, g.DimensionId)));
        Assert.Null(result.FindGroup("Executive", "b")!.Score);
        Assert.Null(result.FindGroup("Frontline", "a"));
    }

    [Theory]
    [InlineData(5, 4, 4, 3, 1.0)]   // Executive (5 + 4) / 2 = 4.5, Frontline (4 + 3) / 2 = 3.5: gap 1.0
    [InlineData(2, 3, 4, 3, -1.0)]  // Executive 2.5, Frontline 3.5: gap −1.0
    public void Perception_gap_of_exactly_one_point_either_way_is_flagged(
        int executive1, int executive2, int frontline1, int frontline2, double gap)
    {
        var model = Build(Dimension("a", questions: 2));

        var result = ScoreAllGroups(
            model,
            TestRespondent.Submitted("e", "Executive").Levels("a", executive1, executive2),
            TestRespondent.Submitted("f", "Frontline").Levels("a", frontline1, frontline2));

        Assert.Equal(new PerceptionGap("a", "Executive", "Frontline", gap, Flagged: true), Assert.Single(result.PerceptionGaps));
    }

    [Fact]
    public void Perception_gap_under_one_point_is_not_flagged()
    {
        // Executive (4 + 4) / 2 = 4, Frontline (4 + 3) / 2 = 3.5: gap 0.5.
        var model = Build(Dimension("a", questions: 2));

        var result = ScoreAllGroups(
            model,
            TestRespondent.Submitted("e", "Executive").Levels("a", 4, 4),
            TestRespondent.Submitted("f", "Frontline").Levels("a", 4, 3));

        Assert.Equal(new PerceptionGap("a", "Executive", "Frontline", 0.5, Flagged: false), Assert.Single(result.PerceptionGaps));
    }

    [Fact]
    public void Perception_gap_of_one_point_in_exact_arithmetic_is_flagged_despite_binary_rounding()
    {
        // Weights 0.1 and 0.1: Executive (1, 4) → 0.5 / 0.2 = 2.5; Frontline (1, 2) → 0.3 / 0.2 = 1.5, which binary
        // arithmetic makes 1.5000000000000002, so the gap comes out as 0.9999999999999998.
        var model = Build(WeightedDimension("a", 1, 0.1, 0.1));

        var result = ScoreAllGroups(
            model,
            TestRespondent.Submitted("e", "Executive").Levels("a", 1, 4),
            TestRespondent.Submitted("f", "Frontline").Levels("a", 1, 2));

        var gap = Assert.Single(result.PerceptionGaps);
        Assert.Equal(1.0, gap.Gap!.Value, 12);
        Assert.True(gap.Flagged);
    }

    [Fact]
    public void Perception_gap_is_undefined_and_not_flagged_when_a_group_has_no_score()
    {
        // Frontline has no respondent on b, and nobody from Frontline scored a: both gaps are undefined.
        var model = Build(Dimension("a"), Dimension("b"));

        var result = ScoreAllGroups(
            model,
            TestRespondent.Submitted("e", "Executive").Levels("a", 5).Levels("b", 5),
            TestRespondent.Submitted("f", "Frontline").Answer("a.q1", null));

        Assert.Equal(
            [
                new PerceptionGap("a", "Executive", "Frontline", null, false),
                new PerceptionGap("b", "Executive", "Frontline", null, false),
            ],
            result.PerceptionGaps);
    }

    [Fact]
    public void Perception_gap_compares_the_groups_the_options_name()
    {
        // Management 5 − Customer-facing partner 3 = 2; the Executive's 1 plays no part.
        var model = Build(Dimension("a"));
        RespondentAnswers[] respondents =
        [
            TestRespondent.Submitted("m", "Management").Levels("a", 5).Build(),
            TestRespondent.Submitted("p", "Customer-facing partner").Levels("a", 3).Build(),
            TestRespondent.Submitted("e", "Executive").Levels("a", 1).Build(),
        ];

        var result = RoundScorer.Score(
            model, ["a"], respondents, new ScoringOptions(PerceptionGroupA: "Management", PerceptionGroupB: "Customer-facing partner", MinimumGroupSize: 1));

        Assert.Equal(
            new PerceptionGap("a", "Management", "Customer-facing partner", 2.0, Flagged: true),
            Assert.Single(result.PerceptionGaps));
    }

    // Rule 14: with k = 3, Executive (3 respondents: 4, 4, 5) shows; Frontline (2: 2, 3) is withheld on every
    // dimension, so the gap is withheld too; the round's own figures still count all five (mean 18 / 5 = 3.6).
    [Fact]
    public void A_group_with_fewer_respondents_than_the_minimum_is_withheld_but_still_counts_overall()
    {
        var model = Build(Dimension("a"), Dimension("b"));

        var result = ScoreAll(
            model,
            TestRespondent.Submitted("e1", "Executive").Levels("a", 4).Levels("b", 4),
            TestRespondent.Submitted("e2", "Executive").Levels("a", 4).Levels("b", 4),
            TestRespondent.Submitted("e3", "Executive").Levels("a", 5).Levels("b", 5),
            TestRespondent.Submitted("f1", "Frontline").Levels("a", 2).Levels("b", 2),
            TestRespondent.Submitted("f2", "Frontline").Levels("a", 3).Levels("b", 3));

        Assert.Equal(3, result.MinimumGroupSize);
        var executive = result.FindGroup("Executive", "a")!;
        Assert.False(executive.Withheld);
        Assert.Equal(13.0 / 3, executive.Score!.Value, 12);
        Assert.All(result.Groups.Where(g => g.Group == "Frontline"), g =>
        {
            Assert.True(g.Withheld);
            Assert.Equal(Statistics.Empty, g.Statistics);
            Assert.Null(g.Stage);
        });
        Assert.All(result.PerceptionGaps, gap =>
        {
            Assert.True(gap.Withheld);
            Assert.Null(gap.Gap);
            Assert.False(gap.Flagged);
        });
        Assert.Equal(3.6, result.FindDimension("a")!.Score!.Value, 12);
        Assert.Equal(5, result.FindDimension("a")!.Statistics.N);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void A_group_is_withheld_below_the_round_s_minimum_group_size(int minimumGroupSize, bool withheld)
    {
        var model = Build(Dimension("a"));
        RespondentAnswers[] respondents =
        [
            TestRespondent.Submitted("f1", "Frontline").Levels("a", 2).Build(),
            TestRespondent.Submitted("f2", "Frontline").Levels("a", 3).Build(),
        ];

        var result = RoundScorer.Score(model, ["a"], respondents, new ScoringOptions(MinimumGroupSize: minimumGroupSize));

        Assert.Equal(withheld, result.FindGroup("Frontline", "a")!.Withheld);
        Assert.Equal(withheld ? null : 2.5, result.FindGroup("Frontline", "a")!.Score);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void A_minimum_group_size_outside_1_to_10_is_refused(int minimumGroupSize)
    {
        var model = Build(Dimension("a"));

        var error = Assert.Throws<ArgumentException>(() => RoundScorer.Score(model, ["a"], [], new ScoringOptions(MinimumGroupSize: minimumGroupSize)));

        Assert.Contains("from 1 to 10", error.Message, StringComparison.Ordinal);
    }
}
