namespace CxMaturity.Assessment.Roadmap;

/// <summary>The lane of a roadmap item (RULES.md §6.6), in delivery order.</summary>
public enum Horizon
{
    /// <summary>0–6 months: the first required transition of a dimension.</summary>
    ShortTerm,

    /// <summary>6–12 months: the second required transition of a dimension.</summary>
    MediumTerm,

    /// <summary>12–24 months: any later required transition of a dimension.</summary>
    LongTerm,
}

/// <summary>Display text for <see cref="Horizon"/>: the one place lanes are named (docs/RULES.md §6.6).</summary>
public static class HorizonExtensions
{
    /// <summary>The lane's name, e.g. "Short term".</summary>
    public static string Name(this Horizon horizon) => horizon switch
    {
        Horizon.ShortTerm => "Short term",
        Horizon.MediumTerm => "Medium term",
        Horizon.LongTerm => "Long term",
        _ => throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "Unknown horizon."),
    };

    /// <summary>The lane's time span, e.g. "0–6 months".</summary>
    public static string Span(this Horizon horizon) => horizon switch
    {
        Horizon.ShortTerm => "0–6 months",
        Horizon.MediumTerm => "6–12 months",
        Horizon.LongTerm => "12–24 months",
        _ => throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "Unknown horizon."),
    };

    /// <summary>The lane's name with its time span, e.g. "Short term (0–6 months)".</summary>
    public static string Label(this Horizon horizon) => $"{horizon.Name()} ({horizon.Span()})";
}
