using CxMaturity.Assessment.Analysis;

namespace CxMaturity.Assessment.Governance;

/// <summary>One problem customers meet, as the Pareto sees it: its root cause and its score (occurrences by default).</summary>
public readonly record struct CustomerGapScore(string RootCause, double Score);

/// <summary>A root cause's line of the Pareto: total score, how many problems, share and cumulative share of the total, vital few.</summary>
public sealed record RootCauseShare(string RootCause, double Score, int Problems, double Share, double CumulativeShare, bool VitalFew);

/// <summary>
/// The customer-gap Pareto (docs/RULES.md §8.5): problems grouped by root cause, causes by total score descending
/// (ties by name), each with its share and cumulative share, and the causes making up the first 80 % marked, by the
/// same Pareto rule the roadmap uses.
/// </summary>
public static class CustomerGaps
{
    /// <summary>The Pareto of the register's problems.</summary>
    public static IReadOnlyList<RootCauseShare> Pareto(IEnumerable<CustomerGapScore> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        var totals = new Dictionary<string, (double Score, int Problems)>(StringComparer.Ordinal);
        foreach (var gap in gaps)
        {
            var (score, problems) = totals.GetValueOrDefault(gap.RootCause);
            totals[gap.RootCause] = (score + gap.Score, problems + 1);
        }

        var ranking = Analysis.Pareto.Rank(totals, t => t.Value.Score, (a, b) => ByName(a.Key, b.Key));
        return
        [
            .. ranking.Entries.Select(e => new RootCauseShare(
                e.Item.Key, e.Value, e.Item.Value.Problems, ranking.Total > 0 ? e.Value / ranking.Total : 0, e.CumulativeShare, e.VitalFew)),
        ];
    }

    private static int ByName(string a, string b)
    {
        var ignoringCase = StringComparer.OrdinalIgnoreCase.Compare(a, b);
        return ignoringCase != 0 ? ignoringCase : StringComparer.Ordinal.Compare(a, b);
    }
}

/// <summary>One journey stage and how many KPIs watch it.</summary>
public sealed record JourneyStageCoverage(string Stage, int Kpis)
{
    /// <summary>No KPI watches the stage.</summary>
    public bool Uncovered => Kpis == 0;
}

/// <summary>Which of the model's journey stages have KPIs (docs/RULES.md §8.3), in the model's order.</summary>
public static class JourneyCoverage
{
    /// <summary>Each of <paramref name="stages"/> with the number of KPIs tagged with it (matched ignoring case).</summary>
    public static IReadOnlyList<JourneyStageCoverage> Of(IReadOnlyList<string> stages, IEnumerable<string?> kpiStages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(kpiStages);
        var counts = kpiStages.Where(s => s is not null).GroupBy(s => s!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        return [.. stages.Select(s => new JourneyStageCoverage(s, counts.GetValueOrDefault(s)))];
    }
}
