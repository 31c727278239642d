using System.Net;
using System.Text;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Administration;
using CxMaturity.Web.Tests.Components.Pages;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Features.Administration;

/// <summary>
/// The users page's service: finding users, locking and unlocking them, reset links and the administrator role.
/// Every test makes its own users (the factory is shared), so that one test's users never show in another's search.
/// </summary>
public sealed class UserAdministrationTests(AdministrationFixture fixture) : IClassFixture<AdministrationFixture>
{
    private CxWebApplicationFactory Factory => fixture.Factory;

    private UserAdministrationService Users => Factory.GetService<UserAdministrationService>();

    [Fact]
    public async Task Search_finds_users_by_part_of_their_email_or_name_and_shows_their_organisations()
    {
        var administrator = await Factory.CreateAdministratorAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var ada = await Factory.CreateUserAsync($"ada.{marker}@example.org", $"Ada Lovelace-{marker}");
        var grace = await Factory.CreateUserAsync($"grace.{marker}@example.org", "Grace Hopper");
        var named = await Factory.CreateUserAsync($"someone-{Guid.NewGuid():N}@example.org", $"Named {marker}");
        await Factory.CreateOrganisationAsync(ada.Id, $"Zebra {marker}");
        var aardvark = await Factory.CreateOrganisationAsync(grace.Id, $"Aardvark {marker}");
        await Factory.AddMemberAsync(aardvark, ada.Id, OrganisationRole.Viewer);

        var byMarker = await Users.ListAsync(administrator.Id, marker.ToUpperInvariant());
        var byEmail = await Users.ListAsync(administrator.Id, $"  ADA.{marker}@EXAMPLE ");
        var byName = await Users.ListAsync(administrator.Id, $"lovelace-{marker}");
        var none = await Users.ListAsync(administrator.Id, $"nobody-{marker}");

        // By email, ordered by email: ada.…, grace.…, someone-… (found by the name alone).
        Assert.Equal([ada.Email, grace.Email, named.Email], byMarker.Users.Select(u => u.Email));
        Assert.Equal((3, 1, 1), (byMarker.Total, byMarker.Page, byMarker.PageCount));
        Assert.Equal([ada.Id], byEmail.Users.Select(u => u.Id));
        Assert.Equal($"ADA.{marker}@EXAMPLE", byEmail.Search);
        Assert.Equal([ada.Id], byName.Users.Select(u => u.Id));
        Assert.Empty(none.Users);
        Assert.Equal(0, none.Total);
        var row = byMarker.Users[0];
        Assert.Equal($"Ada Lovelace-{marker}", row.DisplayName);
        Assert.False(row.IsAdministrator);
        Assert.False(row.IsLockedOut);
        Assert.Equal(
            [new UserMembershipView($"Aardvark {marker}", OrganisationRole.Viewer), new UserMembershipView($"Zebra {marker}", OrganisationRole.Owner)],
            row.Organisations);
        Assert.Empty(byMarker.Users[2].Organisations);
        Assert.True(Assert.Single((await Users.ListAsync(administrator.Id, administrator.Email)).Users).IsAdministrator);
    }

