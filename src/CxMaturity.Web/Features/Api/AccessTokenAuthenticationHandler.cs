using System.Security.Claims;
using System.Text.Encodings.Web;
using CxMaturity.Web.Features.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CxMaturity.Web.Features.Api;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;personal access token&gt;</c>. The principal carries only the user id:
/// every service checks the user's role in the organisation that owns the data, so a token can do exactly what its
/// user can. Challenges and refusals are answered with problem details rather than redirects to a sign-in page.
/// </summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header[BearerPrefix.Length..].Trim();
        var userId = token.Length == 0 ? null : await tokens.ValidateAsync(token);
        if (userId is null)
        {
            return AuthenticateResult.Fail("The access token is unknown, revoked, or its user no longer exists.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var failed = result.Failure is not null;
        Response.Headers[HeaderNames.WWWAuthenticate] = failed ? "Bearer error=\"invalid_token\"" : "Bearer";
        await ApiProblems.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            failed
                ? "The access token is not valid: it is unknown or has been revoked. Create a new one on your profile page."
                : "The API needs a personal access token sent as 'Authorization: Bearer <token>'; " +
                  "create one on your profile page. Browser sign-in cookies are not accepted here.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(
            Context,
            StatusCodes.Status403Forbidden,
            "Your access token is valid, but your role does not allow this.");
}
