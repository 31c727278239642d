using CxMaturity.Assessment.Governance;

namespace CxMaturity.Assessment.Tests.Governance;

public sealed class KpiAnalysisTests
{
    [Theory]
    [InlineData(30.0, 30.0, KpiDirection.HigherIsBetter, KpiStatus.Met)]
    [InlineData(29.9999999999, 30.0, KpiDirection.HigherIsBetter, KpiStatus.Met)]
    [InlineData(29.9, 30.0, KpiDirection.HigherIsBetter, KpiStatus.NotMet)]
    [InlineData(4.0, 5.0, KpiDirection.LowerIsBetter, KpiStatus.Met)]
    [InlineData(5.0, 5.0, KpiDirection.LowerIsBetter, KpiStatus.Met)]
    [InlineData(6.0, 5.0, KpiDirection.LowerIsBetter, KpiStatus.NotMet)]
    public void Status_respects_the_direction_and_counts_the_target_itself_as_met(double latest, double target, KpiDirection direction, KpiStatus expected) =>
        Assert.Equal(expected, KpiAnalysis.Status(latest, target, direction));

    [Fact]
    public void Status_without_a_target_or_a_measurement_says_so()
    {
        Assert.Equal(KpiStatus.NoTarget, KpiAnalysis.Status(30, null, KpiDirection.HigherIsBetter));
        Assert.Equal(KpiStatus.NotMeasured, KpiAnalysis.Status(null, 30, KpiDirection.HigherIsBetter));
    }

    [Fact]
    public void A_change_inside_the_two_margins_combined_is_no_significant_change()
    {
        var before = new MeasurementPoint(new(2026, 1, 31), 30, 8.12);

        // √(8.12² + 8.12²) = 11.48
        var small = KpiAnalysis.Trend(before, new(new(2026, 2, 28), 41, 8.12), KpiDirection.HigherIsBetter);
        var large = KpiAnalysis.Trend(before, new(new(2026, 2, 28), 42, 8.12), KpiDirection.HigherIsBetter);
        var fall = KpiAnalysis.Trend(before, new(new(2026, 2, 28), 18, 8.12), KpiDirection.HigherIsBetter);

        Assert.Equal((KpiTrendKind.NoSignificantChange, 11.48), (small.Kind, Math.Round(small.CombinedMargin, 2)));
        Assert.Equal((KpiTrendKind.Better, 12.0), (large.Kind, large.Change));
        Assert.Equal(KpiTrendKind.Worse, fall.Kind);
    }

    [Fact]
    public void Values_typed_in_have_no_margin_and_lower_is_better_turns_the_trend_round()
    {
        var trend = KpiAnalysis.Trend(new(new(2026, 1, 1), 5.0), new(new(2026, 2, 1), 4.0), KpiDirection.LowerIsBetter);
        var same = KpiAnalysis.Trend(new(new(2026, 1, 1), 5.0), new(new(2026, 2, 1), 5.0), KpiDirection.LowerIsBetter);

        Assert.Equal((KpiTrendKind.Better, -1.0, 0.0), (trend.Kind, trend.Change, trend.CombinedMargin));
        Assert.Equal(KpiTrendKind.Unchanged, same.Kind);
        Assert.Equal(KpiTrend.None, KpiAnalysis.Trend(null, new(new(2026, 2, 1), 5.0), KpiDirection.LowerIsBetter));
    }

    [Fact]
    public void The_latest_two_are_found_by_date_whatever_the_order()
    {
        var a = new MeasurementPoint(new(2026, 3, 1), 1);
        var b = new MeasurementPoint(new(2026, 1, 1), 2);
        var c = new MeasurementPoint(new(2026, 2, 1), 3);

        Assert.Equal((c, a), KpiAnalysis.LatestTwo([a, b, c]));
        Assert.Equal((null, b), KpiAnalysis.LatestTwo([b]));
    }

    [Theory]
    [InlineData("2026-11-30", MeasurementFrequency.Weekly, "2026-12-07")]
    [InlineData("2026-01-31", MeasurementFrequency.Monthly, "2026-02-28")]
    [InlineData("2026-11-30", MeasurementFrequency.Quarterly, "2027-02-28")]
    [InlineData("2024-02-29", MeasurementFrequency.Yearly, "2025-02-28")]
    public void The_next_measurement_is_due_one_period_after_the_last(string last, MeasurementFrequency frequency, string expected)
    {
        var due = KpiAnalysis.Due(DateOnly.Parse(last), new DateOnly(2020, 1, 1), frequency, DateOnly.Parse(expected));

        Assert.Equal(DateOnly.Parse(expected), due.NextDue);
        Assert.False(due.Overdue);
        Assert.True(KpiAnalysis.Due(DateOnly.Parse(last), new DateOnly(2020, 1, 1), frequency, DateOnly.Parse(expected).AddDays(1)).Overdue);
    }

    [Fact]
    public void A_kpi_never_measured_is_due_from_the_day_it_was_defined()
    {
        var due = KpiAnalysis.Due(null, new DateOnly(2026, 11, 1), MeasurementFrequency.Monthly, new DateOnly(2026, 11, 30));

        Assert.Equal(new KpiDue(new DateOnly(2026, 11, 1), Overdue: true), due);
    }

    [Fact]
    public void A_measurement_dated_after_today_is_refused()
    {
        Assert.Null(KpiAnalysis.DateRefusal(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30)));
        Assert.Equal(
            "The measurement is dated 2026-12-01, after today (2026-11-30): a measurement records what was measured.",
            KpiAnalysis.DateRefusal(new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 30)));
    }
}