    [Fact]
    public async Task A_search_of_thousands_comes_fifty_to_a_page()
    {
        var administrator = await Factory.CreateAdministratorAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        await Factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 51; i++)
            {
                var email = $"paged{i:00}.{marker}@example.org";
                db.Users.Add(new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant() });
            }

            await db.SaveChangesAsync();
        });

        var first = await Users.ListAsync(administrator.Id, marker, 1);
        var second = await Users.ListAsync(administrator.Id, marker, 2);
        var beyond = await Users.ListAsync(administrator.Id, marker, 9);

        Assert.Equal((51, 2, 50), (first.Total, first.PageCount, first.Users.Count));
        Assert.Equal($"paged00.{marker}@example.org", first.Users[0].Email);
        Assert.Equal($"paged49.{marker}@example.org", first.Users[49].Email);
        Assert.Equal([$"paged50.{marker}@example.org"], second.Users.Select(u => u.Email));
        Assert.Equal(2, beyond.Page);
        Assert.Equal([$"paged50.{marker}@example.org"], beyond.Users.Select(u => u.Email));
    }

    [Fact]
    public async Task Someone_who_is_not_an_administrator_is_refused_everything_and_nothing_changes()
    {
        var owner = await Factory.CreateUserAsync();
        await Factory.CreateOrganisationAsync(owner.Id);
        var target = await Factory.CreateUserAsync();
        var stamp = await StampAsync(target.Id);

        await Assert.ThrowsAsync<ForbiddenException>(() => Users.ListAsync(owner.Id, null));
        await Assert.ThrowsAsync<ForbiddenException>(() => Users.LockAsync(owner.Id, target.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Users.UnlockAsync(owner.Id, target.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Users.MakeAdministratorAsync(owner.Id, target.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Users.MakeAdministratorAsync(owner.Id, owner.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Users.RevokeAdministratorAsync(owner.Id, target.Id));
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Users.CreatePasswordResetLinkAsync(owner.Id, target.Id));

        Assert.Equal("Only site administrators manage users.", refused.Message);
        var after = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == target.Id));
        Assert.Equal((stamp, null), (after.SecurityStamp, after.LockoutEnd));
        Assert.False(await IsAdministratorAsync(owner.Id));
        Assert.False(await IsAdministratorAsync(target.Id));
    }

    [Fact]
    public async Task A_locked_out_user_cannot_sign_in_their_sessions_and_tokens_stop_and_unlocking_lets_them_in_again()
    {
        var administrator = await Factory.CreateAdministratorAsync();
        var user = await Factory.CreateUserAsync();
        using var api = await Factory.CreateApiClientAsync(user.Id);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/organisations")).StatusCode);
        var stamp = await StampAsync(user.Id);

        await Users.LockAsync(administrator.Id, user.Id);

        var locked = Assert.Single((await Users.ListAsync(administrator.Id, user.Email)).Users);
        Assert.True(locked.IsLockedOut);
        Assert.Null(locked.LockedOutUntilUtc);
        var (status, location) = await PageClient.SignInWithReturnUrlAsync(Factory, user, "/");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("Account/Lockout", location, StringComparison.Ordinal);
        Assert.NotEqual(stamp, await StampAsync(user.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/organisations")).StatusCode);

        await Users.UnlockAsync(administrator.Id, user.Id);

        Assert.False(Assert.Single((await Users.ListAsync(administrator.Id, user.Email)).Users).IsLockedOut);
        using var signedIn = await PageClient.SignInAsync(Factory, user);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/")).Status);
    }

    [Fact]
    public async Task Unlocking_ends_a_lockout_after_wrong_passwords_which_the_list_shows_with_its_end()
    {
        var administrator = await Factory.CreateAdministratorAsync();
        var user = await Factory.CreateUserAsync();
        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            for (var i = 0; i < 5; i++)
            {
                await users.AccessFailedAsync(account);
            }
        }

        var locked = Assert.Single((await Users.ListAsync(administrator.Id, user.Email)).Users);
        await Users.UnlockAsync(administrator.Id, user.Id);

        Assert.True(locked.IsLockedOut);
        Assert.InRange(locked.LockedOutUntilUtc!.Value, DateTime.UtcNow.AddMinutes(14), DateTime.UtcNow.AddMinutes(16));
        var after = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal((null, 0), (after.LockoutEnd, after.AccessFailedCount));
    }

    [Fact]
    public async Task An_administrator_cannot_lock_themselves_out_and_nothing_changes()
    {
        var administrator = await Factory.CreateAdministratorAsync();
        var stamp = await StampAsync(administrator.Id);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Users.LockAsync(administrator.Id, administrator.Id));

        Assert.Equal("You cannot lock yourself out: you would lose your way back in. Another administrator can lock your account.", refused.Message);
        var after = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == administrator.Id));
        Assert.Equal((stamp, null), (after.SecurityStamp, after.LockoutEnd));
    }

    [Fact]
    public async Task An_administrator_cannot_revoke_their_own_role_while_another_could_and_nothing_changes()
    {
        var administrator = await Factory.CreateAdministratorAsync();
        await Factory.CreateAdministratorAsync();
        var stamp = await StampAsync(administrator.Id);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Users.RevokeAdministratorAsync(administrator.Id, administrator.Id));

        Assert.Equal("You cannot revoke your own administrator role. Another administrator can.", refused.Message);
        Assert.True(await IsAdministratorAsync(administrator.Id));
        Assert.Equal(stamp, await StampAsync(administrator.Id));
    }

    [Fact]
    public async Task Making_and_revoking_an_administrator_changes_the_role_and_renews_the_stamp()
    {
        var administrator = await Factory.CreateAdministratorAsync();
        var user = await Factory.CreateUserAsync();
        var stamp = await StampAsync(user.Id);

        await Users.MakeAdministratorAsync(administrator.Id, user.Id);

        Assert.True(await IsAdministratorAsync(user.Id));
        var madeStamp = await StampAsync(user.Id);
        Assert.NotEqual(stamp, madeStamp);
        Assert.True(Assert.Single((await Users.ListAsync(user.Id, user.Email)).Users).IsAdministrator);

        await Users.RevokeAdministratorAsync(administrator.Id, user.Id);

        Assert.False(await IsAdministratorAsync(user.Id));
        Assert.NotEqual(madeStamp, await StampAsync(user.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => Users.ListAsync(user.Id, null));
    }

    [Fact]
    public async Task A_reset_link_starts_with_the_public_url_and_its_code_sets_a_new_password_once()
    {
        var administrator = await Factory.CreateAdministratorAsync();
        var user = await Factory.CreateUserAsync();

        var reset = await Users.CreatePasswordResetLinkAsync(administrator.Id, user.Id);

        Assert.StartsWith(AdministrationFixture.PublicUrl + "Account/ResetPassword?code=", reset.Link, StringComparison.Ordinal);
        Assert.Equal(user.Email, reset.Email);
        Assert.InRange(reset.ValidUntilUtc, DateTime.UtcNow.AddHours(23), DateTime.UtcNow.AddHours(25));
        var code = QueryHelpers.ParseQuery(new Uri(reset.Link).Query)["code"].ToString();
        var token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        const string newPassword = "New!Passw0rd-2027";
        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            Assert.True((await users.ResetPasswordAsync(account, token, newPassword)).Succeeded);
            Assert.False((await users.ResetPasswordAsync(account, token, "Another!Passw0rd")).Succeeded);
        }

        using var signedIn = await PageClient.SignInAsync(Factory, user with { Password = newPassword });
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/")).Status);
    }

    [Fact]
    public async Task A_user_who_does_not_exist_is_not_found()
    {
        var administrator = await Factory.CreateAdministratorAsync();

        var missing = await Assert.ThrowsAsync<NotFoundException>(() => Users.LockAsync(administrator.Id, Guid.NewGuid().ToString()));

        Assert.Equal("That user does not exist: they may have deleted their account.", missing.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => Users.CreatePasswordResetLinkAsync(administrator.Id, "nobody"));
    }

    private Task<string?> StampAsync(string userId) =>
        Factory.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());

    private Task<bool> IsAdministratorAsync(string userId) =>
        Factory.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == SiteRoles.Administrator)));
}
