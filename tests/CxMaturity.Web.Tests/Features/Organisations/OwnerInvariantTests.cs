using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Features.Organisations;

/// <summary>
/// "An organisation always keeps an Owner" holds when two Owners step down side by side, each having counted the
/// other: not because SQLite runs one writer at a time, but because the organisation's version guards its Owners.
/// </summary>
public sealed class OwnerInvariantTests : IAsyncLifetime
{
    private readonly CommandRecorder _recorder = new();
    private readonly CxWebApplicationFactory _factory;

    public OwnerInvariantTests() =>
        _factory = new CxWebApplicationFactory
        {
            ConfigureServices = services => services.ConfigureDbContext<AppDbContext>((_, options) => options.AddInterceptors(_recorder)),
        };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Two_owners_who_each_counted_the_other_cannot_both_step_down()
    {
        var organisation = await _factory.CreateOrganisationWithRoundAsync();
        var first = organisation.Owner;
        var second = await _factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Owner);

        // The first Owner counts the Owners (two) and is held there; the second counts them too (two), steps down
        // and commits; then the first goes on with a count that is no longer true.
        var held = _recorder.PauseAfter(OrganisationService.OwnerGuardTag);
        var firstStepsDown = Task.Run(() => _factory.Organisations.ChangeMemberRoleAsync(
            first.Id, organisation.OrganisationId, first.Id, OrganisationRole.Viewer));
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await _factory.Organisations.ChangeMemberRoleAsync(second.Id, organisation.OrganisationId, second.Id, OrganisationRole.Viewer);
        held.Release();

        // Read again, the first Owner is now the only one and is refused in so many words.
        var refused = await Assert.ThrowsAsync<ConflictException>(() => firstStepsDown.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(
            $"{first.Email} is the only Owner of this organisation and cannot be given another role. Make another member Owner first.",
            refused.Message);
        var owners = await _factory.WithDbAsync(db => db.Memberships
            .Where(m => m.OrganisationId == organisation.OrganisationId && m.Role == OrganisationRole.Owner)
            .Select(m => m.UserId)
            .ToListAsync());
        Assert.Equal([first.Id], owners);
    }

    [Fact]
    public async Task An_owner_leaving_while_another_steps_down_leaves_one_owner()
    {
        var organisation = await _factory.CreateOrganisationWithRoundAsync();
        var first = organisation.Owner;
        var second = await _factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Owner);

        var held = _recorder.PauseAfter(OrganisationService.OwnerGuardTag);
        var secondLeaves = Task.Run(() => _factory.Organisations.RemoveMemberAsync(second.Id, organisation.OrganisationId, second.Id));
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await _factory.Organisations.ChangeMemberRoleAsync(first.Id, organisation.OrganisationId, first.Id, OrganisationRole.CxLead);
        held.Release();

        var refused = await Assert.ThrowsAsync<ConflictException>(() => secondLeaves.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("cannot be removed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(OrganisationRole.Owner, await _factory.WithDbAsync(db => db.Memberships
            .Where(m => m.OrganisationId == organisation.OrganisationId && m.UserId == second.Id)
            .Select(m => m.Role)
            .SingleAsync()));
    }
}
