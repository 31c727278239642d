using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace CxMaturity.Web.Components;

/// <summary>The signed-in user as pages need it: the id every service call takes first.</summary>
public static class AuthenticationStateExtensions
{
    /// <summary>The user's id (the NameIdentifier claim), or null when nobody is signed in.</summary>
    public static async Task<string?> UserIdAsync(this Task<AuthenticationState>? authenticationState)
    {
        if (authenticationState is null)
        {
            return null;
        }

        var state = await authenticationState;
        return state.User.Identity?.IsAuthenticated == true ? state.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }

    /// <summary>The user's id; for pages behind [Authorize], where a missing id is a bug, not a state.</summary>
    public static async Task<string> RequiredUserIdAsync(this Task<AuthenticationState>? authenticationState) =>
        await authenticationState.UserIdAsync()
        ?? throw new InvalidOperationException("The page requires a signed-in user but the authentication state has none.");
}
