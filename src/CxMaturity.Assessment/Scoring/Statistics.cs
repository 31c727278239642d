namespace CxMaturity.Assessment.Scoring;

/// <summary>
/// Descriptive statistics of a set of scores (RULES.md §5.3): count, mean, median, minimum, maximum and
/// population standard deviation. Every figure but <see cref="N"/> is <c>null</c> when there are no scores.
/// </summary>
/// <param name="N">How many scores.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Median">Middle score; the mean of the two middle scores when <see cref="N"/> is even.</param>
/// <param name="Min">Lowest score.</param>
/// <param name="Max">Highest score.</param>
/// <param name="StandardDeviation">Population standard deviation (divides by N, not N − 1).</param>
public sealed record Statistics(
    int N,
    double? Mean,
    double? Median,
    double? Min,
    double? Max,
    double? StandardDeviation)
{
    /// <summary>The statistics of no scores at all: N = 0, every figure <c>null</c>.</summary>
    public static Statistics Empty { get; } = new(0, null, null, null, null, null);

    /// <summary>The statistics of the given scores, in any order.</summary>
    public static Statistics Of(IEnumerable<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return OfInPlace(scores.ToArray());
    }

    /// <summary>
    /// The statistics of <paramref name="scores"/>, which it sorts in place. Summing in ascending order makes the
    /// result independent of the order respondents came in, to the last bit.
    /// </summary>
    internal static Statistics OfInPlace(Span<double> scores)
    {
        if (scores.IsEmpty)
        {
            return Empty;
        }

        scores.Sort();
        var mean = Sum(scores) / scores.Length;
        return new Statistics(
            scores.Length,
            mean,
            MedianOfSorted(scores),
            scores[0],
            scores[^1],
            PopulationStandardDeviation(scores, mean));
    }

    private static double Sum(ReadOnlySpan<double> scores)
    {
        var sum = 0.0;
        foreach (var score in scores)
        {
            sum += score;
        }

        return sum;
    }

    private static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // Two passes (mean first, then squared deviations) rather than Σx² − n·mean², which loses precision when the
    // scores are close together.
    private static double PopulationStandardDeviation(ReadOnlySpan<double> scores, double mean)
    {
        var squares = 0.0;
        foreach (var score in scores)
        {
            var deviation = score - mean;
            squares += deviation * deviation;
        }

        return Math.Sqrt(squares / scores.Length);
    }
}
