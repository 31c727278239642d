using System.Net;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Api;

/// <summary>The API accepts personal access tokens and nothing else.</summary>
public sealed class ApiAuthenticationTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task A_request_without_a_token_is_a_401_problem_that_says_how_to_authenticate()
    {
        using var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync("/api/v1/organisations");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", problem.Detail);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task An_unknown_token_is_refused()
    {
        using var client = factory.CreateClientWithToken("not-a-token-anyone-was-given");

        var problem = await (await client.GetAsync("/api/v1/organisations")).ReadProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("not valid", problem.Detail);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_from_the_moment_it_is_revoked()
    {
        var user = await factory.CreateUserAsync();
        await factory.CreateOrganisationAsync(user.Id, "Still mine");
        var created = await factory.AccessTokens.CreateAsync(user.Id, "integration");
        using var client = factory.CreateClientWithToken(created.Token);
        var before = await (await client.GetAsync("/api/v1/organisations")).ReadAsync<List<OrganisationSummaryDto>>();
        Assert.Equal("Still mine", Assert.Single(before).Name);

        await factory.AccessTokens.RevokeAsync(user.Id, created.View.Id);

        var response = await client.GetAsync("/api/v1/organisations");
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_token_is_stored_only_as_its_hash()
    {
        var user = await factory.CreateUserAsync();

        var created = await factory.AccessTokens.CreateAsync(user.Id, "integration");

        var stored = await factory.WithDbAsync(db => Task.FromResult(db.PersonalAccessTokens.Single(t => t.Id == created.View.Id)));
        Assert.NotEqual(created.Token, stored.TokenHash);
        Assert.DoesNotContain(created.Token, stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.True(created.Token.Length >= 43); // 256 bits, base64url
    }

    [Fact]
    public async Task A_signed_in_browser_cookie_without_a_token_is_not_accepted_by_the_api()
    {
        var user = await factory.CreateUserAsync();
        await factory.CreateOrganisationAsync(user.Id);
        var cookie = await factory.SignInCookieAsync(user.Id);
        using var client = factory.CreateAnonymousClient();

        // The same cookie opens a page that needs a signed-in user, so it is a valid sign-in…
        using var page = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage");
        page.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(page)).StatusCode);

        // …but the API does not take it.
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organisations");
        api.Headers.Add("Cookie", cookie);
        await (await client.SendAsync(api)).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_endpoints_and_the_bearer_scheme()
    {
        using var client = factory.CreateAnonymousClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[]
                 {
                     "/api/v1/organisations",
                     "/api/v1/models",
                     "/api/v1/models/{id}",
                     "/api/v1/organisations/{orgId}/assessments",
                     "/api/v1/assessments/{id}",
                     "/api/v1/assessments/{id}/targets",
                     "/api/v1/assessments/{id}/respondents",
                     "/api/v1/assessments/{id}/respondents/{respondentId}/answers",
                     "/api/v1/assessments/{id}/results",
                 })
        {
            Assert.Contains($"\"{path}\"", document);
        }

        Assert.Contains("\"bearer\"", document);
        Assert.Contains("ResultsDto", document);
        Assert.DoesNotContain("/Account/", document);
    }
}
