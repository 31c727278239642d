using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Data.Sqlite;

/// <summary>
/// Everything CxMaturity does that only SQLite needs, in one place: the connection string of the database file,
/// the pragmas every connection gets, and write-ahead logging set once when the app starts. The rest of the app
/// talks to <see cref="AppDbContext"/> and portable SQL only, so a second provider is an addition beside this
/// folder, not a rewrite (docs/decisions/0008-data-provider-seam.md).
/// </summary>
internal static class SqliteProvider
{
    /// <summary>The connection string of the database file at <paramref name="databasePath"/>.</summary>
    public static string ConnectionString(string databasePath) =>
        new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();

    /// <summary>Configures a context on the database file at <paramref name="databasePath"/>.</summary>
    public static DbContextOptionsBuilder UseCxMaturitySqlite(this DbContextOptionsBuilder options, string databasePath) =>
        options.UseSqlite(ConnectionString(databasePath)).AddInterceptors(SqlitePragmaInterceptor.Instance);

    /// <summary>
    /// Before migrating: write-ahead logging, so that readers never wait for a writer and a commit is one append.
    /// It persists in the file; setting it again is harmless.
    /// </summary>
    public static Task PrepareAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
}
