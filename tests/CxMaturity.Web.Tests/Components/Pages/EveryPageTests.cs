using System.Net;
using static CxMaturity.Web.Tests.Components.Pages.PagesFixture;

namespace CxMaturity.Web.Tests.Components.Pages;

/// <summary>What nobody signed in, and a user of another organisation, meet on every page of an organisation.</summary>
[Collection(PagesCollection.Name)]
public sealed class EveryPageTests(PagesFixture fixture)
{
    public static TheoryData<string> Pages => new()
    {
        "/organisations/{org}", "/organisations/{org}/results",
        "/rounds/{open}", "/rounds/{open}/results", "/rounds/{open}/results?preview=true", "/rounds/{open}/report",
        "/rounds/{open}/questionnaire",
        "/rounds/{shared}", "/rounds/{shared}/results", "/rounds/{shared}/report", "/rounds/{shared}/questionnaire",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_brought_back_afterwards(string page)
    {
        var path = Path(page);

        var response = await fixture.GetAsync(Visitor.Anonymous, path);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal("/Account/Login", response.Location!.AbsolutePath);
        Assert.Equal(path, System.Web.HttpUtility.ParseQueryString(response.Location.Query)["ReturnUrl"]);
        Assert.All(fixture.Secrets, secret => Assert.DoesNotContain(secret, response.Html));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_user_of_another_organisation_sees_not_found_and_none_of_the_data(string page)
    {
        var response = await fixture.GetAsync(Visitor.Stranger, Path(page));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.Has("not-found"), "The page shows no not-found state.");
        Assert.All(fixture.Secrets, secret => Assert.DoesNotContain(secret, response.Html));
        Assert.DoesNotContain("data-testid=\"question-", response.Html);
        Assert.DoesNotContain("data-testid=\"score-", response.Html);
    }

    [Fact]
    public async Task Signing_in_through_the_form_opens_the_page_asked_for()
    {
        var response = await fixture.GetAsync(Visitor.Viewer, $"/organisations/{Id(fixture.OrganisationId)}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(OrganisationName, response.TextOf("organisation-name"));
        Assert.Equal("Viewer", response.TextOf("your-role"));
    }

    private string Path(string page) =>
        page.Replace("{org}", Id(fixture.OrganisationId), StringComparison.Ordinal)
            .Replace("{open}", Id(fixture.OpenRoundId), StringComparison.Ordinal)
            .Replace("{shared}", Id(fixture.SharedClosedRoundId), StringComparison.Ordinal);
}
