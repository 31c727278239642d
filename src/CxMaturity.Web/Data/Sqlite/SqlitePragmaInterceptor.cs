using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CxMaturity.Web.Data.Sqlite;

/// <summary>
/// Sets two pragmas on every connection. <c>synchronous=NORMAL</c>: with WAL (set once, it persists in the file) a
/// committed transaction survives a crash of the process, and commits do not wait for the disk.
/// <c>busy_timeout</c>: a transaction that finds another writer at work waits in SQLite, which retries after 1, 2,
/// 5, 10 ms and so on. Without it Microsoft.Data.Sqlite retries on its own after sleeping 150 ms each time, so two
/// respondents saving in the same millisecond made one of them wait 150 ms or more for "Saved".
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    /// <summary>The interceptor holds no state, so every context shares one.</summary>
    public static readonly SqlitePragmaInterceptor Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
