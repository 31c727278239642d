using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Services;

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

    [Fact]
    public async Task Reissuing_an_invitation_replaces_the_old_link()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var created = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);

        var reissued = await factory.Respondents.ReissueInvitationAsync(organisation.Owner.Id, organisation.Round.Id, created.Respondent.Id);

        await Assert.ThrowsAsync<NotFoundException>(() => factory.Questionnaires.GetAsync(RespondentRef.Invitation(SecretOf(created))));
        Assert.Equal(created.Respondent.Id, (await factory.Questionnaires.GetAsync(RespondentRef.Invitation(SecretOf(reissued)))).RespondentId);
    }

    [Fact]
    public async Task A_respondent_needs_a_group_of_the_organisation_and_an_email_not_yet_in_the_round()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, email: "taken@test.local");

        var problem = await Assert.ThrowsAsync<ValidationException>(() => factory.Respondents.AddRespondentAsync(
            organisation.Owner.Id, organisation.Round.Id, new AddRespondentRequest("", "TAKEN@test.local", "Board")));

        Assert.Equal(["email", "group", "name"], problem.Errors.Keys.Order(StringComparer.Ordinal));
    }

    private static string SecretOf(RespondentCreatedView created)
    {
        Assert.StartsWith("/invitations/", created.InvitationPath);
        return created.InvitationPath["/invitations/".Length..];
    }
}
