using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CxMaturity.Web.Data.Sqlite;

/// <summary>
/// <see cref="RoundRows"/> on SQLite: the command prepared on the connection's own handle and stepped natively, three
/// column reads per row. Microsoft.Data.Sqlite's reader checks each column's type and the statement's state on every
/// call; at 108,000 rows that was 40–60 ms of a 150 ms budget. The statement runs inside whatever transaction the
/// connection has open.
/// </summary>
internal static class SqliteRows
{
    public static void Read(
        SqliteConnection connection, string sql, string parameterName, int parameterValue, Dictionary<string, string> keys,
        RoundRows.RowHandler row, CancellationToken cancellationToken)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(database, raw.sqlite3_prepare_v2(database, sql, out var statement));
        using (statement)
        {
            Check(database, raw.sqlite3_bind_int(statement, raw.sqlite3_bind_parameter_index(statement, parameterName), parameterValue));
            int step;
            var rows = 0;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (++rows % 4096 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                row(
                    raw.sqlite3_column_int(statement, 0),
                    RoundRows.Shared(keys, raw.sqlite3_column_text(statement, 1).utf8_to_string()),
                    raw.sqlite3_column_type(statement, 2) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int(statement, 2));
            }

            if (step != raw.SQLITE_DONE)
            {
                Check(database, step);
            }
        }
    }

    private static void Check(sqlite3 database, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result);
        }
    }
}
