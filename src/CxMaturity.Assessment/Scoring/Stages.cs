namespace CxMaturity.Assessment.Scoring;

/// <summary>The stage and rounding rules of RULES.md §5 (rules 6 and 10), shared by scoring, roadmap and exports.</summary>
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
    private const double Tolerance = Thresholds.Epsilon;

    /// <summary>Rounds for display: one decimal, half away from zero (rule 10).</summary>
    public static double ForDisplay(double value) => RoundHalfAwayFromZero(value, 1);

    /// <summary>Rounds for exports: two decimals, half away from zero (rule 10).</summary>
    public static double ForExport(double value) => RoundHalfAwayFromZero(value, 2);

    // Through decimal, which keeps the 15 significant digits a person reads: 1.15 is stored as 1.1499999… in
    // binary, and rounding the double directly would show 1.1 where a person expects 1.2.
    private static double RoundHalfAwayFromZero(double value, int decimals) =>
        (double)Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Formats a score with one decimal (rule 10), or an en dash when undefined. Where one decimal would show the
    /// boundary of a stage the score has not reached (2.468 is Development, and "2.5" reads as Definition), it
    /// shows two (2.47), and a score a hair below the boundary shows 2.49, never 2.50: a shown score and the stage
    /// beside it always agree.
    /// </summary>
    public static string Display(double? score) => score is { } s ? Format(s, StageOf) : "–";

    /// <summary>
    /// Formats a spread or a difference (a standard deviation, a perception gap) like <see cref="Display"/>, with
    /// the flag threshold of rules 8 and 9 (a magnitude of 1.0) in the place of the stage boundaries: 0.96 shows
    /// as "0.96", not as an unflagged "1.0".
    /// </summary>
    public static string DisplayDifference(double? value) => value is { } v ? Format(v, FlagBand) : "–";

    /// <summary>
    /// Formats a figure with one decimal, or two where one decimal would show <paramref name="threshold"/> for a
    /// figure still below it (a Pareto share of 79.96 % shows "79.96", not an "80.0" that reads as reached).
    /// </summary>
    public static string DisplayAgainst(double value, double threshold) =>
        Format(value, v => v >= threshold - Tolerance ? 1 : 0);

    /// <summary>Rounds a spread or a difference for export: two decimals, never onto the 1.0 flag threshold it has not reached.</summary>
    public static double DifferenceForExport(double value) => (double)TwoDecimalsWithin(value, FlagBand);

    /// <summary>Formats any other figure (an importance, a gap to target) with one decimal (rule 10), or an en dash.</summary>
    public static string DisplayNumber(double? value) =>
        value is { } v ? ForDisplay(v).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "–";

    /// <summary>
    /// Rounds a score for export: two decimals (rule 10), but never onto the boundary of a stage the score has not
    /// reached (2.4999 exports as 2.49).
    /// </summary>
    public static double ScoreForExport(double score) => (double)TwoDecimalsWithin(score, StageOf);

    // Within 1e-9 of the threshold counts as on it (rule 13).
    private static int FlagBand(double value) => Math.Abs(value) >= 1.0 - Tolerance ? 1 : 0;

    private static string Format(double value, Func<double, int> band)
    {
        var oneDecimal = (decimal)RoundHalfAwayFromZero(value, 1);
        return band((double)oneDecimal) == band(value)
            ? oneDecimal.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)
            : TwoDecimalsWithin(value, band).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
    }

    // Rounding only ever carries a figure away from zero onto a boundary it has not reached, so one step of 0.01
    // back towards zero puts it on its own side again.
    private static decimal TwoDecimalsWithin(double value, Func<double, int> band)
    {
        var twoDecimals = (decimal)RoundHalfAwayFromZero(value, 2);
        return band((double)twoDecimals) == band(value) ? twoDecimals : twoDecimals - Math.Sign(value) * 0.01m;
    }
}
