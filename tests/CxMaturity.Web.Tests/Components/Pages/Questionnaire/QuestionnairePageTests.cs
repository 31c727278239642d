using static CxMaturity.Web.Tests.Components.Pages.PagesFixture;

namespace CxMaturity.Web.Tests.Components.Pages.Questionnaire;

/// <summary>
/// <c>/rounds/{id}/questionnaire</c> and <c>/invitations/{token}</c>: a respondent sees their own questionnaire and
/// nobody else's; a member who is not a respondent gets a clear state.
/// </summary>
[Collection(PagesCollection.Name)]
public sealed class QuestionnairePageTests(PagesFixture fixture)
{
    private const string NoQuestionnaire = "You have no questionnaire in this round.";

    [Fact]
    public async Task A_respondent_sees_their_own_answers_and_nobody_elses()
    {
        var page = await fixture.GetAsync(Visitor.Respondent, $"/rounds/{Id(fixture.OpenRoundId)}/questionnaire");

        Assert.True(page.Has("questionnaire"));
        Assert.Contains($"answering as {RespondentName}", page.Html);
        Assert.Contains(" checked", page.TagOf($"option-{fixture.FirstQuestionId}-4"));
        Assert.DoesNotContain(" checked", page.TagOf($"option-{fixture.FirstQuestionId}-2"));
        Assert.Contains(RespondentComment, page.Html);
        Assert.DoesNotContain(InviteeName, page.Html);
        Assert.DoesNotContain(InviteeComment, page.Html);
        Assert.False(page.Has("read-only"));
    }

    [Theory]
    [InlineData(Visitor.Owner)]
    [InlineData(Visitor.CxLead)]
    [InlineData(Visitor.Contributor)]
    [InlineData(Visitor.Viewer)]
    public async Task A_member_who_is_not_a_respondent_is_told_they_have_no_questionnaire(Visitor visitor)
    {
        var page = await fixture.GetAsync(visitor, $"/rounds/{Id(fixture.OpenRoundId)}/questionnaire");

        Assert.True(page.Has("not-found"));
        Assert.Contains(NoQuestionnaire, page.Html);
        Assert.False(page.Has("questionnaire"));
        Assert.False(page.Has($"question-{fixture.FirstQuestionId}"));
        Assert.DoesNotContain(RespondentComment, page.Html);
        Assert.DoesNotContain(InviteeComment, page.Html);
    }

    [Fact]
    public async Task A_respondent_opening_a_round_they_take_no_part_in_is_told_so_without_its_name()
    {
        var page = await fixture.GetAsync(Visitor.Respondent, $"/rounds/{Id(fixture.HiddenRoundId)}/questionnaire");

        Assert.True(page.Has("not-found"));
        Assert.Contains(NoQuestionnaire, page.Html);
        Assert.DoesNotContain(HiddenRoundName, page.Html);
    }

    [Fact]
    public async Task A_submitted_questionnaire_of_a_closed_round_is_shown_read_only()
    {
        var page = await fixture.GetAsync(
            Visitor.Respondent, $"/rounds/{Id(fixture.SharedClosedRoundId)}/questionnaire?step={fixture.FirstDimensionId}");

        Assert.True(page.Has("read-only"));
        Assert.Contains("You have submitted your answers. They are shown here but can no longer be changed.", page.Html);
        Assert.Contains(" checked", page.TagOf($"option-{fixture.FirstQuestionId}-3"));
        Assert.Contains(" disabled", page.TagOf($"comment-{fixture.FirstQuestionId}"));
        Assert.DoesNotContain(OtherInviteeComment, page.Html);
    }

    [Fact]
    public async Task A_questionnaire_left_in_progress_when_the_round_closed_is_read_only_with_a_message()
    {
        var page = await fixture.GetAsync(Visitor.Respondent, $"/rounds/{Id(fixture.ClosedMidwayRoundId)}/questionnaire");

        Assert.True(page.Has("read-only"));
        Assert.Contains("This round is closed: answers can no longer be changed.", page.Html);
        Assert.Contains(" checked", page.TagOf($"option-{fixture.FirstQuestionId}-2"));
        Assert.Contains(" disabled", page.TagOf($"comment-{fixture.FirstQuestionId}"));
        Assert.Matches("<fieldset[^>]*disabled", page.Html);
    }

    [Fact]
    public async Task An_invitation_link_opens_that_invitees_questionnaire_only()
    {
        var page = await fixture.GetAsync(Visitor.Anonymous, fixture.InviteePath + $"?step={fixture.FirstDimensionId}");

        Assert.Contains($"answering as {InviteeName}", page.Html);
        Assert.Contains(InviteeComment, page.Html);
        Assert.True(page.Has("read-only")); // submitted
        Assert.DoesNotContain(RespondentName, page.Html);
        Assert.DoesNotContain(RespondentComment, page.Html);
    }

    [Fact]
    public async Task A_made_up_invitation_link_opens_nothing()
    {
        var page = await fixture.GetAsync(Visitor.Anonymous, "/invitations/not-a-real-secret");

        Assert.True(page.Has("invitation-problem"));
        Assert.False(page.Has("questionnaire"));
        Assert.All(fixture.Secrets, secret => Assert.DoesNotContain(secret, page.Html));
    }
}
