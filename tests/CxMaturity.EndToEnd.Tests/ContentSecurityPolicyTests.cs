using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests;

/// <summary>
/// Every page works under the app's Content-Security-Policy: Chromium reports no violation in the console while the
/// owner walks through every page the app routes to, and the site administrator through the administrators' pages
/// and the background-job dashboard.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task No_page_of_the_demo_breaks_the_content_security_policy_for_the_owner()
    {
        var tour = await new Scenario(browser.App).DemoTourAsync();
        var page = await browser.NewPageAsync();
        var violations = Watch(page);
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);

        var paths = PageTour.Paths(tour);
        await VisitAsync(page, paths);

        Assert.True(violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations));
        Assert.True(paths.Count >= PageTour.Templates.Count);
    }

    [Fact]
    public async Task The_administrators_pages_and_the_job_dashboard_keep_to_the_policy()
    {
        var page = await browser.NewPageAsync();
        var violations = Watch(page);
        await new SignInPage(page).SignInAsync(DemoSignInInfo.AdministratorEmail, DemoSignInInfo.DemoPassword);

        await VisitAsync(page, [.. PageTour.Templates.Where(t => t.StartsWith("/admin", StringComparison.Ordinal)), "/hangfire", "/hangfire/recurring"]);

        Assert.True(violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations));
    }

    // Chromium logs every refusal of the policy as a console error naming it; a script error that follows is caught too.
    private static List<string> Watch(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (violations)
            {
                violations.Add($"{page.Url}: script error {error}");
            }
        };
        return violations;
    }

    private static async Task VisitAsync(IPage page, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await PageTour.SettleAsync(page);
        }
    }
}
