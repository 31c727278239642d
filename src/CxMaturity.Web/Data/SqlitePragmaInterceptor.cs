using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CxMaturity.Web.Data;

/// <summary>
/// Sets <c>synchronous=NORMAL</c> on every connection: with WAL (set once, it persists in the file) a committed
/// transaction survives a crash of the process, and commits do not wait for the disk.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

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
