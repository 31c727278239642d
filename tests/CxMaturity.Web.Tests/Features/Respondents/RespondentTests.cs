using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Tests.Infrastructure;
using static CxMaturity.Web.Tests.Infrastructure.Invitations;

namespace CxMaturity.Web.Tests.Features.Respondents;

/// <summary>Adding respondents to a round and reissuing their invitations.</summary>
public sealed class RespondentTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
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
}
