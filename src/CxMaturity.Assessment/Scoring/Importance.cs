namespace CxMaturity.Assessment.Scoring;

/// <summary>How important a respondent rates a dimension over the next two years (docs/RULES.md §5.12).</summary>
public static class Importance
{
    /// <summary>Low.</summary>
    public const int Min = 1;

    /// <summary>Critical.</summary>
    public const int Max = 5;

    /// <summary>A dimension nobody rated counts as this: the middle of the scale, neither raising nor lowering its priority.</summary>
    public const double Default = 3.0;

    /// <summary>True for a rating the scale allows.</summary>
    public static bool IsValid(int rating) => rating is >= Min and <= Max;
}
