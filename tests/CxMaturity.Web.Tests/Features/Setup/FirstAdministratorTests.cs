using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Setup;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Features.Setup;

/// <summary>One first administrator, held by the database rather than by a lock inside one process.</summary>
public sealed class FirstAdministratorTests : IAsyncLifetime
{
    private readonly CxWebApplicationFactory _factory = new() { EnvironmentName = "Production" };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_claim_made_elsewhere_refuses_the_first_administrator_and_leaves_no_user_behind()
    {
        // Another server of the same installation claimed the set-up a moment ago and has not created its user yet:
        // this process sees no user at all, and the database still says no.
        await _factory.WithDbAsync(async db =>
        {
            db.InstallationClaims.Add(new InstallationClaim
            {
                Name = InstallationClaim.FirstAdministrator,
                UserId = "elsewhere",
                ClaimedUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var firstRun = _factory.GetService<FirstRunService>();
        Assert.True(await firstRun.IsFirstRunAsync());

        var refused = await Assert.ThrowsAsync<ConflictException>(
            () => firstRun.CreateFirstAdministratorAsync("racer@test.local", "Str0ng!Password"));

        Assert.Equal("This installation already has an administrator. Sign in instead.", refused.Message);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Two_visitors_setting_up_at_once_make_one_administrator()
    {
        var outcomes = await Task.WhenAll(
            Attempt(() => _factory.GetService<FirstRunService>().CreateFirstAdministratorAsync("one@test.local", "Str0ng!Password")),
            Attempt(() => _factory.GetService<FirstRunService>().CreateFirstAdministratorAsync("two@test.local", "Str0ng!Password")));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is ConflictException);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Users.CountAsync()));
        var claim = await _factory.WithDbAsync(db => db.InstallationClaims.SingleAsync());
        Assert.Equal(await _factory.WithDbAsync(db => db.Users.Select(u => u.Id).SingleAsync()), claim.UserId);
    }

    [Fact]
    public async Task A_refused_password_leaves_the_claim_free()
    {
        var firstRun = _factory.GetService<FirstRunService>();

        await Assert.ThrowsAsync<ValidationException>(() => firstRun.CreateFirstAdministratorAsync("admin@test.local", "short"));

        Assert.Equal(0, await _factory.WithDbAsync(db => db.InstallationClaims.CountAsync()));
        await _factory.GetService<FirstRunService>().CreateFirstAdministratorAsync("admin@test.local", "Str0ng!Password");
        Assert.Equal(1, await _factory.WithDbAsync(db => db.InstallationClaims.CountAsync()));
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
