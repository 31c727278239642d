using CxMaturity.Assessment.Rounds;
using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Rounds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

/// <summary>
/// A CX lead sets a draft round up on its page, with a mouse and on a phone: a pasted list checked line by line,
/// then added; a member picked; a respondent edited and another removed; the settings saved; the round opened.
/// </summary>
public sealed class RoundSetupTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_draft_is_set_up_from_a_pasted_list_edited_and_opened_with_the_mouse()
    {
        var roundId = await DraftAsync("E2E Setup Ltd");
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        await OpenAsync(page, roundId);
        await Assertions.Expect(page.GetByTestId("draft-note")).ToBeVisibleAsync();

        await page.GetByTestId("add-list").Locator("summary").ClickAsync();
        await page.GetByTestId("respondent-list").FillAsync("Ada Lovelace; ada@example.com; Executive\nBen Okri; ben@example; Frontline\nCy Twombly; cy@example.com; Sales");
        await page.GetByTestId("check-list").ClickAsync();
        await Assertions.Expect(page.GetByTestId("list-problem")).ToHaveTextAsync([
            "Line 2: “ben@example” is not a valid email address.",
            "Line 3: “Sales” is not one of the round's groups: Executive, Management, Frontline, Customer-facing partner.",
        ]);
        await Assertions.Expect(page.GetByTestId("count-total")).ToHaveTextAsync("0");

        await page.GetByTestId("respondent-list").FillAsync("Ada Lovelace; ada@example.com; Executive\nBen Okri; ben@example.com; Frontline\nCy Twombly; cy@example.com; management");
        await page.GetByTestId("check-list").ClickAsync();
        await page.GetByTestId("add-list-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("count-total")).ToHaveTextAsync("3");

        // The CX lead also answers, picked from the organisation's members.
        await page.GetByTestId("choose-members").ClickAsync();
        await page.GetByTestId($"member-{DemoSignInInfo.DemoEmail}").CheckAsync();
        await page.GetByTestId("members-group").SelectOptionAsync("Management");
        await page.GetByTestId("add-members-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("count-total")).ToHaveTextAsync("4");
        await Assertions.Expect(page.GetByTestId("choose-members")).ToBeVisibleAsync();

        var ben = page.GetByTestId("respondents").Locator("tr", new() { HasText = "Ben Okri" });
        await ben.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await page.GetByTestId("edit-group").SelectOptionAsync("Management");
        await page.GetByTestId("save-respondent").ClickAsync();
        await Assertions.Expect(page.GetByTestId("respondents").Locator("tr", new() { HasText = "Ben Okri" })).ToContainTextAsync("Management");

        var cy = page.GetByTestId("respondents").Locator("tr", new() { HasText = "Cy Twombly" });
        await cy.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await page.GetByTestId("confirm-remove-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("count-total")).ToHaveTextAsync("3");

        await page.GetByTestId("settings-minimum-group-size").FillAsync("2");
        await page.GetByTestId("settings-anonymous").CheckAsync();
        await page.GetByTestId("save-settings").ClickAsync();
        await Assertions.Expect(page.GetByTestId("settings-saved")).ToBeVisibleAsync();

        await page.GetByTestId("open-round").ClickAsync();
        await Assertions.Expect(page.GetByTestId("round-status")).ToHaveTextAsync("Open");
        var round = await RoundAsync(roundId);
        Assert.Equal((RoundStatus.Open, 2, true), (round.Status, round.MinimumGroupSize, round.Anonymous));
        Assert.Equal(
            [("Ada Lovelace", "Executive", false), ("Ben Okri", "Management", false), (DemoSignInInfo.DemoEmail, "Management", true)],
            round.Respondents!.Select(r => (r.IsMember ? r.Email : r.Name, r.Group, r.IsMember)).OrderBy(r => r.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_draft_s_page_fits_a_phone_with_its_settings_and_list_open()
    {
        var roundId = await DraftAsync("E2E Setup Phone Ltd");
        var page = await browser.NewPhonePageAsync();
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        await OpenAsync(page, roundId);
        await page.GetByTestId("add-list").Locator("summary").TapAsync();
        await page.GetByTestId("respondent-list").FillAsync("Ada Lovelace, ada@example.com, Executive");
        await page.GetByTestId("check-list").TapAsync();
        await Assertions.Expect(page.GetByTestId("list-ready")).ToBeVisibleAsync();
        await page.GetByTestId("choose-members").TapAsync();
        await page.GetByTestId($"member-{DemoSignInInfo.DemoEmail}").TapAsync();
        await Assertions.Expect(page.GetByTestId("add-members-confirm")).ToHaveTextAsync("Add 1 member");
        await page.GetByTestId("add-members").ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "cx-e2e-members-390.png") });

        var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(width <= BrowserFixture.Phone.Width, $"The round page is {width} px wide on a {BrowserFixture.Phone.Width} px phone.");
    }

    private static async Task OpenAsync(IPage page, int roundId)
    {
        await page.GotoAsync($"/rounds/{roundId}");
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByTestId("round-settings")).ToBeVisibleAsync();
    }

    private async Task<int> DraftAsync(string organisationName)
    {
        var userId = await new Scenario(browser.App).DemoUserIdAsync();
        using var scope = browser.App.Services.CreateScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationService>().CreateAsync(userId, organisationName);
        var round = await scope.ServiceProvider.GetRequiredService<RoundService>().CreateRoundAsync(
            userId, organisation.Id, new CreateRoundRequest("cx-maturity", "Spring draft", Status: RoundStatus.Draft));
        return round.Id;
    }

    private async Task<RoundView> RoundAsync(int roundId)
    {
        var userId = await new Scenario(browser.App).DemoUserIdAsync();
        using var scope = browser.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RoundService>().GetRoundAsync(userId, roundId);
    }
}
