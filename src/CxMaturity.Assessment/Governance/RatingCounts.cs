namespace CxMaturity.Assessment.Governance;

/// <summary>
/// How many times each rating of a scale was given. Ratings from several sources or periods are pooled by adding
/// their counts before any formula is applied, never by averaging scores (docs/RULES.md §8.2).
/// </summary>
public sealed class RatingCounts
{
    private readonly long[] _counts;

    /// <summary>No ratings yet on <paramref name="scale"/>.</summary>
    public RatingCounts(RatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        Scale = scale;
        _counts = new long[scale.Max - scale.Min + 1];
    }

    /// <summary>The scale counted on.</summary>
    public RatingScale Scale { get; }

    /// <summary>How many ratings in all.</summary>
    public long N { get; private set; }

    /// <summary>How many times <paramref name="rating"/> was given (0 off the scale).</summary>
    public long this[int rating] => Scale.Contains(rating) ? _counts[rating - Scale.Min] : 0;

    /// <summary>Counts of the ratings given, in any order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rating is off the scale; check ratings first (<see cref="RatingList"/>).</exception>
    public static RatingCounts Of(RatingScale scale, IEnumerable<int> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var counts = new RatingCounts(scale);
        foreach (var rating in ratings)
        {
            counts.Add(rating);
        }

        return counts;
    }

    /// <summary>Counts of the ratings in a span: the fast path for very long lists.</summary>
    public static RatingCounts Of(RatingScale scale, ReadOnlySpan<int> ratings)
    {
        var counts = new RatingCounts(scale);
        foreach (var rating in ratings)
        {
            counts.Add(rating);
        }

        return counts;
    }

    /// <summary>Counts one more <paramref name="rating"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rating is off the scale.</exception>
    public void Add(int rating, long times = 1)
    {
        if (!Scale.Contains(rating))
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, $"A rating must be {Scale.Description}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(times);
        _counts[rating - Scale.Min] += times;
        N += times;
    }

    /// <summary>These counts and <paramref name="other"/>'s together, as one set of ratings.</summary>
    /// <exception cref="ArgumentException">The two are on different scales.</exception>
    public RatingCounts Pool(RatingCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Scale != Scale)
        {
            throw new ArgumentException($"Ratings {other.Scale.Description} cannot be pooled with ratings {Scale.Description}.", nameof(other));
        }

        var pooled = new RatingCounts(Scale);
        for (var rating = Scale.Min; rating <= Scale.Max; rating++)
        {
            pooled.Add(rating, this[rating] + other[rating]);
        }

        return pooled;
    }

    /// <summary>How many ratings lie from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public long Between(int from, int to)
    {
        long sum = 0;
        for (var rating = Math.Max(from, Scale.Min); rating <= Math.Min(to, Scale.Max); rating++)
        {
            sum += this[rating];
        }

        return sum;
    }
}
