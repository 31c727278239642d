using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using CxMaturity.Web.Data;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Data;

/// <summary>Accounts registered before addresses had to be confirmed still sign in after the upgrade.</summary>
public sealed class ConfirmExistingAccountsMigrationTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task An_account_left_unconfirmed_by_the_old_registration_is_confirmed_by_the_upgrade()
    {
        var user = await factory.CreateUserAsync();
        await factory.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE AspNetUsers SET EmailConfirmed = 0 WHERE Id = {0}", user.Id);
            var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
            await migrator.MigrateAsync("20261201060505_Reminders");
            await migrator.MigrateAsync();
        });

        var confirmed = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.EmailConfirmed).SingleAsync());
        Assert.True(confirmed);
    }
}
