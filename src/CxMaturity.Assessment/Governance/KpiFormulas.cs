namespace CxMaturity.Assessment.Governance;

/// <summary>A measurement computed from ratings: the value, how many ratings, the 95 % margin of error either way.</summary>
/// <param name="Value">NPS −100..100; CSAT 0..100 (%); CES the mean rating.</param>
/// <param name="N">How many ratings.</param>
/// <param name="MarginOfError">Half the 95 % confidence interval, in the value's unit.</param>
/// <param name="SmallSample">Fewer than <see cref="KpiFormulas.SmallSampleBelow"/> ratings.</param>
public sealed record ComputedMeasurement(double Value, long N, double MarginOfError, bool SmallSample);

/// <summary>
/// NPS, CSAT and CES from raw ratings, each with its 95 % margin of error (docs/RULES.md §8.2):
/// NPS = % promoters (9–10) − % detractors (0–6), margin 1.96 × √((P + D − (P − D)²) / n) × 100;
/// CSAT = % of 4s and 5s, margin 1.96 × √(p(1 − p) / n) × 100;
/// CES = the mean rating, margin 1.96 × s / √n with s the population standard deviation.
/// </summary>
public static class KpiFormulas
{
    /// <summary>Fewer ratings than this is a small sample.</summary>
    public const int SmallSampleBelow = 30;

    /// <summary>The z value of a 95 % interval.</summary>
    public const double Z95 = 1.96;

    /// <summary>The measurement <paramref name="counts"/> give for a KPI of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentException">There are no ratings, the kind is not computed from ratings, or the counts are on another scale.</exception>
    public static ComputedMeasurement Compute(KpiKind kind, RatingCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var scale = RatingScale.For(kind) ?? throw new ArgumentException($"A {kind} KPI is entered as a value, not computed from ratings.", nameof(kind));
        if (counts.Scale != scale)
        {
            throw new ArgumentException($"{kind} is computed from ratings {scale.Description}, not {counts.Scale.Description}.", nameof(counts));
        }

        if (counts.N == 0)
        {
            throw new ArgumentException("There are no ratings to compute from.", nameof(counts));
        }

        double n = counts.N;
        var (value, margin) = kind switch
        {
            KpiKind.Nps => Nps(counts, n),
            KpiKind.Csat => Csat(counts, n),
            _ => Ces(counts, n),
        };
        return new ComputedMeasurement(value, counts.N, margin, counts.N < SmallSampleBelow);
    }

    private static (double, double) Nps(RatingCounts counts, double n)
    {
        var promoters = counts.Between(9, 10) / n;
        var detractors = counts.Between(0, 6) / n;
        var difference = promoters - detractors;
        // P + D − (P − D)² is never negative on paper; rounding must not make it so.
        var variance = Math.Max(0, promoters + detractors - (difference * difference));
        return (difference * 100, Z95 * Math.Sqrt(variance / n) * 100);
    }

    private static (double, double) Csat(RatingCounts counts, double n)
    {
        var satisfied = counts.Between(4, 5) / n;
        return (satisfied * 100, Z95 * Math.Sqrt(satisfied * (1 - satisfied) / n) * 100);
    }

    private static (double, double) Ces(RatingCounts counts, double n)
    {
        var sum = 0.0;
        for (var rating = counts.Scale.Min; rating <= counts.Scale.Max; rating++)
        {
            sum += rating * (double)counts[rating];
        }

        var mean = sum / n;
        var squares = 0.0;
        for (var rating = counts.Scale.Min; rating <= counts.Scale.Max; rating++)
        {
            squares += counts[rating] * (rating - mean) * (rating - mean);
        }

        return (mean, Z95 * Math.Sqrt(squares / n) / Math.Sqrt(n));
    }
}
