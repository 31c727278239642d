using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CxMaturity.Web.Data.Sqlite;

/// <summary>
/// Sets two pragmas on every physical connection. <c>synchronous=NORMAL</c>: with WAL (set once, it persists in the
/// file) a committed transaction survives a crash of the process, and commits do not wait for the disk.
/// <c>busy_timeout</c>: a transaction that finds another writer at work waits in SQLite, which retries after 1, 2,
/// 5, 10 ms and so on. Without it Microsoft.Data.Sqlite retries on its own after sleeping 150 ms each time, so two
/// respondents saving in the same millisecond made one of them wait 150 ms or more for "Saved".
/// </summary>
/// <remarks>
/// Pragmas belong to the SQLite connection, which Microsoft.Data.Sqlite pools and hands to one context after another:
/// they are sent the first time a pooled connection is opened, not on every open (that was one more command on
/// every query).
/// </remarks>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    /// <summary>Every context shares one; it remembers the connections it has set up.</summary>
    public static readonly SqlitePragmaInterceptor Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    private static readonly object Configured = new();

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // The native handle is what the pool reuses; a connection the pool drops takes its entry with it.
    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, Configured);
}
