namespace CxMaturity.Assessment.Governance;

/// <summary>What a KPI measures; NPS, CSAT and CES can be computed from raw ratings (docs/RULES.md §8.2).</summary>
public enum KpiKind
{
    /// <summary>Net Promoter Score: from 0–10 ratings, −100..100.</summary>
    Nps,

    /// <summary>Customer satisfaction: from 1–5 ratings, the share of 4s and 5s, 0..100 %.</summary>
    Csat,

    /// <summary>Customer effort score: from 1–7 ratings ("the company made it easy"), their mean.</summary>
    Ces,

    /// <summary>The share of customers lost in a period; entered as a value.</summary>
    Churn,

    /// <summary>Anything else the organisation measures; entered as a value.</summary>
    Custom,
}

/// <summary>Which way a KPI gets better.</summary>
public enum KpiDirection
{
    /// <summary>Higher is better (NPS, CSAT).</summary>
    HigherIsBetter,

    /// <summary>Lower is better (churn; effort when the scale runs that way).</summary>
    LowerIsBetter,
}

/// <summary>How often a KPI is measured; the next measurement is due one period after the last.</summary>
public enum MeasurementFrequency
{
    /// <summary>Every 7 days.</summary>
    Weekly,

    /// <summary>Every calendar month.</summary>
    Monthly,

    /// <summary>Every three calendar months.</summary>
    Quarterly,

    /// <summary>Every calendar year.</summary>
    Yearly,
}

/// <summary>The rating scale a kind of KPI is computed from.</summary>
/// <param name="Min">The lowest rating.</param>
/// <param name="Max">The highest rating.</param>
/// <param name="Description">How people know the scale, for messages ("0 to 10").</param>
public sealed record RatingScale(int Min, int Max, string Description)
{
    /// <summary>NPS: 0–10, "how likely are you to recommend us".</summary>
    public static readonly RatingScale Nps = new(0, 10, "0 to 10");

    /// <summary>CSAT: 1–5.</summary>
    public static readonly RatingScale Csat = new(1, 5, "1 to 5");

    /// <summary>CES: 1–7.</summary>
    public static readonly RatingScale Ces = new(1, 7, "1 to 7");

    /// <summary>The scale of <paramref name="kind"/>, or null when that kind is entered as a value only.</summary>
    public static RatingScale? For(KpiKind kind) => kind switch
    {
        KpiKind.Nps => Nps,
        KpiKind.Csat => Csat,
        KpiKind.Ces => Ces,
        _ => null,
    };

    /// <summary>True when <paramref name="rating"/> is on the scale.</summary>
    public bool Contains(int rating) => rating >= Min && rating <= Max;
}
