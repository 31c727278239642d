using static CxMaturity.Web.Tests.Components.Pages.PagesFixture;

namespace CxMaturity.Web.Tests.Components.Pages.Results;

/// <summary>
/// <c>/rounds/{id}/results</c> for each role: final results for every reader; the preview, and the answers and
/// comments behind a dimension, for Owner and CX lead; a Respondent only once the round is closed and shared.
/// </summary>
[Collection(PagesCollection.Name)]
public sealed class ResultsPageTests(PagesFixture fixture)
{
    private string OpenResults => $"/rounds/{Id(fixture.OpenRoundId)}/results";

    private string FirstScore => $"score-{fixture.FirstDimensionId}";

    [Theory]
    [InlineData(Visitor.Owner)]
    [InlineData(Visitor.CxLead)]
    [InlineData(Visitor.Contributor)]
    [InlineData(Visitor.Viewer)]
    public async Task Every_reader_gets_final_results_counting_submitted_answers_only(Visitor visitor)
    {
        var page = await fixture.GetAsync(visitor, OpenResults);

        Assert.Equal("final", KindOf(page));
        Assert.Equal("1", page.TextOf("respondents-counted")); // the invitee; the member is still answering
        Assert.Equal("2.0", page.TextOf(FirstScore));
    }

    [Theory]
    [InlineData(Visitor.Owner)]
    [InlineData(Visitor.CxLead)]
    public async Task Owners_and_CX_leads_may_drill_down_and_preview_answers_in_progress(Visitor visitor)
    {
        var final = await fixture.GetAsync(visitor, OpenResults);
        var preview = await fixture.GetAsync(visitor, OpenResults + "?preview=true");

        Assert.All(fixture.Factory.Model.Dimensions, d => Assert.True(final.Has($"drilldown-{d.Id}"), $"No drill-down on {d.Id}."));
        Assert.True(final.Has("show-preview"));
        Assert.Equal("preview", KindOf(preview));
        Assert.Equal("3.0", preview.TextOf(FirstScore)); // the member's 4 in progress with the invitee's 2
        Assert.True(preview.Has("show-final"));
    }

    [Theory]
    [InlineData(Visitor.Contributor)]
    [InlineData(Visitor.Viewer)]
    public async Task Contributors_and_viewers_get_no_drill_down_and_no_names_or_comments(Visitor visitor)
    {
        var page = await fixture.GetAsync(visitor, OpenResults);

        Assert.DoesNotContain("data-testid=\"drilldown-", page.Html);
        Assert.False(page.Has("show-preview"));
        Assert.False(page.Has("targets-editor"));
        Assert.All(
            new[] { InviteeName, RespondentName, InviteeComment, InviteeEvidence, RespondentComment },
            secret => Assert.DoesNotContain(secret, page.Html));
    }

    [Theory]
    [InlineData(Visitor.Contributor)]
    [InlineData(Visitor.Viewer)]
    [InlineData(Visitor.Respondent)]
    public async Task Asking_for_the_preview_without_the_right_is_refused_and_shows_no_figures(Visitor visitor)
    {
        var page = await fixture.GetAsync(visitor, OpenResults + "?preview=true");

        Assert.True(page.Has("forbidden"));
        Assert.False(page.Has("results-kind"));
        Assert.DoesNotContain("data-testid=\"score-", page.Html);
        Assert.False(page.Has("overall-score"));
    }

    [Fact]
    public async Task A_respondent_sees_a_closed_rounds_results_when_they_are_shared_without_names_or_comments()
    {
        var page = await fixture.GetAsync(Visitor.Respondent, $"/rounds/{Id(fixture.SharedClosedRoundId)}/results");

        Assert.Equal("final", KindOf(page));
        Assert.Equal("4.0", page.TextOf(FirstScore)); // their own 3 and the invitee's 5
        Assert.DoesNotContain("data-testid=\"drilldown-", page.Html);
        Assert.All(
            new[] { "show-preview", "roadmap-link", "workbook-link", "targets-editor" },
            control => Assert.False(page.Has(control), $"A respondent sees '{control}'."));
        Assert.DoesNotContain(OtherInviteeName, page.Html);
        Assert.DoesNotContain(OtherInviteeComment, page.Html);
    }

    [Theory]
    [InlineData(OpenRoundName)]
    [InlineData(SharedOpenRoundName)]
    [InlineData(PrivateClosedRoundName)]
    public async Task A_respondent_is_refused_results_of_a_round_that_is_open_or_not_shared(string round)
    {
        var page = await fixture.GetAsync(Visitor.Respondent, $"/rounds/{Id(fixture.RoundIdOf(round))}/results");

        Assert.True(page.Has("forbidden"));
        Assert.Contains("only once it is closed, and only when the CX lead shares them", page.Html);
        Assert.DoesNotContain("data-testid=\"score-", page.Html);
    }

    private static string KindOf(PageResponse page) =>
        System.Text.RegularExpressions.Regex.Match(page.TagOf("results-kind"), "data-kind=\"([a-z]+)\"").Groups[1].Value;
}
