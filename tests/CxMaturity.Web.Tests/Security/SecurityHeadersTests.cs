using System.Net;
using System.Text.RegularExpressions;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Security;

/// <summary>
/// Every response carries the Content-Security-Policy and the other headers a browser should be told, and none that
/// names the server; API answers are never cached; outside Development browsers are told to use HTTPS only.
/// </summary>
public sealed partial class SecurityHeadersTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/invitations/not-a-real-secret")]
    [InlineData("/api/v1/organisations")]
    [InlineData("/no-such-page")]
    public async Task Pages_and_the_api_carry_the_security_headers(string path)
    {
        using var client = factory.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        var policy = Directives(string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Matches("^'self' 'nonce-[0-9A-F]{32}'$", policy["script-src"]);
        Assert.Equal("'self'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.DoesNotContain("unsafe-eval", string.Join(" ", policy.Values), StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(";", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", string.Join(";", response.Headers.GetValues("Referrer-Policy")));
        var permissions = string.Join(";", response.Headers.GetValues("Permissions-Policy"));
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), "The response names the server.");
    }

    [Fact]
    public async Task The_import_map_is_the_one_inline_script_and_carries_this_responses_nonce()
    {
        await factory.CreateUserAsync(); // past the first run, which sends every page to set-up
        using var client = factory.CreateAnonymousClient();

        using var first = await client.GetAsync("/Account/Login");
        using var second = await client.GetAsync("/Account/Login");

        var html = await first.Content.ReadAsStringAsync();
        var nonce = NonceOf(first);
        Assert.NotEqual(nonce, NonceOf(second));
        var inline = InlineScript().Matches(html).Select(m => m.Value).ToList();
        var importMap = Assert.Single(inline);
        Assert.Contains("type=\"importmap\"", importMap, StringComparison.Ordinal);
        Assert.Contains($"nonce=\"{nonce}\"", importMap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_answers_and_refusals_are_never_cached()
    {
        var owner = await factory.CreateUserAsync();
        using var api = await factory.CreateApiClientAsync(owner.Id);
        using var anonymous = factory.CreateAnonymousClient();

        using var listed = await api.GetAsync("/api/v1/organisations");
        using var refused = await anonymous.GetAsync("/api/v1/organisations");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.True(listed.Headers.CacheControl?.NoStore, "An API answer may be cached.");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(refused.Headers.CacheControl?.NoStore, "An API refusal may be cached.");
    }

    [Fact]
    public async Task Outside_development_https_is_required_by_hsts_and_other_host_names_are_refused()
    {
        await using var production = new CxWebApplicationFactory
        {
            EnvironmentName = "Production",
            Settings = { ["App:PublicUrl"] = "https://cx.example.com/", ["AllowedHosts"] = "cx.example.com" },
        };
        using var client = production.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://cx.example.com/") });

        using var page = await client.GetAsync("/Account/Login");
        using var otherHost = new HttpRequestMessage(HttpMethod.Get, "/Account/Login") { Headers = { Host = "evil.example.net" } };
        using var refused = await client.SendAsync(otherHost);

        Assert.True(page.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"The page answered {page.StatusCode}.");
        Assert.StartsWith("max-age=", string.Join(";", page.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task In_development_there_is_no_hsts()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://cx.example.com/") });

        using var page = await client.GetAsync("/Account/Login");

        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }

    private static string NonceOf(HttpResponseMessage response) =>
        Regex.Match(string.Join(";", response.Headers.GetValues("Content-Security-Policy")), "'nonce-([^']+)'").Groups[1].Value;

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");

    // A script element without a src attribute: inline code the policy has to allow.
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
