using CxMaturity.Assessment.Scoring;
using static CxMaturity.Assessment.Tests.Scoring.TestModels;

namespace CxMaturity.Assessment.Tests.Scoring;

// RULES.md §5.12: importance I_d = mean of the counted respondents' ratings; 3 when nobody rated d.
public sealed class ImportanceTests
{
    [Fact]
    public void Importance_is_the_mean_rating_of_counted_respondents()
    {
        // a rated 4 and 5 by submitted respondents → 4.5; the InProgress respondent's 1 does not count.
        var model = Build(Dimension("a"));

        var result = ScoreAll(
            model,
            TestRespondent.Submitted("r1").Rates("a", 4),
            TestRespondent.Submitted("r2").Rates("a", 5),
            TestRespondent.Submitted("r3"),
            TestRespondent.InProgress("r4").Rates("a", 1));

        Assert.Equal(4.5, Assert.Single(result.Dimensions).Importance);
    }

    [Fact]
    public void Importance_is_3_when_nobody_rated_the_dimension()
    {
        var model = Build(Dimension("a"), Dimension("b"));

        var result = ScoreAll(model, TestRespondent.Submitted("r1").Levels("a", 5).Levels("b", 1).Rates("a", 1));

        Assert.Equal(1.0, result.FindDimension("a")!.Importance);
        Assert.Equal(3.0, result.FindDimension("b")!.Importance);
    }

    [Fact]
    public void Importance_rating_outside_1_to_5_is_refused()
    {
        var model = Build(Dimension("a"));

        var error = Assert.Throws<ArgumentException>(() => ScoreAll(model, TestRespondent.Submitted("r9").Rates("a", 0)));

        Assert.Contains("'r9'", error.Message);
    }
}
