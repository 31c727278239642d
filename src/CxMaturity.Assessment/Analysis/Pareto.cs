namespace CxMaturity.Assessment.Analysis;

/// <summary>
/// Pareto analysis, shared by the roadmap (items by priority) and the customer-gap register (root causes by
/// score): sorted by value descending, each with its cumulative share of the total, and the "vital few" as the
/// shortest prefix whose cumulative share reaches 80 % (docs/RULES.md §6.8).
/// </summary>
public static class Pareto
{
    /// <summary>The cumulative share the vital few reach.</summary>
    public const double VitalFewShare = 0.8;

    // Values and cumulative shares are sums and products of doubles: two priorities equal on paper can differ in
    // their last bits, and a prefix holding exactly 80 % can come out as 0.7999999999999999 (RULES.md §5.13).
    private const double Tolerance = 1e-9;

    /// <summary>
    /// Orders two values largest first, treating values within 1e-9 of each other as equal so that the caller's
    /// tie-breakers decide between them rather than floating-point noise.
    /// </summary>
    public static int CompareDescending(double a, double b) => Math.Abs(a - b) <= Tolerance ? 0 : b.CompareTo(a);

    /// <summary>
    /// Ranks <paramref name="items"/> by <paramref name="value"/> descending (ties by <paramref name="tieBreak"/>)
    /// and gives each its cumulative share of the total. When the total is 0 every share is 0 and there are no
    /// vital few. The last share is exactly 1 when the total is positive.
    /// </summary>
    /// <exception cref="ArgumentException">A value is negative or not a finite number.</exception>
    public static ParetoRanking<T> Rank<T>(IEnumerable<T> items, Func<T, double> value, Comparison<T> tieBreak)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(tieBreak);

        var ranked = items.Select(item => (Item: item, Value: value(item))).ToArray();
        foreach (var (_, v) in ranked)
        {
            if (!double.IsFinite(v) || v < 0)
            {
                throw new ArgumentException($"A Pareto value must be a finite number of at least 0, not {v}.", nameof(value));
            }
        }

        Array.Sort(ranked, (a, b) =>
        {
            var byValue = CompareDescending(a.Value, b.Value);
            return byValue != 0 ? byValue : tieBreak(a.Item, b.Item);
        });

        // Summing in ranked order makes the last cumulative share exactly 1.
        var total = 0.0;
        foreach (var (_, v) in ranked)
        {
            total += v;
        }

        var entries = new ParetoEntry<T>[ranked.Length];
        var cumulative = 0.0;
        var reached = false;
        for (var i = 0; i < ranked.Length; i++)
        {
            cumulative += ranked[i].Value;
            var share = total > 0 ? cumulative / total : 0;
            entries[i] = new ParetoEntry<T>(ranked[i].Item, ranked[i].Value, share, total > 0 && !reached);
            reached |= share >= VitalFewShare - Tolerance;
        }

        return new ParetoRanking<T>(Array.AsReadOnly(entries), total);
    }
}

/// <summary>The result of <see cref="Pareto.Rank{T}"/>: the entries largest first, and the total of their values.</summary>
public sealed record ParetoRanking<T>(IReadOnlyList<ParetoEntry<T>> Entries, double Total);

/// <summary>One ranked item: its value, its cumulative share of the total (0..1), and whether it is one of the vital few.</summary>
public readonly record struct ParetoEntry<T>(T Item, double Value, double CumulativeShare, bool VitalFew);
