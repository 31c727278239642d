using System.Net;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Tests.Components.Pages;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Features.Access;

/// <summary>The pages for site administrators, as everyone else meets them.</summary>
public sealed class AdministrationPageTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task A_member_who_is_not_an_administrator_is_told_they_have_no_access_to_background_jobs()
    {
        using var member = await PageClient.SignInAsync(factory, await factory.CreateUserAsync());

        var dashboard = await member.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, dashboard.Status);
        Assert.Equal("/Account/AccessDenied", dashboard.Location!.AbsolutePath);
        var denied = await member.GetAsync(dashboard.Location.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, denied.Status);
        Assert.Equal("No access", denied.TextOf("access-denied-title"));
        Assert.Contains("site administrators", denied.TextOf("access-denied-message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_signed_in_is_asked_to_sign_in_for_background_jobs()
    {
        using var anonymous = PageClient.Anonymous(factory);

        var dashboard = await anonymous.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, dashboard.Status);
        Assert.Equal("/Account/Login", dashboard.Location!.AbsolutePath);
    }

    [Fact]
    public async Task An_administrator_sees_background_jobs_and_is_sent_home_from_setup()
    {
        using var administrator = await PageClient.SignInAsync(factory, await factory.CreateAdministratorAsync());

        var dashboard = await administrator.GetAsync("/hangfire");
        var setup = await administrator.GetAsync("/setup");

        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("CxMaturity background jobs", dashboard.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, setup.Status);
        Assert.Equal("/", setup.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Only_an_administrator_sees_the_mail_page_and_its_service_refuses_anyone_else()
    {
        var member = await factory.CreateUserAsync();
        using var memberClient = await PageClient.SignInAsync(factory, member);
        using var administrator = await PageClient.SignInAsync(factory, await factory.CreateAdministratorAsync());

        var refused = await memberClient.GetAsync("/admin/mail");
        var shown = await administrator.GetAsync("/admin/mail");

        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Equal("/Account/AccessDenied", refused.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.StartsWith("Sent to the outbox folder (no SMTP server configured).", shown.TextOf("mail-summary"), StringComparison.Ordinal);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.GetService<CxMaturity.Web.Features.Mail.MailStatusService>().GetAsync(member.Id));
    }
}
