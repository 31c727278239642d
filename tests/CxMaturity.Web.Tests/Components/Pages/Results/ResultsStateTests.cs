using System.Net;
using CxMaturity.Web.Data;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Components.Pages.Results;

/// <summary>What the results page calls its figures: final, a preview, or nothing yet.</summary>
public sealed class ResultsStateTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task An_open_round_nobody_has_submitted_says_nothing_is_final_and_offers_the_preview_instead()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var roundId = organisation.Round.Id;
        var respondent = await factory.AddRespondentAsync(organisation.Owner.Id, roundId);
        await factory.AnswerAllAsync(organisation.Owner.Id, roundId, respondent.Respondent.Id, _ => 3, submit: false);
        using var owner = await PageClient.SignInAsync(factory, organisation.Owner);

        var page = await owner.GetAsync($"/rounds/{roundId}/results");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("data-kind=\"none\"", page.TagOf("results-kind"), StringComparison.Ordinal);
        Assert.StartsWith("Nothing is final yet", page.TextOf("results-message"), StringComparison.Ordinal);
        Assert.DoesNotContain("Final results", page.Html, StringComparison.Ordinal);
        Assert.True(page.Has("show-preview"));
        Assert.False(page.Has("report-link"));
        Assert.False(page.Has("roadmap-link"));
        Assert.False(page.Has("workbook-link"));
    }

    [Fact]
    public async Task A_viewer_of_such_a_round_is_told_the_same_without_a_preview_they_may_not_open()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var viewer = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Viewer);
        using var client = await PageClient.SignInAsync(factory, viewer);

        var page = await client.GetAsync($"/rounds/{organisation.Round.Id}/results");

        Assert.StartsWith("Nothing is final yet", page.TextOf("results-message"), StringComparison.Ordinal);
        Assert.False(page.Has("show-preview"));
        Assert.False(page.Has("report-link"));
    }
}
