using System.Net;
using static CxMaturity.Web.Tests.Components.Pages.PagesFixture;

namespace CxMaturity.Web.Tests.Components.Pages.Rounds;

/// <summary><c>/rounds/{id}</c> for each role: Owner and CX lead manage it, Contributor and Viewer read it.</summary>
[Collection(PagesCollection.Name)]
public sealed class RoundPageTests(PagesFixture fixture)
{
    private static readonly string[] ManageControls =
        ["add-respondent-form", "add-respondent", "close-round", "reopen-round", "preview-link", "questionnaire-workbooks-link", "respondents"];

    [Theory]
    [InlineData(Visitor.Owner)]
    [InlineData(Visitor.CxLead)]
    public async Task Owners_and_CX_leads_add_respondents_close_the_round_and_see_who_answers(Visitor visitor)
    {
        var page = await fixture.GetAsync(visitor, $"/rounds/{Id(fixture.OpenRoundId)}");

        Assert.True(page.Has("add-respondent-form"));
        Assert.True(page.Has("add-respondent"));
        Assert.True(page.Has("close-round"));
        Assert.True(page.Has("preview-link"));
        Assert.True(page.Has("respondents"));
        Assert.Contains(InviteeName, page.Html);
        Assert.Contains(RespondentName, page.Html);
    }

    [Theory]
    [InlineData(Visitor.Owner)]
    [InlineData(Visitor.CxLead)]
    public async Task Owners_and_CX_leads_reopen_a_closed_round(Visitor visitor)
    {
        var page = await fixture.GetAsync(visitor, $"/rounds/{Id(fixture.PrivateClosedRoundId)}");

        Assert.True(page.Has("reopen-round"));
        Assert.False(page.Has("close-round"));
        Assert.False(page.Has("add-respondent-form")); // a closed round takes no new respondents
    }

    [Theory]
    [InlineData(Visitor.Contributor)]
    [InlineData(Visitor.Viewer)]
    public async Task Contributors_and_viewers_read_the_round_without_controls_or_names(Visitor visitor)
    {
        foreach (var roundId in new[] { fixture.OpenRoundId, fixture.PrivateClosedRoundId })
        {
            var page = await fixture.GetAsync(visitor, $"/rounds/{Id(roundId)}");

            Assert.True(page.Has("round-name"));
            Assert.True(page.Has("results-link"));
            Assert.Equal(2, int.Parse(page.TextOf("count-total"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.All(ManageControls, control => Assert.False(page.Has(control), $"A {visitor} sees '{control}'."));
            Assert.DoesNotContain(InviteeName, page.Html);
            Assert.DoesNotContain(OtherInviteeName, page.Html);
            Assert.DoesNotContain(RespondentName, page.Html);
        }
    }

    [Fact]
    public async Task A_respondent_is_sent_from_the_round_page_to_their_own_questionnaire()
    {
        var page = await fixture.GetAsync(Visitor.Respondent, $"/rounds/{Id(fixture.OpenRoundId)}");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.EndsWith($"/rounds/{Id(fixture.OpenRoundId)}/questionnaire", page.Location!.OriginalString);
        Assert.DoesNotContain(InviteeName, page.Html);
    }

    [Fact]
    public async Task A_respondent_opening_a_round_they_take_no_part_in_is_refused_without_its_name()
    {
        var page = await fixture.GetAsync(Visitor.Respondent, $"/rounds/{Id(fixture.HiddenRoundId)}");

        Assert.True(page.Has("forbidden"));
        Assert.DoesNotContain(HiddenRoundName, page.Html);
        Assert.False(page.Has("round-name"));
    }
}
