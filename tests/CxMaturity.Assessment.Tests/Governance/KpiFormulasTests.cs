using CxMaturity.Assessment.Governance;

namespace CxMaturity.Assessment.Tests.Governance;

public sealed class KpiFormulasTests
{
    [Fact]
    public void Nps_of_ten_ratings_with_five_promoters_and_two_detractors_is_30()
    {
        var nps = KpiFormulas.Compute(KpiKind.Nps, RatingCounts.Of(RatingScale.Nps, [10, 9, 9, 10, 9, 7, 8, 8, 3, 6]));

        Assert.Equal(30, nps.Value, 9);
        Assert.Equal(10, nps.N);
        // P = 0.5, D = 0.2: 1.96 × √((0.7 − 0.09) / 10) × 100 = 48.41
        Assert.Equal(48.41, nps.MarginOfError, 2);
        Assert.True(nps.SmallSample);
    }

    [Fact]
    public void Ratings_from_three_sources_are_pooled_before_the_formula_not_averaged_as_scores()
    {
        // Detractors / passives / promoters: 2/0/3 (NPS 20), 4/3/1 (−37.5), 4/3/0 (−57.1); their mean would be −24.9.
        var sources = new[] { Counts(2, 0, 3), Counts(4, 3, 1), Counts(4, 3, 0) };

        var pooled = sources.Aggregate((a, b) => a.Pool(b));
        var nps = KpiFormulas.Compute(KpiKind.Nps, pooled);

        Assert.Equal(20, pooled.N);
        Assert.Equal(-30, nps.Value, 9);
    }

    [Fact]
    public void Nps_margin_for_54_108_162_detractors_passives_promoters_is_8_12()
    {
        var nps = KpiFormulas.Compute(KpiKind.Nps, Counts(54, 108, 162));

        Assert.Equal(33.33, nps.Value, 2);
        Assert.Equal(8.12, Math.Round(nps.MarginOfError, 2));
        Assert.False(nps.SmallSample);
    }

    [Fact]
    public void Csat_of_counts_42_32_10_9_14_from_fives_down_to_ones_is_69_16_percent()
    {
        var counts = new RatingCounts(RatingScale.Csat);
        foreach (var (rating, times) in new[] { (5, 42), (4, 32), (3, 10), (2, 9), (1, 14) })
        {
            counts.Add(rating, times);
        }

        var csat = KpiFormulas.Compute(KpiKind.Csat, counts);

        Assert.Equal(69.16, Math.Round(csat.Value, 2));
        // p = 74/107: 1.96 × √(p(1 − p) / 107) × 100 = 8.75
        Assert.Equal(8.75, Math.Round(csat.MarginOfError, 2));
        Assert.Equal(107, csat.N);
    }

    [Fact]
    public void Ces_is_the_mean_rating_with_the_population_standard_deviation_in_its_margin()
    {
        // Mean 5.4; squared deviations 2.56 + 0.36 + 0.36 + 0.16 + 5.76 = 9.2, variance 1.84: 1.96 × √1.84 / √5 = 1.189
        var ces = KpiFormulas.Compute(KpiKind.Ces, RatingCounts.Of(RatingScale.Ces, [7, 6, 6, 5, 3]));

        Assert.Equal(5.4, ces.Value, 9);
        Assert.Equal(1.189, Math.Round(ces.MarginOfError, 3));
        Assert.True(ces.SmallSample);
    }

    [Fact]
    public void Thirty_ratings_are_no_longer_a_small_sample()
    {
        Assert.True(KpiFormulas.Compute(KpiKind.Csat, RatingCounts.Of(RatingScale.Csat, Enumerable.Repeat(5, 29))).SmallSample);
        Assert.False(KpiFormulas.Compute(KpiKind.Csat, RatingCounts.Of(RatingScale.Csat, Enumerable.Repeat(5, 30))).SmallSample);
    }

    [Fact]
    public void Nothing_is_computed_from_no_ratings_off_the_scale_or_for_a_kind_entered_as_a_value()
    {
        Assert.Throws<ArgumentException>(() => KpiFormulas.Compute(KpiKind.Nps, new RatingCounts(RatingScale.Nps)));
        Assert.Throws<ArgumentException>(() => KpiFormulas.Compute(KpiKind.Churn, RatingCounts.Of(RatingScale.Nps, [9])));
        Assert.Throws<ArgumentException>(() => KpiFormulas.Compute(KpiKind.Csat, RatingCounts.Of(RatingScale.Nps, [9])));
        Assert.Throws<ArgumentOutOfRangeException>(() => RatingCounts.Of(RatingScale.Nps, [11]));
        Assert.Throws<ArgumentException>(() => Counts(1, 1, 1).Pool(RatingCounts.Of(RatingScale.Csat, [5])));
    }

    // Detractors as 0s, passives as 7s, promoters as 10s.
    private static RatingCounts Counts(int detractors, int passives, int promoters)
    {
        var counts = new RatingCounts(RatingScale.Nps);
        counts.Add(0, detractors);
        counts.Add(7, passives);
        counts.Add(10, promoters);
        return counts;
    }
}
