using CxMaturity.Assessment.Analysis;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Results;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Dashboard;

/// <summary>
/// Figures across rounds: an organisation's trend (Owner, CX lead, Contributor, Viewer) and the portfolio of the
/// organisations a consultant serves as Owner or CX lead. Each round is scored by the shared <see cref="RoundScoring"/>.
/// </summary>
public sealed class TrendService(IDbContextFactory<AppDbContext> contextFactory, RoundScoring scoring)
{
    /// <summary>Every round of the organisation in date order with its final figures (docs/RULES.md §5.15).</summary>
    public async Task<TrendView> GetTrendAsync(string userId, int organisationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Readers);
        var roundIds = await db.Rounds.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId && r.Status != RoundStatus.Draft)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        var scored = new List<ScoredRound>(roundIds.Count);
        foreach (var id in roundIds)
        {
            scored.Add(await scoring.LoadAsync(db, id, preview: false, cancellationToken));
        }

        var scores = scored.Select(s => s.Scores()).OrderBy(s => s.When).ThenBy(s => s.RoundId).ToList();
        var latestModel = scores.LastOrDefault(s => s.Overall is not null)?.ModelId;
        var line = latestModel is null ? [] : Trends.Line(scores, latestModel).ToDictionary(p => p.Round.RoundId);
        var byId = scored.ToDictionary(s => s.Round.Id);
        var model = latestModel is null ? null : scored.Last(s => s.Model.Id == latestModel).Model;
        return new TrendView(
            organisationId,
            latestModel,
            [.. scores.Select(s => new TrendRoundView(
                s.RoundId, s.Name, byId[s.RoundId].Round.Status, byId[s.RoundId].Round.ClosedUtc, s.ModelId, s.ModelVersion, s.Overall, s.Dimensions,
                line.ContainsKey(s.RoundId), line.TryGetValue(s.RoundId, out var point) && point.ModelVersionChanged))],
            model is null ? [] : [.. model.Dimensions.OrderBy(d => d.Order).Select(d => new DimensionTitleView(d.Id, d.Title))]);
    }

    /// <summary>
    /// The organisations where the caller is Owner or CX lead, side by side on their latest closed round, with each
    /// one's percentile among them and its trend (docs/RULES.md §5.16). Only the last two closed rounds with
    /// answers of each are scored.
    /// </summary>
    public async Task<PortfolioView> GetPortfolioAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organisations = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && (m.Role == OrganisationRole.Owner || m.Role == OrganisationRole.CxLead))
            .Select(m => new
            {
                m.OrganisationId,
                m.Organisation!.Name,
                Rounds = m.Organisation.Rounds.Count(),
                Closed = m.Organisation.Rounds
                    .Where(r => r.Status == RoundStatus.Closed && r.Respondents.Any(p => p.Status == RespondentStatus.Submitted))
                    .OrderByDescending(r => r.ClosedUtc).ThenByDescending(r => r.Id)
                    .Select(r => r.Id)
                    .Take(2)
                    .ToList(),
            })
            .ToListAsync(cancellationToken);

        var compared = new List<PortfolioOrganisation>(organisations.Count);
        var scoredById = new Dictionary<int, ScoredRound>();
        foreach (var organisation in organisations)
        {
            var rounds = new List<RoundScores>();
            foreach (var id in organisation.Closed)
            {
                var scored = await scoring.LoadAsync(db, id, preview: false, cancellationToken);
                scoredById[id] = scored;
                rounds.Add(scored.Scores());
            }

            compared.Add(new PortfolioOrganisation(organisation.OrganisationId, organisation.Name, rounds));
        }

        var comparison = Portfolio.Compare(compared);
        var titles = scoredById.Values.SelectMany(s => s.Model.Dimensions).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        return new PortfolioView(
            [.. comparison.Rows.Select(r =>
            {
                var result = scoredById[r.Latest.RoundId].Result;
                return new PortfolioRowView(
                    r.OrganisationId, r.Name, r.Latest.RoundId, r.Latest.Name, r.Latest.ModelId, r.Latest.Overall,
                    result.OverallStage, result.FoundationStage, r.Latest.Dimensions, r.Compared, r.Percentile, r.Trend);
            })],
            [.. comparison.SharedDimensions.Select(d => new DimensionTitleView(d, titles.GetValueOrDefault(d, d)))],
            comparison.SameModel,
            [.. comparison.WithoutClosedRound.Select(o => new PortfolioPendingView(o.OrganisationId, o.Name, organisations.Single(x => x.OrganisationId == o.OrganisationId).Rounds))]);
    }
}
