using CxMaturity.Assessment.Analysis;

namespace CxMaturity.Assessment.Tests.Analysis;

public sealed class ParetoRankingTests
{
    [Fact]
    public void Values_are_ranked_largest_first_with_cumulative_shares_and_the_vital_few_to_80_percent()
    {
        // 50, 30, 10, 10 of 100: 50 %, 80 % (the vital few end here), 90 %, 100 %; the two 10s tie on the name.
        var ranking = Pareto.Rank(
            [("Delivery", 10.0), ("Billing", 30.0), ("Returns", 10.0), ("Staff", 50.0)],
            x => x.Item2,
            (a, b) => string.CompareOrdinal(a.Item1, b.Item1));

        Assert.Equal(100, ranking.Total);
        Assert.Equal(
            [("Staff", 0.5, true), ("Billing", 0.8, true), ("Delivery", 0.9, false), ("Returns", 1.0, false)],
            ranking.Entries.Select(e => (e.Item.Item1, Math.Round(e.CumulativeShare, 12), e.VitalFew)));
    }

    [Fact]
    public void A_zero_total_gives_zero_shares_and_no_vital_few()
    {
        var ranking = Pareto.Rank([0.0, 0.0], x => x, (a, b) => 0);

        Assert.Equal([(0.0, false), (0.0, false)], ranking.Entries.Select(e => (e.CumulativeShare, e.VitalFew)));
    }

    [Fact]
    public void A_negative_value_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Pareto.Rank([1.0, -2.0], x => x, (a, b) => 0));

        Assert.Contains("-2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.4300000000000002, 1.4300000000000004, 0)]
    [InlineData(2.0, 1.0, -1)]
    [InlineData(1.0, 2.0, 1)]
    [InlineData(1.0, 1.0 + 2e-9, 1)]
    public void Values_within_1e_9_of_each_other_compare_as_equal(double a, double b, int expected) =>
        Assert.Equal(expected, Math.Sign(Pareto.CompareDescending(a, b)));
}
