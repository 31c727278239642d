using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Tests.Scoring;

public sealed class StatisticsTests
{
    [Fact]
    public void Statistics_of_nothing_have_n_0_and_every_figure_undefined()
    {
        Assert.Equal(new Statistics(0, null, null, null, null, null), Statistics.Of([]));
    }

    [Fact]
    public void Statistics_of_one_score_have_that_score_everywhere_and_no_spread()
    {
        Assert.Equal(new Statistics(1, 3.5, 3.5, 3.5, 3.5, 0), Statistics.Of([3.5]));
    }

    [Fact]
    public void Statistics_do_not_depend_on_the_order_of_the_scores()
    {
        // Mean 2.4; median 2 (of 1, 1.5, 2, 3.5, 4); SD √((1.96 + 0.81 + 0.16 + 1.21 + 2.56) / 5) = √1.34.
        var expected = Statistics.Of([1, 1.5, 2, 3.5, 4]);

        Assert.Equal(expected, Statistics.Of([3.5, 1, 4, 2, 1.5]));
        Assert.Equal(2.4, expected.Mean!.Value, 12);
        Assert.Equal(2.0, expected.Median);
        Assert.Equal(Math.Sqrt(1.34), expected.StandardDeviation!.Value, 12);
    }
}
