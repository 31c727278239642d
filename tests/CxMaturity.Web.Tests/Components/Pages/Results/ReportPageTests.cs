using static CxMaturity.Web.Tests.Components.Pages.PagesFixture;

namespace CxMaturity.Web.Tests.Components.Pages.Results;

/// <summary><c>/rounds/{id}/report</c>: final results only, for every reader; for a Respondent once closed and shared.</summary>
[Collection(PagesCollection.Name)]
public sealed class ReportPageTests(PagesFixture fixture)
{
    [Theory]
    [InlineData(Visitor.Owner)]
    [InlineData(Visitor.CxLead)]
    [InlineData(Visitor.Contributor)]
    [InlineData(Visitor.Viewer)]
    public async Task Every_reader_gets_the_report_of_final_results_without_names_or_comments(Visitor visitor)
    {
        var page = await fixture.GetAsync(visitor, $"/rounds/{Id(fixture.OpenRoundId)}/report");

        Assert.True(page.Has("report"));
        Assert.Equal("2.0", page.TextOf($"score-{fixture.FirstDimensionId}")); // never the preview's 3.0, even for an Owner
        Assert.All(
            new[] { InviteeName, RespondentName, InviteeComment, InviteeEvidence, RespondentComment },
            secret => Assert.DoesNotContain(secret, page.Html));
    }

    [Fact]
    public async Task A_respondent_gets_the_report_of_a_closed_round_shared_with_them()
    {
        var page = await fixture.GetAsync(Visitor.Respondent, $"/rounds/{Id(fixture.SharedClosedRoundId)}/report");

        Assert.True(page.Has("report"));
        Assert.Equal("4.0", page.TextOf("report-overall"));
        Assert.DoesNotContain(OtherInviteeName, page.Html);
        Assert.DoesNotContain(OtherInviteeComment, page.Html);
    }

    [Theory]
    [InlineData(OpenRoundName)]
    [InlineData(SharedOpenRoundName)]
    [InlineData(PrivateClosedRoundName)]
    public async Task A_respondent_is_refused_the_report_of_a_round_that_is_open_or_not_shared(string round)
    {
        var page = await fixture.GetAsync(Visitor.Respondent, $"/rounds/{Id(fixture.RoundIdOf(round))}/report");

        Assert.True(page.Has("forbidden"));
        Assert.False(page.Has("report"));
        Assert.False(page.Has("report-overall"));
    }
}
