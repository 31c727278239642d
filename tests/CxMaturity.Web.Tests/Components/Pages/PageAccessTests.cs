using System.Net;

namespace CxMaturity.Web.Tests.Components.Pages;

/// <summary>
/// Every page checks the caller's role in the organisation that owns the data: what each role meets on
/// the first HTML response of each page.
/// </summary>
public sealed class PageAccessTests(PageAccessFixture fixture) : IClassFixture<PageAccessFixture>
{
    private int Round => fixture.RoundId;

    public static TheoryData<string> Pages => new()
    {
        "/organisations/{org}", "/rounds/{round}", "/rounds/{round}/results", "/rounds/{round}/report",
        "/rounds/{round}/roadmap", "/rounds/{round}/targets", "/rounds/{round}/import", "/rounds/{round}/questionnaire",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string page)
    {
        var (status, _, location) = await fixture.GetPageAsync("Anonymous", Path(page));

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("http://localhost/Account/Login", location);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_user_of_another_organisation_sees_not_found_and_none_of_the_data(string page)
    {
        var (_, html, _) = await fixture.GetPageAsync("Stranger", Path(page));

        Assert.Contains("data-testid=\"not-found\"", html);
        Assert.DoesNotContain(PageAccessFixture.OrganisationName, html);
        Assert.DoesNotContain(fixture.RoundName, html);
        Assert.DoesNotContain(PageAccessFixture.InviteeName, html);
    }

    [Theory]
    [InlineData("Owner")]
    [InlineData("CxLead")]
    public async Task Owners_and_CX_leads_manage_the_round_and_see_who_answered(string user)
    {
        var (_, round, _) = await fixture.GetPageAsync(user, $"/rounds/{Round}");
        var (_, preview, _) = await fixture.GetPageAsync(user, $"/rounds/{Round}/results?preview=true");
        var (_, import, _) = await fixture.GetPageAsync(user, $"/rounds/{Round}/import");

        Assert.Contains("data-testid=\"add-respondent\"", round);
        Assert.Contains("data-testid=\"close-round\"", round);
        Assert.Contains(PageAccessFixture.InviteeName, round);
        Assert.Contains("data-kind=\"preview\"", preview);
        Assert.DoesNotContain("data-testid=\"forbidden\"", import);
    }

    [Theory]
    [InlineData("Contributor")]
    [InlineData("Viewer")]
    public async Task Contributors_and_viewers_read_final_results_but_manage_nothing_and_see_no_names(string user)
    {
        var (_, round, _) = await fixture.GetPageAsync(user, $"/rounds/{Round}");
        var (_, results, _) = await fixture.GetPageAsync(user, $"/rounds/{Round}/results");
        var (_, preview, _) = await fixture.GetPageAsync(user, $"/rounds/{Round}/results?preview=true");
        var (_, import, _) = await fixture.GetPageAsync(user, $"/rounds/{Round}/import");
        var (_, targets, _) = await fixture.GetPageAsync(user, $"/rounds/{Round}/targets");

        Assert.Contains(fixture.RoundName, round);
        Assert.DoesNotContain("data-testid=\"add-respondent\"", round);
        Assert.DoesNotContain("data-testid=\"close-round\"", round);
        Assert.DoesNotContain(PageAccessFixture.InviteeName, round);
        Assert.Contains("data-kind=\"final\"", results);
        Assert.DoesNotContain("data-kind=\"preview\"", preview);
        Assert.DoesNotContain("data-testid=\"drilldown-", results);
        Assert.DoesNotContain(PageAccessFixture.SecretComment, results);
        Assert.Contains("data-testid=\"forbidden\"", import);
        Assert.DoesNotContain("data-testid=\"save-targets\"", targets);
    }

    [Fact]
    public async Task A_respondent_sees_their_own_questionnaire_and_not_the_rounds_results_or_other_respondents()
    {
        var (_, questionnaire, _) = await fixture.GetPageAsync("Respondent", $"/rounds/{Round}/questionnaire");
        var (_, results, _) = await fixture.GetPageAsync("Respondent", $"/rounds/{Round}/results");
        var (_, roadmap, _) = await fixture.GetPageAsync("Respondent", $"/rounds/{Round}/roadmap");
        var (roundStatus, round, roundLocation) = await fixture.GetPageAsync("Respondent", $"/rounds/{Round}");

        Assert.Contains("Rhea Respondent", questionnaire);
        Assert.Contains("data-testid=\"question-", questionnaire);
        Assert.DoesNotContain(PageAccessFixture.InviteeName, questionnaire);
        Assert.DoesNotContain("data-testid=\"overall-score\"", results);
        Assert.DoesNotContain("data-testid=\"lanes\"", roadmap);
        Assert.DoesNotContain(PageAccessFixture.InviteeName, round + roundLocation);
        Assert.True(roundStatus is HttpStatusCode.OK or HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_member_who_is_not_a_respondent_gets_a_clear_state_on_the_questionnaire()
    {
        var (_, html, _) = await fixture.GetPageAsync("Viewer", $"/rounds/{Round}/questionnaire");

        Assert.DoesNotContain("data-testid=\"question-", html);
        Assert.DoesNotContain("Rhea Respondent", html);
        Assert.Matches("data-testid=\"(not-found|forbidden|page-error|not-a-respondent)\"", html);
    }

    private string Path(string page) =>
        page.Replace("{org}", fixture.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{round}", Round.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
