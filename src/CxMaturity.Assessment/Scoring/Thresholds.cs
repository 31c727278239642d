namespace CxMaturity.Assessment.Scoring;

/// <summary>Rule 13 (docs/RULES.md §5.13): a figure within <see cref="Epsilon"/> of a threshold counts as on it.</summary>
public static class Thresholds
{
    /// <summary>How close to a threshold counts as on it: floating-point noise never moves a stage, a flag or an order.</summary>
    public const double Epsilon = 1e-9;

    /// <summary>True when <paramref name="value"/> reaches <paramref name="threshold"/>, noise allowed for.</summary>
    public static bool AtLeast(double value, double threshold) => value >= threshold - Epsilon;

    /// <summary>True when the two are the same figure, noise allowed for.</summary>
    public static bool Same(double a, double b) => Math.Abs(a - b) <= Epsilon;
}
