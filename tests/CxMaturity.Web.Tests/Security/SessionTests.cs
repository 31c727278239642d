using System.Net;
using CxMaturity.Web.Tests.Components.Pages;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Security;

/// <summary>Signing out ends the session on the server: a cookie copied before it stops working at once.</summary>
public sealed class SessionTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task A_cookie_copied_before_signing_out_no_longer_opens_a_page()
    {
        var user = await factory.CreateUserAsync();
        var copied = await factory.SignInCookieAsync(user.Id);
        using var browser = await PageClient.SignInAsync(factory, user);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/profile", copied)).StatusCode);

        await browser.SignOutAsync("/");

        using var afterwards = await GetWithCookieAsync("/profile", copied);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Equal("/Account/Login", afterwards.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Signing_out_leaves_other_users_signed_in()
    {
        var leaving = await factory.CreateUserAsync();
        var staying = await factory.CreateUserAsync();
        var stayingCookie = await factory.SignInCookieAsync(staying.Id);
        using var browser = await PageClient.SignInAsync(factory, leaving);

        await browser.SignOutAsync("/");

        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/profile", stayingCookie)).StatusCode);
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookie)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Cookie", cookie } } };
        return await client.SendAsync(request);
    }
}
