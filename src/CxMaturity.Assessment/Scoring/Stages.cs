namespace CxMaturity.Assessment.Scoring;

/// <summary>The stage and rounding rules of SPEC §5 (rules 6 and 10), shared by scoring, roadmap and exports.</summary>
public static class Stages
{
    /// <summary>Lowest stage level.</summary>
    public const int Min = 1;

    /// <summary>Highest stage level.</summary>
    public const int Max = 5;

    /// <summary>
    /// The stage of a score: the level L with L − 0.5 ≤ s &lt; L + 0.5, clamped to 1..5
    /// (2.49 → 2 Development, 2.5 → 3 Definition, 4.5 → 5 Optimized).
    /// </summary>
    public static int StageOf(double score) => Math.Clamp((int)Math.Floor(score + 0.5 + Tolerance), Min, Max);

    // Weighted means carry binary noise: weights 0.1 and 0.1 with answers 2 and 5 give 3.4999999999999996, which a
    // person reads (and ForDisplay shows) as 3.5, stage 4. The tolerance is far below any real score difference.
    private const double Tolerance = 1e-9;

    /// <summary>Rounds for display: one decimal, half away from zero (rule 10).</summary>
    public static double ForDisplay(double value) => RoundHalfAwayFromZero(value, 1);

    /// <summary>Rounds for exports: two decimals, half away from zero (rule 10).</summary>
    public static double ForExport(double value) => RoundHalfAwayFromZero(value, 2);

    // Through decimal, which keeps the 15 significant digits a person reads: 1.15 is stored as 1.1499999… in
    // binary, and rounding the double directly would show 1.1 where a person expects 1.2.
    private static double RoundHalfAwayFromZero(double value, int decimals) =>
        (double)Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>Formats a score with one decimal (rule 10), or an en dash when undefined.</summary>
    public static string Display(double? value) =>
        value is { } v ? ForDisplay(v).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
