using System.Globalization;
using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Tests.Scoring;

public sealed class StagesTests
{
    [Theory]
    [InlineData(1.0, 1)]
    [InlineData(1.49, 1)]
    [InlineData(1.5, 2)]
    [InlineData(2.49, 2)]
    [InlineData(2.5, 3)]
    [InlineData(3.0, 3)]
    [InlineData(4.49, 4)]
    [InlineData(4.5, 5)]
    public void Stage_is_the_level_within_half_a_point_with_halves_going_up(double score, int stage) =>
        Assert.Equal(stage, Stages.StageOf(score));

    [Fact]
    public void Stage_of_2_49_is_Development_and_of_2_5_is_Definition()
    {
        var model = TestModels.Build(TestModels.Dimension("a"));

        Assert.Equal("Development", model.StageAt(Stages.StageOf(2.49)).Name);
        Assert.Equal("Definition", model.StageAt(Stages.StageOf(2.5)).Name);
    }

    [Theory]
    [InlineData(0.2, 1)]
    [InlineData(-3.0, 1)]
    [InlineData(5.0, 5)]
    [InlineData(5.6, 5)]
    public void Stage_is_clamped_to_1_to_5(double score, int stage) =>
        Assert.Equal(stage, Stages.StageOf(score));

    [Theory]
    [InlineData(1.25, 1.3)]
    [InlineData(1.35, 1.4)]
    [InlineData(2.45, 2.5)]
    [InlineData(-1.25, -1.3)]
    [InlineData(1.15, 1.2)] // 1.15 is 1.149999… in binary; a person still expects 1.2
    [InlineData(3.04, 3.0)]
    public void Display_rounds_to_one_decimal_half_away_from_zero(double value, double shown) =>
        Assert.Equal(shown, Stages.ForDisplay(value));

    [Theory]
    [InlineData(2.675, 2.68)] // 2.675 is 2.67499999… in binary
    [InlineData(2.665, 2.67)]
    [InlineData(-2.675, -2.68)]
    [InlineData(3.333333333, 3.33)]
    public void Export_rounds_to_two_decimals_half_away_from_zero(double value, double exported) =>
        Assert.Equal(exported, Stages.ForExport(value));

    [Fact]
    public void Display_shows_one_decimal_with_a_point_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("3.0", Stages.Display(3));
            Assert.Equal("2.5", Stages.Display(2.54));
            Assert.Equal("2.45", Stages.Display(2.45));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_weighted_mean_that_is_3_5_on_paper_is_Managed_despite_binary_noise()
    {
        // Two questions weighing 0.1 answered 2 and 5: (0.1×2 + 0.1×5) / 0.2 = 3.5 on paper, 3.4999999999999996 in binary.
        var score = (0.1 * 2 + 0.1 * 5) / (0.1 + 0.1);
        Assert.True(score < 3.5);
        Assert.Equal(4, Stages.StageOf(score));
        Assert.Equal(3.5, Stages.ForDisplay(score));
    }

    // Rule 10 with rule 6: one decimal, unless one decimal would show the next stage's boundary for a score that
    // is still below it ("2.5 · Development" for 2.468); then two decimals, and never the boundary itself.
    [Theory]
    [InlineData(2.449, "2.4")]
    [InlineData(2.45, "2.45")]
    [InlineData(2.468, "2.47")]
    [InlineData(2.4999, "2.49")]
    [InlineData(2.5, "2.5")]
    [InlineData(4.4999, "4.49")]
    [InlineData(4.5, "4.5")]
    [InlineData(1.46, "1.46")]
    [InlineData(3.04, "3.0")]
    [InlineData(5.0, "5.0")]
    public void A_displayed_score_never_shows_a_stage_the_score_has_not_reached(double score, string shown)
    {
        Assert.Equal(shown, Stages.Display(score));
        Assert.Equal(Stages.StageOf(score), Stages.StageOf(double.Parse(shown, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_score_on_a_boundary_in_exact_arithmetic_shows_the_boundary_and_its_stage()
    {
        var score = (0.1 * 2 + 0.1 * 5) / (0.1 + 0.1); // 3.4999999999999996, Managed by rule 13

        Assert.Equal("3.5", Stages.Display(score));
        Assert.Equal(3.5, Stages.ScoreForExport(score));
    }

    [Theory]
    [InlineData(2.4949, 2.49)]
    [InlineData(2.4951, 2.49)]
    [InlineData(2.4999, 2.49)]
    [InlineData(2.5, 2.5)]
    [InlineData(4.496, 4.49)]
    [InlineData(3.3333, 3.33)]
    public void An_exported_score_keeps_two_decimals_without_crossing_into_the_next_stage(double score, double exported)
    {
        Assert.Equal(exported, Stages.ScoreForExport(score));
        Assert.Equal(Stages.StageOf(score), Stages.StageOf(Stages.ScoreForExport(score)));
    }

    [Theory]
    [InlineData(0.96, "0.96")]
    [InlineData(-0.96, "-0.96")]
    [InlineData(0.9999, "0.99")]
    [InlineData(1.0, "1.0")]
    [InlineData(-1.04, "-1.0")]
    [InlineData(0.94, "0.9")]
    [InlineData(1.26, "1.3")]
    public void A_displayed_spread_or_gap_never_shows_the_flag_threshold_it_has_not_reached(double value, string shown) =>
        Assert.Equal(shown, Stages.DisplayDifference(value));

    [Theory]
    [InlineData(79.96, "79.96")]
    [InlineData(79.9999, "79.99")]
    [InlineData(80.0, "80.0")]
    [InlineData(81.34, "81.3")]
    [InlineData(79.94, "79.9")]
    public void A_figure_shown_against_a_threshold_never_shows_the_threshold_before_it_is_reached(double value, string shown) =>
        Assert.Equal(shown, Stages.DisplayAgainst(value, 80));

    [Theory]
    [InlineData(0.996, 0.99)]
    [InlineData(1.0, 1.0)]
    [InlineData(-0.9999, -0.99)]
    [InlineData(0.62, 0.62)]
    public void An_exported_spread_or_gap_never_shows_the_flag_threshold_it_has_not_reached(double value, double exported) =>
        Assert.Equal(exported, Stages.DifferenceForExport(value));

    [Fact]
    public void Display_of_an_undefined_score_is_an_en_dash() => Assert.Equal("–", Stages.Display(null));
}
