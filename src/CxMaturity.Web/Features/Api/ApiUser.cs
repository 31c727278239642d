using System.Security.Claims;

namespace CxMaturity.Web.Features.Api;

internal static class ApiUser
{
    /// <summary>The id of the user whose access token authenticated the request.</summary>
    public static string IdOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("An API endpoint ran without an authenticated access token.");
}
