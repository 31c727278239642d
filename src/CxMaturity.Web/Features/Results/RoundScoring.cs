using System.Globalization;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxMaturity.Web.Features.Results;

/// <summary>
/// Reads a round and scores it, on the caller's context: four commands (the round, its respondents, their answers,
/// their importance ratings) and one scoring. It checks no access; every public method that uses it has done so.
/// The class is public only so that public services can take it; what it does is internal to this assembly.
/// </summary>
public sealed class RoundScoring(ModelVersionStore models)
{
    /// <summary>The round's figures; a <paramref name="preview"/> also counts respondents in progress (RULES.md §5.1).</summary>
    /// <exception cref="NotFoundException">There is no such round.</exception>
    internal async Task<ScoredRound> LoadAsync(AppDbContext db, int roundId, bool preview, CancellationToken cancellationToken) =>
        await ScoreAsync(db, await LoadFactsAsync(db, roundId, cancellationToken), preview, cancellationToken);

    /// <summary>The round's figures from facts already read (to check them before the answers are read).</summary>
    internal async Task<ScoredRound> ScoreAsync(AppDbContext db, RoundFacts facts, bool preview, CancellationToken cancellationToken)
    {
        var model = await models.LoadAsync(facts.ModelVersionId, cancellationToken);
        var respondents = await RespondentsAsync(db, facts.Id, cancellationToken);
        var result = RoundScorer.Score(model, facts.DimensionsInScope, [.. respondents.Select(r => r.Answers)], facts.ScoringOptions(preview));
        return new ScoredRound(facts, model, respondents, result);
    }

    /// <summary>What the round is, without its answers: one query.</summary>
    /// <exception cref="NotFoundException">There is no such round.</exception>
    internal static async Task<RoundFacts> LoadFactsAsync(AppDbContext db, int roundId, CancellationToken cancellationToken) =>
        await FactsAsync(db, roundId, cancellationToken) ?? throw new NotFoundException($"Assessment round {roundId} was not found.");

    private static async Task<RoundFacts?> FactsAsync(AppDbContext db, int roundId, CancellationToken cancellationToken)
    {
        var row = await db.Rounds.AsNoTracking()
            .Where(r => r.Id == roundId)
            .Select(r => new
            {
                r.Name,
                r.Status,
                r.Version,
                r.OrganisationId,
                OrganisationName = r.Organisation!.Name,
                r.RespondentGroups,
                r.ModelVersionId,
                r.DimensionsInScope,
                r.OpensOn,
                r.ClosesOn,
                r.RespondentsSeeResults,
                r.MinimumGroupSize,
                r.Anonymous,
                r.PerceptionGroupA,
                r.PerceptionGroupB,
                r.CreatedUtc,
                r.ClosedUtc,
                Targets = r.Targets.Select(t => new { t.DimensionId, t.Stage }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new RoundFacts(
                roundId, row.Status, row.Version, row.OrganisationId, row.OrganisationName, row.ModelVersionId, row.CreatedUtc,
                row.ClosedUtc, row.Targets.ToDictionary(t => t.DimensionId, t => t.Stage, StringComparer.Ordinal),
                new RoundSettings(
                    row.Name, row.OpensOn, row.ClosesOn, row.DimensionsInScope, row.RespondentGroups, row.MinimumGroupSize,
                    row.Anonymous, row.RespondentsSeeResults, row.PerceptionGroupA, row.PerceptionGroupB));
    }

    private static async Task<List<RoundRespondent>> RespondentsAsync(AppDbContext db, int roundId, CancellationToken cancellationToken)
    {
        var respondents = await db.Respondents.AsNoTracking()
            .Where(r => r.RoundId == roundId)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Email, r.Group, r.Status, IsMember = r.UserId != null, r.StartedUtc, r.SubmittedUtc, r.Version })
            .ToListAsync(cancellationToken);

        // The answers are the round's largest read: plain rows in respondent order, each going straight into its
        // respondent's dictionary (RoundRows).
        var answersOf = new Dictionary<int, Dictionary<string, int?>>(respondents.Count);
        var (current, answers) = (-1, new Dictionary<string, int?>());
        await RoundRows.ReadAsync(db, RoundRows.Answers, roundId, (respondentId, questionId, level) =>
        {
            if (respondentId != current)
            {
                current = respondentId;
                answersOf[respondentId] = answers = new Dictionary<string, int?>(64, StringComparer.Ordinal);
            }

            answers[questionId] = level;
        }, cancellationToken);

        // The ratings (a tenth as many) stay an EF Core query: it is the command tests watch to count scorings.
        var respondentIds = db.Respondents.Where(r => r.RoundId == roundId).Select(r => r.Id);
        var ratings = await db.ImportanceRatings.AsNoTracking()
            .Where(i => respondentIds.Contains(i.RespondentId))
            .Select(i => new { i.RespondentId, i.DimensionId, i.Rating })
            .ToListAsync(cancellationToken);
        var ratingsOf = ratings
            .GroupBy(i => i.RespondentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(i => i.DimensionId, i => i.Rating, StringComparer.Ordinal));

        IReadOnlyDictionary<string, int?> noAnswers = new Dictionary<string, int?>();
        IReadOnlyDictionary<string, int> noRatings = new Dictionary<string, int>();
        return [.. respondents.Select(r => new RoundRespondent(
            r.Id, r.Name, r.Email, r.Group, r.Status, r.IsMember, r.StartedUtc, r.SubmittedUtc, r.Version,
            new RespondentAnswers(
                r.Id.ToString(CultureInfo.InvariantCulture),
                r.Group,
                r.Status,
                answersOf.TryGetValue(r.Id, out var byQuestion) ? byQuestion : noAnswers,
                ratingsOf.GetValueOrDefault(r.Id, noRatings))))];
    }
}
