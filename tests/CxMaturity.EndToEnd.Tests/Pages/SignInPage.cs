using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests.Pages;

/// <summary>The static sign-in page (Identity's /Account/Login).</summary>
public sealed class SignInPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        // Wait for the redirect to commit, not for the "load" event: Playwright has been seen to miss that event
        // after the sign-in redirect (CI: "networkidle" fired, "load" never did). The page's own readiness marker,
        // added once the circuit is interactive, is the signal that matters.
        await page.WaitForURLAsync(
            url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase),
            new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
