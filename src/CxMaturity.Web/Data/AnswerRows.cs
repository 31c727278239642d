using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Data;

/// <summary>
/// Writes a respondent's answers and importance ratings as single statements: one multi-row
/// <c>INSERT … ON CONFLICT … DO UPDATE</c> for any number of answers, so that saving an answer is one round trip,
/// and two devices saving the same question at once both succeed, the later one winning, instead of one meeting
/// the other's row in the unique index. The statements are the SQL that SQLite (3.24 and later) and PostgreSQL
/// (9.5 and later) share, with quoted identifiers.
/// </summary>
internal static class AnswerRows
{
    /// <summary>Who the audit lines of an answer save name: the organisation, the actor (none in an anonymous round), the respondent in words.</summary>
    public sealed record AnswerAudit(int OrganisationId, int RoundId, string? UserId, string Respondent, bool Anonymous);

    /// <summary>
    /// Inserts or replaces the answers, each a (question, level or null for Not applicable, comment, evidence); with
    /// <paramref name="audit"/>, the same command first writes an audit line per answer with the level it had (none when
    /// it was not answered yet), so that the answer and its audit line are one statement batch, one round trip.
    /// </summary>
    public static Task<int> UpsertAnswersAsync(
        AppDbContext db,
        int respondentId,
        IReadOnlyList<(string QuestionId, int? Level, string? Comment, string? Evidence)> answers,
        DateTime updatedUtc,
        CancellationToken cancellationToken,
        AnswerAudit? audit = null)
    {
        if (answers.Count == 0)
        {
            return Task.FromResult(0);
        }

        var sql = new StringBuilder();
        var parameters = new List<object?>(answers.Count * 12);
        if (audit is not null)
        {
            sql.Append("""INSERT INTO "AuditEntries" ("OrganisationId", "RoundId", "AtUtc", "UserId", "Area", "Subject", "Action", "Before", "After") """);
            for (var i = 0; i < answers.Count; i++)
            {
                var p = parameters.Count;
                var (questionId, level, _, _) = answers[i];
                sql.Append(CultureInfo.InvariantCulture, $$"""
                    {{(i == 0 ? "" : " UNION ALL ")}}SELECT {{{p}}}, {{{p + 7}}}, {{{p + 1}}}, {{{p + 2}}}, 'Answer', {{{p + 3}}}, 'answered',
                    (SELECT CASE WHEN a."Level" IS NULL THEN 'N/A' ELSE CAST(a."Level" AS TEXT) END FROM "Answers" AS a WHERE a."RespondentId" = {{{p + 4}}} AND a."QuestionId" = {{{p + 5}}}),
                    {{{p + 6}}}
                    """);
                // In an anonymous round the line keeps the day only: a time could be matched with when someone started.
                parameters.AddRange([audit.OrganisationId, audit.Anonymous ? updatedUtc.Date : updatedUtc, audit.UserId, $"{audit.Respondent} · {questionId}",
                    respondentId, questionId, level?.ToString(CultureInfo.InvariantCulture) ?? "N/A", audit.RoundId]);
            }

            sql.Append(";\n");
        }

        sql.Append("""INSERT INTO "Answers" ("RespondentId", "QuestionId", "Level", "Comment", "Evidence", "UpdatedUtc") VALUES """);
        for (var i = 0; i < answers.Count; i++)
        {
            var p = parameters.Count;
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}}, {{{p + 5}}})");
            var (questionId, level, comment, evidence) = answers[i];
            parameters.AddRange([respondentId, questionId, level, comment, evidence, updatedUtc]);
        }

        sql.Append("""
             ON CONFLICT ("RespondentId", "QuestionId") DO UPDATE SET "Level" = excluded."Level", "Comment" = excluded."Comment", "Evidence" = excluded."Evidence", "UpdatedUtc" = excluded."UpdatedUtc"
            """);
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters!, cancellationToken);
    }

    /// <summary>Sets the ratings given (1..5) and removes those given as null.</summary>
    public static async Task UpsertImportanceAsync(
        AppDbContext db,
        int respondentId,
        IReadOnlyDictionary<string, int?> ratings,
        CancellationToken cancellationToken)
    {
        var removed = ratings.Where(r => r.Value is null).Select(r => r.Key).ToList();
        if (removed.Count > 0)
        {
            await db.ImportanceRatings.Where(i => i.RespondentId == respondentId && removed.Contains(i.DimensionId))
                .ExecuteDeleteAsync(cancellationToken);
        }

        var given = ratings.Where(r => r.Value is not null).ToList();
        if (given.Count == 0)
        {
            return;
        }

        var sql = new StringBuilder("""INSERT INTO "ImportanceRatings" ("RespondentId", "DimensionId", "Rating") VALUES """);
        var parameters = new List<object?>(given.Count * 3);
        for (var i = 0; i < given.Count; i++)
        {
            var p = parameters.Count;
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{{p}}}, {{{p + 1}}}, {{{p + 2}}})");
            parameters.AddRange([respondentId, given[i].Key, given[i].Value]);
        }

        sql.Append("""
             ON CONFLICT ("RespondentId", "DimensionId") DO UPDATE SET "Rating" = excluded."Rating"
            """);
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters!, cancellationToken);
    }
}
