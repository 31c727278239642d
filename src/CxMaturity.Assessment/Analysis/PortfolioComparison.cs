using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Analysis;

/// <summary>An organisation a consultant serves, with its rounds' final figures.</summary>
public sealed record PortfolioOrganisation(int OrganisationId, string Name, IReadOnlyList<RoundScores> Rounds);

/// <summary>
/// One organisation in the portfolio: its latest closed round, the score it is compared on (<paramref name="Compared"/>),
/// its percentile among the others, and which way it is going.
/// </summary>
public sealed record PortfolioRow(
    int OrganisationId,
    string Name,
    RoundScores Latest,
    double? Compared,
    double? Percentile,
    TrendDirection Trend);

/// <summary>
/// The portfolio side by side: organisations with a closed round (<paramref name="Rows"/>), compared on the dimensions
/// they all share (<paramref name="SharedDimensions"/>; <paramref name="SameModel"/> when all are on one model), and
/// those without one listed apart.
/// </summary>
public sealed record PortfolioComparison(
    IReadOnlyList<PortfolioRow> Rows,
    IReadOnlyList<string> SharedDimensions,
    bool SameModel,
    IReadOnlyList<PortfolioOrganisation> WithoutClosedRound);

/// <summary>Compares the organisations a consultant serves (docs/RULES.md §5.16).</summary>
public static class Portfolio
{
    /// <summary>
    /// Each organisation's latest closed round with a score, compared: on the overall score when all are on the same
    /// model, otherwise on the mean of the dimensions every one of them scored. The percentile of an organisation is
    /// the share of the others it is above, a tie counting half: 100 × (below + ½ × tied) ÷ (n − 1); none when it is
    /// alone or has no comparable score. Rows come highest percentile first, ties by name.
    /// </summary>
    public static PortfolioComparison Compare(IReadOnlyList<PortfolioOrganisation> organisations)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        var withLatest = new List<(PortfolioOrganisation Organisation, RoundScores Latest)>();
        var without = new List<PortfolioOrganisation>();
        foreach (var organisation in organisations)
        {
            var latest = organisation.Rounds.Where(r => r.Closed && r.Overall is not null).OrderBy(r => r.When).ThenBy(r => r.RoundId).LastOrDefault();
            if (latest is null)
            {
                without.Add(organisation);
            }
            else
            {
                withLatest.Add((organisation, latest));
            }
        }

        var sameModel = withLatest.Select(o => o.Latest.ModelId).Distinct(StringComparer.Ordinal).Count() <= 1;
        var shared = withLatest.Count == 0
            ? []
            : withLatest.Skip(1).Aggregate(
                (IEnumerable<string>)withLatest[0].Latest.Dimensions.Keys,
                (keys, o) => keys.Intersect(o.Latest.Dimensions.Keys, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var compared = withLatest.Select(o => sameModel
                ? o.Latest.Overall
                : shared.Count == 0 ? null : (double?)shared.Average(d => o.Latest.Dimensions[d]))
            .ToList();

        var rows = new List<PortfolioRow>(withLatest.Count);
        for (var i = 0; i < withLatest.Count; i++)
        {
            var (organisation, latest) = withLatest[i];
            rows.Add(new PortfolioRow(
                organisation.OrganisationId, organisation.Name, latest, compared[i], Percentile(compared, i), Trends.Direction(organisation.Rounds)));
        }

        return new PortfolioComparison(
            [.. rows.OrderByDescending(r => r.Percentile ?? -1).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.OrganisationId)],
            shared,
            sameModel,
            [.. without.OrderBy(o => o.Name, StringComparer.Ordinal)]);
    }

    private static double? Percentile(IReadOnlyList<double?> scores, int index)
    {
        if (scores[index] is not { } own)
        {
            return null;
        }

        var others = scores.Where((s, i) => i != index && s is not null).Select(s => s!.Value).ToList();
        if (others.Count == 0)
        {
            return null;
        }

        var below = others.Count(s => !Thresholds.Same(s, own) && s < own);
        var tied = others.Count(s => Thresholds.Same(s, own));
        return 100.0 * (below + 0.5 * tied) / others.Count;
    }
}
