using System.Globalization;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxMaturity.Web.Features.Results;

/// <summary>
/// Reads a round and scores it, on the caller's context: four queries (the round, its respondents, their answers,
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

    // The answers of a round are its largest read (108,000 rows at 2,000 respondents): read with a plain data reader
    // in respondent order, each respondent's answers going straight into their dictionary, the 50-odd question ids
    // shared rather than one string per row. EF Core's materialiser took about twice as long. Quoted identifiers and a
    // provider-made parameter keep the command the same on every database.
    private static async Task<Dictionary<int, Dictionary<string, int?>>> AnswersAsync(
        AppDbContext db, int roundId, int respondents, CancellationToken cancellationToken)
    {
        var answersOf = new Dictionary<int, Dictionary<string, int?>>(respondents);
        var questionIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT a."RespondentId", a."QuestionId", a."Level"
                FROM "Answers" AS a
                WHERE a."RespondentId" IN (SELECT r."Id" FROM "Respondents" AS r WHERE r."RoundId" = @round)
                ORDER BY a."RespondentId"
                """;
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = ("@round", roundId);
            command.Parameters.Add(parameter);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var current = -1;
            Dictionary<string, int?>? byQuestion = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                var respondentId = reader.GetInt32(0);
                if (respondentId != current || byQuestion is null)
                {
                    current = respondentId;
                    answersOf[respondentId] = byQuestion = new Dictionary<string, int?>(64, StringComparer.Ordinal);
                }

                var questionId = reader.GetString(1);
                if (!questionIds.TryGetValue(questionId, out var shared))
                {
                    questionIds[questionId] = shared = questionId;
                }

                byQuestion[shared] = reader.IsDBNull(2) ? null : reader.GetInt32(2);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return answersOf;
    }

    private static async Task<List<RoundRespondent>> RespondentsAsync(AppDbContext db, int roundId, CancellationToken cancellationToken)
    {
        var respondents = await db.Respondents.AsNoTracking()
            .Where(r => r.RoundId == roundId)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Email, r.Group, r.Status, IsMember = r.UserId != null, r.StartedUtc, r.SubmittedUtc, r.Version })
            .ToListAsync(cancellationToken);

        // "Respondent in (this round's respondents)" lets the database walk the covering index respondent by respondent.
        var respondentIds = db.Respondents.Where(r => r.RoundId == roundId).Select(r => r.Id);
        var answersOf = await AnswersAsync(db, roundId, respondents.Count, cancellationToken);
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
