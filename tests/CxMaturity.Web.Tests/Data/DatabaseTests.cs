using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Data;

public sealed class DatabaseTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task Migrations_are_applied_at_start_into_a_file_in_the_data_directory()
    {
        var (pending, applied) = await factory.WithDbAsync(async db =>
            ((await db.Database.GetPendingMigrationsAsync()).ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList()));

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, DataOptions.DatabaseFileName)));
    }

    [Fact]
    public async Task Every_change_to_the_model_has_its_migration()
    {
        var pendingChanges = await factory.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        Assert.False(pendingChanges, "The model has changes no migration covers: add one with dotnet ef migrations add (README).");
    }

    [Fact]
    public async Task The_database_runs_in_WAL_mode_with_synchronous_NORMAL()
    {
        var (journalMode, synchronous) = await factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            var mode = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous;";
            var sync = (long)(await command.ExecuteScalarAsync())!;
            return (mode, sync);
        });

        Assert.Equal("wal", journalMode);
        Assert.Equal(1L, synchronous); // 1 = NORMAL
    }

    [Fact]
    public async Task A_second_editor_saving_a_stale_organisation_gets_a_concurrency_conflict()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id, "Before");

        var factoryOfContexts = factory.GetService<IDbContextFactory<AppDbContext>>();
        await using var first = await factoryOfContexts.CreateDbContextAsync();
        await using var second = await factoryOfContexts.CreateDbContextAsync();
        var firstCopy = await first.Organisations.SingleAsync(o => o.Id == organisationId);
        var secondCopy = await second.Organisations.SingleAsync(o => o.Id == organisationId);

        firstCopy.Name = "First editor";
        await first.SaveChangesAsync();
        secondCopy.Name = "Second editor";
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync());

        Assert.Contains("Someone else changed this organisation", conflict.Message);
        var stored = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync());
        Assert.Equal("First editor", stored);
    }

    [Fact]
    public async Task Updating_a_round_from_a_stale_version_is_refused_and_keeps_the_first_edit()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var round = organisation.Round;
        var firstEdit = new UpdateRoundRequest(round.Settings with { Name = "Renamed by the first editor", RespondentsSeeResults = true }, round.Version);
        var secondEdit = new UpdateRoundRequest(round.Settings with { Name = "Renamed by the second editor" }, round.Version);

        var updated = await factory.Rounds.UpdateRoundAsync(organisation.Owner.Id, round.Id, firstEdit);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => factory.Rounds.UpdateRoundAsync(organisation.Owner.Id, round.Id, secondEdit));

        var stored = await factory.Rounds.GetRoundAsync(organisation.Owner.Id, round.Id);
        Assert.NotEqual(round.Version, updated.Version);
        Assert.Equal("Renamed by the first editor", stored.Name);
        Assert.True(stored.RespondentsSeeResults);
    }
}
