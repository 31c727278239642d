using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Demo;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

public sealed class MemberTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_owner_changes_a_role_removes_a_member_and_is_told_why_they_cannot_step_down()
    {
        var scenario = new Scenario(browser.App);
        var (organisationId, emails) = await scenario.OrganisationWithMembersAsync(
            "E2E Members Ltd", OrganisationRole.Viewer, OrganisationRole.Contributor);
        var (viewer, contributor) = (emails[0], emails[1]);
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);
        await page.GotoAsync($"/organisations/{organisationId}");
        await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // A viewer becomes CX lead.
        await page.GetByTestId($"member-role-{viewer}").SelectOptionAsync("CxLead");
        await Assertions.Expect(page.GetByTestId("member-notice")).ToHaveTextAsync($"{viewer} is now CX lead.");
        Assert.Equal(OrganisationRole.CxLead, await scenario.RoleOfAsync(organisationId, viewer));

        // A contributor is removed after a dialog that says what follows; Cancel keeps them.
        await page.GetByTestId($"remove-member-{contributor}").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-remove-message")).ToContainTextAsync("loses access to E2E Members Ltd at once");
        await page.GetByTestId("confirm-remove-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-remove")).ToHaveCountAsync(0);
        Assert.Equal(OrganisationRole.Contributor, await scenario.RoleOfAsync(organisationId, contributor));
        await page.GetByTestId($"remove-member-{contributor}").ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "members-confirm-removal.png") });
        await page.GetByTestId("confirm-remove-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("member-notice")).ToHaveTextAsync($"{contributor} is no longer a member.");
        await Assertions.Expect(page.GetByTestId($"member-{contributor}")).ToHaveCountAsync(0);
        Assert.Null(await scenario.RoleOfAsync(organisationId, contributor));

        // The only Owner cannot step down: the page says why and shows the role kept.
        await page.GetByTestId($"member-role-{DemoSignInInfo.DemoEmail}").SelectOptionAsync("Viewer");
        await Assertions.Expect(page.GetByTestId("member-error")).ToContainTextAsync("only Owner");
        await Assertions.Expect(page.GetByTestId($"member-role-{DemoSignInInfo.DemoEmail}")).ToHaveValueAsync("Owner");
        Assert.Equal(OrganisationRole.Owner, await scenario.RoleOfAsync(organisationId, DemoSignInInfo.DemoEmail));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, "members.png"), FullPage = true });
    }
}
