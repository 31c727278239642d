using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CxMaturity.Web.Features.Backups;

/// <summary>
/// Every database connection the app's contexts open passes <see cref="MaintenanceMode"/>: while a restore swaps the
/// files it waits (a circuit's click, a page's read), and the restore waits for the open ones to close.
/// </summary>
internal sealed class MaintenanceConnectionGate(MaintenanceMode maintenance) : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        maintenance.ConnectionOpening(connection);
        return result;
    }

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection,
        ConnectionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        await maintenance.ConnectionOpeningAsync(connection, cancellationToken);
        return result;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        maintenance.ConnectionOpened(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        maintenance.ConnectionOpened(connection);
        return Task.CompletedTask;
    }

    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) =>
        maintenance.ConnectionClosed(connection);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        maintenance.ConnectionClosed(connection);
        return Task.CompletedTask;
    }

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) =>
        maintenance.ConnectionClosed(connection);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        maintenance.ConnectionClosed(connection);
        return Task.CompletedTask;
    }
}
