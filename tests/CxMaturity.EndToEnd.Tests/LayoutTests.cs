using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;

namespace CxMaturity.EndToEnd.Tests;

/// <summary>
/// Every page of the app fits a 390 px phone without scrolling sideways, and no text a person typed, however long
/// and unbroken, pushes a page wider than its window.
/// </summary>
public sealed class LayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public void The_tour_covers_every_page_the_app_routes_to()
    {
        var tour = new DemoTour(1, 2, 3, 4, "/invitations/secret", "someone@e2e.local");

        var paths = PageTour.Paths(tour);

        Assert.Contains("/organisations/1", paths);
        Assert.Contains("/rounds/2/results?preview=true", paths);
        Assert.Contains("/rounds/3/questionnaire", paths);
        Assert.Contains("/Account/Manage", paths);
        Assert.True(paths.Count >= PageTour.Templates.Count, $"{paths.Count} paths for {PageTour.Templates.Count} routes");
    }

    [Fact]
    public async Task Every_page_of_the_demo_fits_a_phone_for_the_owner()
    {
        var tour = await new Scenario(browser.App).DemoTourAsync();
        var page = await browser.NewPhonePageAsync();
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);

        var tooWide = await PageTour.TooWideAsync(page, PageTour.Paths(tour), "owner-phone");

        Assert.True(tooWide.Count == 0, "Pages wider than a 390 px phone:\n" + string.Join("\n", tooWide));
    }

    [Fact]
    public async Task Every_page_of_the_demo_fits_a_phone_for_a_respondent()
    {
        var tour = await new Scenario(browser.App).DemoTourAsync();
        var page = await browser.NewPhonePageAsync();
        await new SignInPage(page).SignInAsync(tour.RespondentEmail, Scenario.Password);

        var tooWide = await PageTour.TooWideAsync(page, PageTour.Paths(tour), "respondent-phone");

        Assert.True(tooWide.Count == 0, "Pages wider than a 390 px phone:\n" + string.Join("\n", tooWide));
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 900)]
    public async Task Two_hundred_characters_without_a_space_stay_within_the_window(int width, int height)
    {
        var (email, tour) = await new Scenario(browser.App).LongTextOrganisationAsync();
        var page = width <= BrowserFixture.Phone.Width ? await browser.NewPhonePageAsync() : await browser.NewPageAsync(width, height);
        await new SignInPage(page).SignInAsync(email, Scenario.Password);

        var tooWide = await PageTour.TooWideAsync(page, PageTour.Paths(tour), $"long-text-{width}");

        Assert.True(tooWide.Count == 0, $"Pages wider than {width} px with long text:\n" + string.Join("\n", tooWide));
    }
}
