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
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
