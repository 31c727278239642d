using System.Data.Common;
using CxMaturity.Web.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxMaturity.Web.Data;

/// <summary>
/// Reads the largest set of rows a round has, its answers (108,000 at 2,000 respondents), as (respondent, key,
/// value) triples in respondent order, without materialising an entity per row. EF Core's materialiser took about
/// twice as long as a plain data reader, and on SQLite the data reader's own per-column checks took as long again as
/// SQLite itself, so SQLite is read through its native statement (<see cref="SqliteRows"/>) and every other provider
/// through the data reader. Both give the same rows (RoundRowsTests). Neither goes through EF Core's interceptors.
/// </summary>
internal static class RoundRows
{
    /// <summary>Receives one row; <paramref name="key"/> is shared between rows that carry the same text.</summary>
    internal delegate void RowHandler(int respondentId, string key, int? value);

    // Quoted identifiers and one named parameter keep the commands the same on every database.
    internal const string Answers = """
        SELECT a."RespondentId", a."QuestionId", a."Level"
        FROM "Answers" AS a
        WHERE a."RespondentId" IN (SELECT r."Id" FROM "Respondents" AS r WHERE r."RoundId" = @round)
        ORDER BY a."RespondentId"
        """;

    internal const string RoundParameter = "@round";

    /// <summary>Runs <paramref name="sql"/> (one of this class's commands) for the round, one call per row.</summary>
    public static async Task ReadAsync(AppDbContext db, string sql, int roundId, RowHandler row, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            if (connection is SqliteConnection sqlite)
            {
                SqliteRows.Read(sqlite, sql, RoundParameter, roundId, keys, row, cancellationToken);
            }
            else
            {
                await ReadPortablyAsync(connection, db.Database.CurrentTransaction?.GetDbTransaction(), sql, roundId, keys, row, cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The data-reader path every provider supports; tests run it on SQLite beside the native one.</summary>
    internal static async Task ReadPortablyAsync(
        DbConnection connection, DbTransaction? transaction, string sql, int roundId, Dictionary<string, string> keys, RowHandler row,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = (RoundParameter, roundId);
        command.Parameters.Add(parameter);
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader.GetInt32(0), Shared(keys, reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetInt32(2));
        }
    }

    /// <summary>The 50-odd question ids are shared rather than one string per row.</summary>
    internal static string Shared(Dictionary<string, string> keys, string key)
    {
        if (!keys.TryGetValue(key, out var shared))
        {
            keys[key] = shared = key;
        }

        return shared;
    }
}
