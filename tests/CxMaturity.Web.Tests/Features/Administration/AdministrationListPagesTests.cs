using System.Net;
using CxMaturity.Web.Tests.Components.Pages;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Administration;

/// <summary>The users and organisations pages as a browser gets them: who may open them, and the rows they show.</summary>
public sealed class AdministrationListPagesTests(AdministrationFixture fixture) : IClassFixture<AdministrationFixture>
{
    private CxWebApplicationFactory Factory => fixture.Factory;

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/organisations")]
    public async Task Nobody_signed_in_is_asked_to_sign_in(string page)
    {
        using var anonymous = PageClient.Anonymous(Factory);

        var response = await anonymous.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal("/Account/Login", response.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/organisations")]
    public async Task An_owner_of_an_organisation_who_is_not_an_administrator_is_told_they_have_no_access(string page)
    {
        var owner = await Factory.CreateUserAsync();
        await Factory.CreateOrganisationAsync(owner.Id);
        using var client = await PageClient.SignInAsync(Factory, owner);

        var response = await client.GetAsync(page);
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal("/Account/AccessDenied", response.Location!.AbsolutePath);
        Assert.False(home.Has("nav-admin-users"), "A member who is not an administrator sees the Users link.");
        Assert.False(home.Has("nav-admin-organisations"), "A member who is not an administrator sees the Organisations link.");
    }

    [Fact]
    public async Task An_administrator_sees_the_users_a_search_finds_with_their_state_and_organisations()
    {
        var administrator = await Factory.CreateAdministratorAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var ada = await Factory.CreateUserAsync($"ada.{marker}@example.org", "Ada Lovelace");
        var grace = await Factory.CreateUserAsync($"grace.{marker}@example.org", "Grace Hopper");
        await Factory.CreateOrganisationAsync(ada.Id, $"Analytical Engines {marker}");
        await Factory.GetService<CxMaturity.Web.Features.Administration.UserAdministrationService>().LockAsync(administrator.Id, grace.Id);
        using var client = await PageClient.SignInAsync(Factory, administrator);

        var page = await client.GetAsync($"/admin/users?q={marker}");
        var self = await client.GetAsync($"/admin/users?q={Uri.EscapeDataString(administrator.Email)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"2 users match “{marker}”.", page.TextOf("user-count"));
        Assert.Equal(ada.Email, page.TextOf($"user-email-{ada.Email}"));
        Assert.Equal($"Analytical Engines {marker}", page.TextOf($"user-organisation-{ada.Email}"));
        Assert.Equal("· Owner", page.TextOf($"user-organisation-role-{ada.Email}"));
        Assert.False(page.Has($"user-organisation-{grace.Email}"), "Grace belongs to no organisation.");
        Assert.Equal("Can sign in", page.TextOf($"user-lockout-{ada.Email}"));
        Assert.Equal("Locked out until unlocked", page.TextOf($"user-lockout-{grace.Email}"));
        Assert.False(page.Has($"user-administrator-{ada.Email}"), "Ada is shown as an administrator.");
        Assert.True(page.Has($"lock-{ada.Email}"));
        Assert.True(page.Has($"unlock-{grace.Email}"));
        Assert.True(page.Has($"make-admin-{ada.Email}"));
        Assert.True(page.Has("nav-admin-users"));
        Assert.True(page.Has("nav-admin-organisations"));
        Assert.True(self.Has("user-self-note"));
        Assert.Equal("Administrator", self.TextOf($"user-administrator-{administrator.Email}"));
        Assert.False(self.Has($"lock-{administrator.Email}"), "An administrator is offered to lock themselves out.");
        Assert.False(self.Has($"revoke-admin-{administrator.Email}"), "An administrator is offered to revoke their own role.");
    }

    [Fact]
    public async Task An_administrator_sees_the_organisations_a_search_finds_with_owners_and_figures()
    {
        var administrator = await Factory.CreateAdministratorAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var organisation = await Factory.CreateOrganisationWithRoundAsync();
        await Factory.WithDbAsync(async db =>
        {
            (await db.Organisations.FindAsync(organisation.OrganisationId))!.Name = $"Babbage & Co {marker}";
            await db.SaveChangesAsync();
        });
        await Factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);
        await Factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.CxLead);
        using var client = await PageClient.SignInAsync(Factory, administrator);

        var page = await client.GetAsync($"/admin/organisations?q={marker}");

        var id = organisation.OrganisationId;
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"1 organisation matches “{marker}”.", page.TextOf("organisation-count"));
        Assert.Equal($"Babbage & Co {marker}", page.TextOf($"organisation-name-{id}"));
        Assert.Equal(organisation.Owner.Email, page.TextOf($"organisation-owner-{id}"));
        Assert.Equal("2", page.TextOf($"organisation-members-{id}"));
        Assert.Equal("1", page.TextOf($"organisation-rounds-{id}"));
        Assert.Equal("1", page.TextOf($"organisation-respondents-{id}"));
        Assert.Equal("0", page.TextOf($"organisation-answers-{id}"));
        Assert.DoesNotContain($"organisations/{id}\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(organisation.Round.Name, page.Html, StringComparison.Ordinal);
    }
}
