using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Demo;
using CxMaturity.Web.Features.Setup;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Features.Setup;

/// <summary>Outside Development there is no demo: the first visit creates the first administrator.</summary>
public sealed class FirstRunTests : IAsyncLifetime
{
    private readonly CxWebApplicationFactory _factory = new() { EnvironmentName = "Production", SeedDemo = true };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_new_installation_outside_development_has_no_demo_and_creates_one_first_administrator()
    {
        var firstRun = _factory.GetService<FirstRunService>();

        Assert.False(_factory.Services.GetRequiredService<DemoSignInInfo>().IsAvailable);
        Assert.True(await firstRun.IsFirstRunAsync());
        var adminId = await firstRun.CreateFirstAdministratorAsync("first.admin@test.local", "Str0ng!Password");
        Assert.False(await firstRun.IsFirstRunAsync());
        await Assert.ThrowsAsync<ConflictException>(
            () => firstRun.CreateFirstAdministratorAsync("second.admin@test.local", "Str0ng!Password"));

        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByIdAsync(adminId);
        Assert.True(await users.IsInRoleAsync(admin!, SiteRoles.Administrator));
        Assert.Null(await users.FindByEmailAsync("second.admin@test.local"));
        Assert.Empty(await _factory.Organisations.ListForUserAsync(adminId));
    }

    [Fact]
    public async Task A_weak_first_administrator_password_is_refused_with_the_reasons()
    {
        var firstRun = _factory.GetService<FirstRunService>();

        var problem = await Assert.ThrowsAsync<ValidationException>(
            () => firstRun.CreateFirstAdministratorAsync("admin@test.local", "short"));

        Assert.Equal(["password"], problem.Errors.Keys);
        Assert.True(await firstRun.IsFirstRunAsync());
    }
}
