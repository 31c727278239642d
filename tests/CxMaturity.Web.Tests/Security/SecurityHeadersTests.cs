using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Security;

/// <summary>Every response tells the browser not to frame the page, sniff types or leak an invitation's path.</summary>
public sealed class SecurityHeadersTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/invitations/not-a-real-secret")]
    [InlineData("/api/v1/organisations")]
    public async Task Pages_and_the_api_carry_the_security_headers(string path)
    {
        using var client = factory.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        Assert.Equal("frame-ancestors 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(";", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", string.Join(";", response.Headers.GetValues("Referrer-Policy")));
    }
}
