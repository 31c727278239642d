using System.Globalization;
using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Governance;

/// <summary>One measurement as the rules see it: when, what value, and its margin of error when computed from ratings.</summary>
public sealed record MeasurementPoint(DateOnly Date, double Value, double? MarginOfError = null);

/// <summary>Where a KPI stands against its target.</summary>
public enum KpiStatus
{
    /// <summary>No target is set.</summary>
    NoTarget,

    /// <summary>Not measured yet.</summary>
    NotMeasured,

    /// <summary>The latest measurement reaches the target, in the KPI's direction.</summary>
    Met,

    /// <summary>The latest measurement falls short of the target.</summary>
    NotMet,
}

/// <summary>How the latest measurement compares with the one before.</summary>
public enum KpiTrendKind
{
    /// <summary>Fewer than two measurements.</summary>
    None,

    /// <summary>Exactly the same value.</summary>
    Unchanged,

    /// <summary>A change smaller than the two margins of error combined: it may be noise.</summary>
    NoSignificantChange,

    /// <summary>A change beyond the margins, the right way.</summary>
    Better,

    /// <summary>A change beyond the margins, the wrong way.</summary>
    Worse,
}

/// <summary>The trend: its kind, the change (latest − previous) and the combined margin √(m₁² + m₂²) it was judged against.</summary>
public sealed record KpiTrend(KpiTrendKind Kind, double Change, double CombinedMargin)
{
    /// <summary>No previous measurement to compare with.</summary>
    public static readonly KpiTrend None = new(KpiTrendKind.None, 0, 0);
}

/// <summary>When the next measurement is due, and whether that day has passed.</summary>
public sealed record KpiDue(DateOnly NextDue, bool Overdue);

/// <summary>
/// The rules a KPI is read by (docs/RULES.md §8.3): status against target respecting direction, the trend and its
/// significance, the next due date, and which measurement dates are allowed.
/// </summary>
public static class KpiAnalysis
{
    /// <summary>Status of the latest measurement against <paramref name="target"/>.</summary>
    public static KpiStatus Status(double? latest, double? target, KpiDirection direction) =>
        (latest, target) switch
        {
            (_, null) => KpiStatus.NoTarget,
            (null, _) => KpiStatus.NotMeasured,
            ({ } value, { } goal) => (direction == KpiDirection.HigherIsBetter
                ? Thresholds.AtLeast(value, goal)
                : Thresholds.AtLeast(goal, value)) ? KpiStatus.Met : KpiStatus.NotMet,
        };

    /// <summary>
    /// The latest measurement against the one before: a change smaller than √(m₁² + m₂²) is no significant change (a
    /// value typed in has no margin); otherwise better or worse in the KPI's direction.
    /// </summary>
    public static KpiTrend Trend(MeasurementPoint? previous, MeasurementPoint? latest, KpiDirection direction)
    {
        if (previous is null || latest is null)
        {
            return KpiTrend.None;
        }

        var change = latest.Value - previous.Value;
        var (m1, m2) = (previous.MarginOfError ?? 0, latest.MarginOfError ?? 0);
        var combined = Math.Sqrt((m1 * m1) + (m2 * m2));
        var kind = Thresholds.Same(change, 0) ? KpiTrendKind.Unchanged
            : !Thresholds.AtLeast(Math.Abs(change), combined) ? KpiTrendKind.NoSignificantChange
            : (change > 0) == (direction == KpiDirection.HigherIsBetter) ? KpiTrendKind.Better
            : KpiTrendKind.Worse;
        return new KpiTrend(kind, change, combined);
    }

    /// <summary>The latest two measurements of a list in any order, by date (the later entry wins a tie).</summary>
    public static (MeasurementPoint? Previous, MeasurementPoint? Latest) LatestTwo(IEnumerable<MeasurementPoint> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        MeasurementPoint? latest = null, previous = null;
        foreach (var m in measurements)
        {
            if (latest is null || m.Date >= latest.Date)
            {
                (previous, latest) = (latest, m);
            }
            else if (previous is null || m.Date >= previous.Date)
            {
                previous = m;
            }
        }

        return (previous, latest);
    }

    /// <summary>One period after <paramref name="date"/>: 7 days, or 1, 3 or 12 calendar months (the 31st gives the month's last day).</summary>
    public static DateOnly After(DateOnly date, MeasurementFrequency frequency) => frequency switch
    {
        MeasurementFrequency.Weekly => date.AddDays(7),
        MeasurementFrequency.Monthly => date.AddMonths(1),
        MeasurementFrequency.Quarterly => date.AddMonths(3),
        MeasurementFrequency.Yearly => date.AddYears(1),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    /// <summary>
    /// The next measurement is due one period after the last; a KPI never measured is due from the day it was
    /// defined. Overdue once <paramref name="today"/> is past that day.
    /// </summary>
    public static KpiDue Due(DateOnly? lastMeasured, DateOnly definedOn, MeasurementFrequency frequency, DateOnly today)
    {
        var next = lastMeasured is { } last ? After(last, frequency) : definedOn;
        return new KpiDue(next, today > next);
    }

    /// <summary>
    /// Why <paramref name="value"/> cannot be a measurement of a KPI of <paramref name="kind"/>, or null: NPS lies in
    /// −100..100, CSAT and churn in 0..100 %, CES on its 1–7 scale; a custom KPI takes any number.
    /// </summary>
    public static string? ValueRefusal(KpiKind kind, double value) => kind switch
    {
        _ when !double.IsFinite(value) => $"Give the value as a number: {Common.Numbers.Hint}.",
        KpiKind.Nps when value is < -100 or > 100 => $"An NPS lies between −100 and 100; {value.ToString(CultureInfo.InvariantCulture)} cannot be one.",
        KpiKind.Csat or KpiKind.Churn when value is < 0 or > 100 => $"A {(kind == KpiKind.Csat ? "CSAT" : "churn rate")} is a percentage from 0 to 100; {value.ToString(CultureInfo.InvariantCulture)} cannot be one.",
        KpiKind.Ces when value is < 1 or > 7 => $"A CES is a mean rating from 1 to 7; {value.ToString(CultureInfo.InvariantCulture)} cannot be one.",
        _ => null,
    };

    /// <summary>Why a measurement cannot carry <paramref name="date"/> (it is after <paramref name="today"/>), or null.</summary>
    public static string? DateRefusal(DateOnly date, DateOnly today) =>
        date > today ? $"The measurement is dated {date:yyyy-MM-dd}, after today ({today:yyyy-MM-dd}): a measurement records what was measured." : null;
}
