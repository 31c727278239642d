using CxMaturity.Web.Data;
using CxMaturity.Web.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CxMaturity.Web.Tests.Data;

/// <summary>Organisations made before the governance half existed get what new ones get: root causes and the five roles.</summary>
public sealed class GovernanceMigrationTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cx-migration-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task An_existing_organisation_gets_the_default_root_causes_and_roles_when_the_database_is_upgraded()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        builder.UseCxMaturitySqlite(_file);
        // Stopping at an older migration is what this test is for.
        builder.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
        var options = builder.Options;
        await using (var db = new AppDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261201022936_Kpis");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Organisations\" (\"Name\", \"RespondentGroups\", \"CreatedUtc\", \"Version\") VALUES ('Before', '[\"Executive\"]', '2026-01-01 00:00:00', '11111111-1111-1111-1111-111111111111');");
        }

        await using (var db = new AppDbContext(options))
        {
            await db.Database.MigrateAsync();
            var organisation = await db.Organisations.SingleAsync();
            var roles = await db.GovernanceRoles.Where(r => r.OrganisationId == organisation.Id).OrderBy(r => r.Position).Select(r => r.Name).ToListAsync();

            Assert.Equal(["Process", "People", "Technology", "Policy", "Communication", "Product"], organisation.RootCauses);
            Assert.Equal(["Executive sponsor", "CX lead", "Journey owner", "Data and insight lead", "Frontline champion"], roles);
            // The RACI version the migration set is one a save can match.
            Assert.Equal(1, await db.Organisations.CountAsync(o => o.RaciVersion == organisation.RaciVersion));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
