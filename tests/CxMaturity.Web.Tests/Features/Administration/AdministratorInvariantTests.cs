using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Administration;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Features.Administration;

/// <summary>
/// The site always keeps an administrator who can sign in: the only one cannot give the role up, two who act on each
/// other at the same moment cannot both succeed, and one locked out stops acting at once. Each test has a site of its
/// own, so that it knows every administrator there is.
/// </summary>
public sealed class AdministratorInvariantTests : IAsyncLifetime
{
    private readonly CommandRecorder _recorder = new();
    private readonly CxWebApplicationFactory _factory;

    public AdministratorInvariantTests() =>
        _factory = new CxWebApplicationFactory
        {
            Settings = new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" },
            ConfigureServices = services => services.ConfigureDbContext<AppDbContext>((_, options) => options.AddInterceptors(_recorder)),
        };

    private UserAdministrationService Users => _factory.GetService<UserAdministrationService>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_only_administrator_cannot_revoke_their_own_role_and_nothing_changes()
    {
        var only = await _factory.CreateAdministratorAsync();
        var stamp = await StampAsync(only.Id);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Users.RevokeAdministratorAsync(only.Id, only.Id));

        Assert.Equal(
            "You are the only administrator, so your administrator role cannot be revoked: the site would have none. "
            + "Make another user administrator first; they can then revoke yours.",
            refused.Message);
        Assert.Equal([only.Id], await AdministratorsAsync());
        Assert.Equal(stamp, await StampAsync(only.Id));
    }

    [Fact]
    public async Task Two_administrators_revoking_each_other_at_the_same_moment_leave_one()
    {
        var first = await _factory.CreateAdministratorAsync();
        var second = await _factory.CreateAdministratorAsync();

        // The first counts the administrators who would remain (itself) and is held there; the second counts too
        // (itself), revokes the first and commits; then the first goes on with a count that is no longer true.
        var held = _recorder.PauseAfter(UserAdministrationService.AdministratorGuardTag);
        var firstRevokes = Task.Run(() => Users.RevokeAdministratorAsync(first.Id, second.Id));
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await Users.RevokeAdministratorAsync(second.Id, first.Id);
        held.Release();

        // Decided again, the first is no longer an administrator and is refused.
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => firstRevokes.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("Only site administrators manage users.", refused.Message);
        Assert.Equal([second.Id], await AdministratorsAsync());
    }

    [Fact]
    public async Task Two_administrators_locking_each_other_at_the_same_moment_leave_one_who_can_sign_in()
    {
        var first = await _factory.CreateAdministratorAsync();
        var second = await _factory.CreateAdministratorAsync();

        var held = _recorder.PauseAfter(UserAdministrationService.AdministratorGuardTag);
        var firstLocks = Task.Run(() => Users.LockAsync(first.Id, second.Id));
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await Users.LockAsync(second.Id, first.Id);
        held.Release();

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => firstLocks.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("Your account is locked out, so you cannot manage users.", refused.Message);
        Assert.Null(await _factory.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == second.Id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task An_administrator_locked_out_with_a_page_open_can_no_longer_act_there()
    {
        var first = await _factory.CreateAdministratorAsync();
        var second = await _factory.CreateAdministratorAsync();

        await Users.LockAsync(second.Id, first.Id);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Users.ListAsync(first.Id, null));
        Assert.Equal("Your account is locked out, so you cannot manage users.", refused.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => _factory.GetService<CxMaturity.Web.Features.Backups.BackupService>().ListAsync(first.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Users.UnlockAsync(first.Id, first.Id));
    }

    private Task<List<string>> AdministratorsAsync() =>
        _factory.WithDbAsync(db => db.UserRoles
            .Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == SiteRoles.Administrator))
            .Select(ur => ur.UserId)
            .ToListAsync());

    private Task<string?> StampAsync(string userId) =>
        _factory.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());
}
