using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

/// <summary>The app bar's menus, as a mouse user and a phone user meet them.</summary>
public sealed class ShellTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_mouse_click_opens_the_organisation_switcher_and_a_click_switches_organisation()
    {
        var (email, ids) = await new Scenario(browser.App).UserOwningAsync("Alder Foods", "Birch Telecom");
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(email, Scenario.Password);
        await page.GotoAsync($"/organisations/{ids[0]}");
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.GetByTestId("organisation-switcher-button").ClickAsync();

        var current = page.GetByTestId($"switch-to-{ids[0]}");
        await Assertions.Expect(current).ToBeVisibleAsync();
        await Assertions.Expect(current).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(page.GetByTestId($"switch-to-{ids[1]}")).Not.ToHaveAttributeAsync("aria-current", "true");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "switcher-open.png") });
        await page.GetByTestId($"switch-to-{ids[1]}").ClickAsync();
        await page.WaitForURLAsync($"**/organisations/{ids[1]}");
        await Assertions.Expect(page.GetByTestId("organisation-name")).ToHaveTextAsync("Birch Telecom");
    }

    [Fact]
    public async Task A_mouse_click_opens_the_account_menu_and_reaches_the_profile()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);

        await page.GetByTestId("user-menu-button").ClickAsync();
        await page.GetByTestId("menu-profile").ClickAsync();

        await page.WaitForURLAsync("**/profile");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Profile");
    }

    [Fact]
    public async Task On_a_phone_a_tap_opens_the_switcher_and_a_tap_switches_organisation()
    {
        var (email, ids) = await new Scenario(browser.App).UserOwningAsync("Cedar Insurance", "Damson Travel");
        var page = await browser.NewPhonePageAsync();
        await new SignInPage(page).SignInAsync(email, Scenario.Password);
        await page.GotoAsync($"/organisations/{ids[0]}");
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.GetByTestId("organisation-switcher-button").TapAsync();
        await Assertions.Expect(page.GetByTestId($"switch-to-{ids[1]}")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "switcher-phone.png") });
        await page.GetByTestId($"switch-to-{ids[1]}").TapAsync();

        await page.WaitForURLAsync($"**/organisations/{ids[1]}");
        await Assertions.Expect(page.GetByTestId("organisation-name")).ToHaveTextAsync("Damson Travel");
    }

    [Fact]
    public async Task On_a_phone_a_tap_opens_the_account_menu_and_a_tap_signs_out()
    {
        var (email, _) = await new Scenario(browser.App).UserOwningAsync("Elm Logistics");
        var page = await browser.NewPhonePageAsync();
        await new SignInPage(page).SignInAsync(email, Scenario.Password);

        await page.GetByTestId("user-menu-button").TapAsync();
        await Assertions.Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "account-menu-phone.png") });
        await page.GetByTestId("sign-out").TapAsync();

        await Assertions.Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync();
        await page.GotoAsync("/profile");
        await page.WaitForURLAsync("**/Account/Login**");
    }

    [Fact]
    public async Task Past_seven_organisations_the_switcher_filters_as_you_type()
    {
        string[] names = ["Acorn Bank", "Beacon Health", "Cobalt Energy", "Delta Airways", "Ember Studios", "Fjord Shipping", "Granite Homes", "Harbour Lights"];
        var (email, ids) = await new Scenario(browser.App).UserOwningAsync(names);
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(email, Scenario.Password);

        await page.GetByTestId("organisation-switcher-button").ClickAsync();
        var filter = page.GetByTestId("organisation-filter");
        await Assertions.Expect(filter).ToBeVisibleAsync();
        await filter.FillAsync("har");

        await Assertions.Expect(page.GetByTestId($"switch-to-{ids[7]}")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId($"switch-to-{ids[0]}")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid^='switch-to-']")).ToHaveCountAsync(1);
        await page.GetByTestId($"switch-to-{ids[7]}").ClickAsync();
        await page.WaitForURLAsync($"**/organisations/{ids[7]}");
    }

    [Fact]
    public async Task The_keyboard_reaches_the_account_menu_opens_it_and_chooses_an_item()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        var activator = page.Locator("[data-testid='user-menu'] .mud-menu-activator");

        // After signing in the focus is on the page's heading; the app bar comes before it.
        for (var presses = 0; presses < 30 && !await activator.EvaluateAsync<bool>("e => e === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
        }

        await Assertions.Expect(activator).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var profile = page.GetByTestId("menu-profile");
        await Assertions.Expect(profile).ToBeVisibleAsync();
        for (var presses = 0; presses < 5 && !await profile.EvaluateAsync<bool>("e => e.contains(document.activeElement)"); presses++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/profile");
    }
}
