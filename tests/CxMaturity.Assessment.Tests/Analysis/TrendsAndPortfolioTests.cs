using CxMaturity.Assessment.Analysis;

namespace CxMaturity.Assessment.Tests.Analysis;

public sealed class TrendsAndPortfolioTests
{
    private static RoundScores Round(int id, int month, double? overall, string version = "1.0.0", string model = "cx", bool closed = true, params (string Id, double Score)[] dimensions) =>
        new(id, $"Round {id}", new DateTime(2026, month, 1, 0, 0, 0, DateTimeKind.Utc), closed, model, version, overall,
            dimensions.ToDictionary(d => d.Id, d => d.Score));

    [Fact]
    public void A_trend_line_takes_the_model_s_rounds_with_a_score_oldest_first_and_marks_a_new_version()
    {
        var rounds = new[]
        {
            Round(3, 9, 2.9, "1.1.0"),
            Round(1, 1, 2.1),
            Round(2, 5, null),                   // nobody's answers counted
            Round(4, 6, 2.5, model: "other"),    // another model measures something else
            Round(5, 11, 3.2, "1.1.0", closed: false),
        };

        var line = Trends.Line(rounds, "cx");

        Assert.Equal([(1, false), (3, true), (5, false)], line.Select(p => (p.Round.RoundId, p.ModelVersionChanged)));
    }

    [Theory]
    [InlineData(2.4, 2.5, TrendDirection.Up)]          // exactly a tenth up is a move
    [InlineData(2.5, 2.4, TrendDirection.Down)]
    [InlineData(2.4, 2.49, TrendDirection.Steady)]
    [InlineData(2.45, 2.3500000000000001, TrendDirection.Down)]
    public void The_direction_compares_the_last_two_closed_rounds(double previous, double latest, TrendDirection expected) =>
        Assert.Equal(expected, Trends.Direction([Round(1, 1, previous), Round(2, 6, latest), Round(3, 9, 1.0, closed: false)]));

    [Fact]
    public void One_closed_round_or_a_change_of_model_has_no_direction()
    {
        Assert.Equal(TrendDirection.None, Trends.Direction([Round(1, 1, 2.0)]));
        Assert.Equal(TrendDirection.None, Trends.Direction([Round(1, 1, 2.0, model: "old"), Round(2, 6, 3.0)]));
    }

    [Fact]
    public void Percentiles_count_the_others_below_with_ties_as_half()
    {
        // Overall 3.0, 2.0, 2.0, 1.0 on one model: A is above all 3 others (100), B and C are above D and tie
        // each other ((1 + 0.5) / 3 = 50), D is above none (0).
        var portfolio = Portfolio.Compare(
        [
            new(1, "B", [Round(11, 1, 2.0)]),
            new(2, "A", [Round(21, 1, 3.0)]),
            new(3, "D", [Round(31, 1, 1.0)]),
            new(4, "C", [Round(41, 1, 1.0), Round(42, 6, 2.0)]),
            new(5, "E", [Round(51, 1, 2.5, closed: false)]),
        ]);

        Assert.True(portfolio.SameModel);
        Assert.Equal([("A", 100.0), ("B", 50.0), ("C", 50.0), ("D", 0.0)], portfolio.Rows.Select(r => (r.Name, r.Percentile!.Value)));
        Assert.Equal(TrendDirection.Up, portfolio.Rows.Single(r => r.Name == "C").Trend);
        Assert.Equal(["E"], portfolio.WithoutClosedRound.Select(o => o.Name));
    }

    [Fact]
    public void Organisations_on_different_models_are_compared_on_the_dimensions_they_share()
    {
        var portfolio = Portfolio.Compare(
        [
            new(1, "Retail", [Round(11, 1, 3.0, model: "cx", dimensions: [("voc", 4.0), ("strategy", 2.0), ("data", 3.0)])]),
            new(2, "Bank", [Round(21, 1, 1.0, model: "cx-bank", dimensions: [("voc", 3.0), ("strategy", 2.5), ("risk", 5.0)])]),
        ]);

        Assert.False(portfolio.SameModel);
        Assert.Equal(["strategy", "voc"], portfolio.SharedDimensions);
        // Retail (4.0 + 2.0) / 2 = 3.0; Bank (3.0 + 2.5) / 2 = 2.75.
        Assert.Equal([("Retail", 3.0, 100.0), ("Bank", 2.75, 0.0)], portfolio.Rows.Select(r => (r.Name, r.Compared!.Value, r.Percentile!.Value)));
    }

    [Fact]
    public void An_organisation_alone_has_no_percentile() =>
        Assert.Null(Assert.Single(Portfolio.Compare([new(1, "Solo", [Round(1, 1, 2.0)])]).Rows).Percentile);
}
