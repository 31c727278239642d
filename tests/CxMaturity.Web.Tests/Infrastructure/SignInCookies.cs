using CxMaturity.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Tests.Infrastructure;

/// <summary>Browser sign-ins for tests that send requests as a signed-in person rather than through the API.</summary>
public static class SignInCookies
{
    /// <summary>
    /// A cookie exactly as the sign-in page would set it: Identity's principal, protected by the app's own keys. Without
    /// <paramref name="issuedUtc"/> its security stamp is checked on every request; with it (as the sign-in page sets
    /// it), only once the validation interval has passed, so that a request that changes the stamp does not sign it out.
    /// </summary>
    public static async Task<string> SignInCookieAsync(this CxWebApplicationFactory factory, string userId, DateTimeOffset? issuedUtc = null)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var principal = await claims.CreateAsync((await users.FindByIdAsync(userId))!);
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = issuedUtc }, IdentityConstants.ApplicationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }
}
