using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CxMaturity.Web.Tests.Infrastructure.Invitations;

namespace CxMaturity.Web.Tests.Features.Questionnaires;

public sealed class InvitationTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task An_invitation_link_opens_the_respondents_questionnaire_and_lets_the_invitee_answer()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var created = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, "Frontline", "Ivy Invitee");
        var secret = SecretOf(created);
        var question = factory.Model.Dimensions[0].Questions[0].Id;

        var invitation = await factory.Questionnaires.GetAsync(RespondentRef.Invitation(secret));
        var saved = await factory.Questionnaires.SaveAsync(RespondentRef.Invitation(secret), new SaveAnswersRequest([new AnswerInput(question, 4)]));
        var questionnaire = await factory.Questionnaires.GetAsync(RespondentRef.Invitation(secret));

        Assert.Equal((created.Respondent.Id, "Ivy Invitee", "Frontline", organisation.Round.Id),
            (invitation.RespondentId, invitation.RespondentName, invitation.Group, invitation.RoundId));
        Assert.Equal(RespondentStatus.InProgress, saved.Status);
        Assert.Equal(4, questionnaire.Answers[question].Level);
        Assert.True(questionnaire.CanEdit);
    }

    [Fact]
    public async Task Only_a_hash_of_the_invitation_secret_is_stored()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var created = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);
        var secret = SecretOf(created);

        var stored = await factory.WithDbAsync(db => db.Respondents
            .Where(r => r.Id == created.Respondent.Id).Select(r => r.InvitationTokenHash).SingleAsync());

        Assert.Equal(43, secret.Length); // 32 random bytes, base64url
        Assert.Equal(Secrets.Hash(secret), stored);
        Assert.DoesNotContain(secret, stored!);
    }

    [Fact]
    public async Task An_invitation_expires_when_the_round_closes_and_an_unknown_one_is_not_found()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var created = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);
        var secret = SecretOf(created);
        await factory.Questionnaires.GetAsync(RespondentRef.Invitation(secret));

        await factory.Rounds.CloseRoundAsync(organisation.Owner.Id, organisation.Round.Id);

        var expired = await Assert.ThrowsAsync<ConflictException>(() => factory.Questionnaires.GetAsync(RespondentRef.Invitation(secret)));
        Assert.Contains("expired", expired.Message);
        await Assert.ThrowsAsync<ConflictException>(() => factory.Questionnaires.SaveAsync(RespondentRef.Invitation(secret), new SaveAnswersRequest([new AnswerInput(factory.Model.Dimensions[0].Questions[0].Id, 2)])));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Questionnaires.GetAsync(RespondentRef.Invitation(Secrets.Create())));
    }
}
