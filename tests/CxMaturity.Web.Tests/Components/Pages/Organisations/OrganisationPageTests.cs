using static CxMaturity.Web.Tests.Components.Pages.PagesFixture;

namespace CxMaturity.Web.Tests.Components.Pages.Organisations;

/// <summary><c>/organisations/{id}</c> and <c>/organisations/{id}/results</c> for each role.</summary>
[Collection(PagesCollection.Name)]
public sealed class OrganisationPageTests(PagesFixture fixture)
{
    private string Page => $"/organisations/{Id(fixture.OrganisationId)}";

    [Fact]
    public async Task The_owner_starts_rounds_and_manages_members()
    {
        var page = await fixture.GetAsync(Visitor.Owner, Page);

        Assert.Equal("Owner", page.TextOf("your-role"));
        Assert.True(page.Has("start-round"));
        Assert.True(page.Has("members"));
        Assert.True(page.Has("add-member-form"));
        Assert.Contains(fixture.Users[Visitor.Respondent].Email, page.Html);
        var respondent = fixture.Users[Visitor.Respondent].Email;
        Assert.Contains("aria-label=\"Role of ", page.TagOf($"member-role-{respondent}"));
        Assert.Matches("<option value=\"Respondent\" selected", page.Html);
        Assert.True(page.Has($"remove-member-{respondent}"));
        Assert.True(page.Has($"remove-member-{fixture.Users[Visitor.Owner].Email}"));
    }

    [Fact]
    public async Task A_CX_lead_starts_rounds_and_sees_the_members_but_does_not_add_them()
    {
        var page = await fixture.GetAsync(Visitor.CxLead, Page);

        Assert.Equal("CX lead", page.TextOf("your-role"));
        Assert.True(page.Has("start-round"));
        Assert.True(page.Has("members"));
        Assert.False(page.Has("add-member-form"));
        Assert.False(page.Has($"member-role-{fixture.Users[Visitor.Respondent].Email}"));
        Assert.False(page.Has($"remove-member-{fixture.Users[Visitor.Respondent].Email}"));
        Assert.Contains(">Respondent</td>", page.Html);
    }

    [Theory]
    [InlineData(Visitor.Owner)]
    [InlineData(Visitor.CxLead)]
    [InlineData(Visitor.Contributor)]
    [InlineData(Visitor.Viewer)]
    public async Task Every_reader_sees_every_round_and_the_latest_final_result(Visitor visitor)
    {
        var page = await fixture.GetAsync(visitor, Page);

        foreach (var round in new[] { OpenRoundName, SharedClosedRoundName, PrivateClosedRoundName, SharedOpenRoundName, HiddenRoundName })
        {
            Assert.Contains(round, page.Html);
        }

        // The newest closed round with answers: the Respondent member at 3 and an invitee at 5 on every question.
        Assert.True(page.Has("latest-result"));
        Assert.Equal("4.0", page.TextOf("latest-overall"));
    }

    [Theory]
    [InlineData(Visitor.Contributor)]
    [InlineData(Visitor.Viewer)]
    public async Task Contributors_and_viewers_manage_nothing_and_see_no_member_list(Visitor visitor)
    {
        var page = await fixture.GetAsync(visitor, Page);

        Assert.False(page.Has("start-round"));
        Assert.False(page.Has("members"));
        Assert.False(page.Has("add-member-form"));
        Assert.DoesNotContain(fixture.Users[Visitor.Owner].Email, page.Html);
    }

    [Fact]
    public async Task A_respondent_sees_only_the_rounds_they_answer_in_each_leading_to_their_questionnaire()
    {
        var page = await fixture.GetAsync(Visitor.Respondent, Page);

        Assert.Equal("Respondent", page.TextOf("your-role"));
        Assert.DoesNotContain(HiddenRoundName, page.Html);
        Assert.Contains($"href=\"rounds/{Id(fixture.OpenRoundId)}/questionnaire\"", page.TagOf($"round-link-{Id(fixture.OpenRoundId)}"));
        Assert.False(page.Has("latest-result"));
        Assert.False(page.Has("start-round"));
        Assert.False(page.Has("members"));
        Assert.DoesNotContain(fixture.Users[Visitor.Owner].Email, page.Html);
    }

    [Fact]
    public async Task A_respondent_is_not_shown_how_far_the_others_in_a_round_have_got()
    {
        var reader = await fixture.GetAsync(Visitor.Viewer, Page);
        var respondent = await fixture.GetAsync(Visitor.Respondent, Page);

        Assert.Equal("1 / 2", reader.TextOf($"round-submitted-{Id(fixture.OpenRoundId)}"));
        Assert.True(reader.Has($"round-completion-{Id(fixture.OpenRoundId)}"));
        Assert.DoesNotContain("data-testid=\"round-submitted-", respondent.Html);
        Assert.DoesNotContain("data-testid=\"round-completion-", respondent.Html);
        Assert.DoesNotContain("Completion of", respondent.Html);
    }

    [Fact]
    public async Task The_home_page_shows_a_respondent_their_questionnaires_but_not_a_rounds_completion()
    {
        var reader = await fixture.GetAsync(Visitor.Viewer, "/");
        var respondent = await fixture.GetAsync(Visitor.Respondent, "/");

        Assert.Contains($"Completion of {HiddenRoundName}", reader.Html); // the newest round
        Assert.True(respondent.Has($"my-questionnaire-{Id(fixture.OpenRoundId)}"));
        Assert.True(respondent.Has($"organisation-card-{Id(fixture.OrganisationId)}"));
        Assert.DoesNotContain("Completion of", respondent.Html);
        Assert.DoesNotContain(HiddenRoundName, respondent.Html);
    }

    [Theory]
    [InlineData(Visitor.Owner)]
    [InlineData(Visitor.CxLead)]
    [InlineData(Visitor.Contributor)]
    [InlineData(Visitor.Viewer)]
    public async Task Readers_list_the_rounds_with_results(Visitor visitor)
    {
        var page = await fixture.GetAsync(visitor, $"{Page}/results");

        Assert.True(page.Has("result-rounds"));
        Assert.True(page.Has($"result-round-{Id(fixture.PrivateClosedRoundId)}"));
        Assert.False(page.Has($"result-round-{Id(fixture.HiddenRoundId)}")); // nothing submitted there
    }

    [Fact]
    public async Task A_respondent_is_refused_the_organisations_results_list()
    {
        var page = await fixture.GetAsync(Visitor.Respondent, $"{Page}/results");

        Assert.True(page.Has("forbidden"));
        Assert.False(page.Has("result-rounds"));
        Assert.DoesNotContain(PrivateClosedRoundName, page.Html);
    }
}
