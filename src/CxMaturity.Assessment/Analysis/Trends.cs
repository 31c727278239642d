using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Analysis;

/// <summary>A round's final figures as trends and the portfolio compare them.</summary>
/// <param name="RoundId">The round.</param>
/// <param name="Name">The round's name.</param>
/// <param name="When">When the round's figures stand: its closing time, else when it was created.</param>
/// <param name="Closed">The round is closed: its figures are final.</param>
/// <param name="ModelId">The model the round was answered on.</param>
/// <param name="ModelVersion">That model's version.</param>
/// <param name="Overall">The overall score; none when nobody's answers count yet.</param>
/// <param name="Dimensions">The score of each in-scope dimension that has one, by dimension id.</param>
public sealed record RoundScores(
    int RoundId,
    string Name,
    DateTime When,
    bool Closed,
    string ModelId,
    string ModelVersion,
    double? Overall,
    IReadOnlyDictionary<string, double> Dimensions);

/// <summary>One round on a trend line; <paramref name="ModelVersionChanged"/> marks a new version of the model from this round on.</summary>
public sealed record TrendPoint(RoundScores Round, bool ModelVersionChanged);

/// <summary>Which way an organisation's overall score went from one closed round to the next.</summary>
public enum TrendDirection
{
    /// <summary>Fewer than two closed rounds with a score on the same model: nothing to compare.</summary>
    None,

    /// <summary>Up by at least <see cref="Trends.SteadyBand"/>.</summary>
    Up,

    /// <summary>Within <see cref="Trends.SteadyBand"/> either way.</summary>
    Steady,

    /// <summary>Down by at least <see cref="Trends.SteadyBand"/>.</summary>
    Down,
}

/// <summary>Trends across an organisation's rounds (docs/RULES.md §5.15).</summary>
public static class Trends
{
    /// <summary>A change smaller than this (a tenth of a stage) is steady; exactly this much is a move (rule 13).</summary>
    public const double SteadyBand = 0.1;

    /// <summary>
    /// The rounds on <paramref name="modelId"/> with an overall score, oldest first (ties by round id), each marked when
    /// its model version differs from the previous point's. Rounds on other models are left out: their scores do not
    /// measure the same thing.
    /// </summary>
    public static IReadOnlyList<TrendPoint> Line(IEnumerable<RoundScores> rounds, string modelId)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var points = new List<TrendPoint>();
        string? version = null;
        foreach (var round in rounds
            .Where(r => r.Overall is not null && string.Equals(r.ModelId, modelId, StringComparison.Ordinal))
            .OrderBy(r => r.When).ThenBy(r => r.RoundId))
        {
            points.Add(new TrendPoint(round, version is not null && !string.Equals(version, round.ModelVersion, StringComparison.Ordinal)));
            version = round.ModelVersion;
        }

        return points;
    }

    /// <summary>
    /// Which way the overall score went between the last two closed rounds with a score on the latest one's model.
    /// </summary>
    public static TrendDirection Direction(IEnumerable<RoundScores> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var closed = rounds.Where(r => r.Closed && r.Overall is not null).OrderBy(r => r.When).ThenBy(r => r.RoundId).ToList();
        if (closed.Count == 0)
        {
            return TrendDirection.None;
        }

        var latest = closed[^1];
        var previous = closed.Take(closed.Count - 1).LastOrDefault(r => string.Equals(r.ModelId, latest.ModelId, StringComparison.Ordinal));
        if (previous is null)
        {
            return TrendDirection.None;
        }

        var change = latest.Overall!.Value - previous.Overall!.Value;
        return change >= SteadyBand - Thresholds.Epsilon ? TrendDirection.Up
            : change <= -SteadyBand + Thresholds.Epsilon ? TrendDirection.Down
            : TrendDirection.Steady;
    }
}
