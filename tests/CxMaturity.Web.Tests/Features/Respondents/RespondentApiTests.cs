using System.Net;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Respondents;

/// <summary>POST /api/v1/assessments/{id}/respondents: a respondent and their invitation link, or the fields at fault.</summary>
public sealed class RespondentApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task Adding_a_respondent_returns_201_with_a_working_invitation_link_shown_once()
    {
        var arranged = await factory.CreateOrganisationWithRoundAsync();
        using var client = await factory.CreateApiClientAsync(arranged.Owner.Id);

        // The link comes from App:PublicUrl (http://localhost:5294/ in Development), never from the Host header.
        client.DefaultRequestHeaders.Host = "evil.example";
        var response = await client.PostJsonAsync(
            $"/api/v1/assessments/{arranged.Round.Id}/respondents",
            new AddRespondentDto("Grace Hopper", "grace@test.local", "frontline"));

        var created = await response.ReadAsync<RespondentCreatedDto>(HttpStatusCode.Created);
        Assert.Equal(("Grace Hopper", "grace@test.local", "Frontline"), (created.Respondent.Name, created.Respondent.Email, created.Respondent.Group));
        Assert.Equal(RespondentStatus.Invited, created.Respondent.Status);
        Assert.Equal(ApiTestExtensions.AnswersUrl(arranged.Round.Id, created.Respondent.Id), response.Headers.Location?.OriginalString);
        Assert.StartsWith("http://localhost:5294/invitations/", created.InvitationLink, StringComparison.Ordinal);
        var secret = created.InvitationLink["http://localhost:5294/invitations/".Length..];
        Assert.Equal(created.Respondent.Id, (await factory.Questionnaires.GetAsync(RespondentRef.Invitation(secret))).RespondentId);

        var round = await (await client.GetAsync($"/api/v1/assessments/{arranged.Round.Id}")).ReadAsync<RoundView>();
        var listed = Assert.Single(round.Respondents!);
        Assert.Equal(created.Respondent.Id, listed.Id);
        Assert.DoesNotContain(secret, await (await client.GetAsync($"/api/v1/assessments/{arranged.Round.Id}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_respondent_in_a_group_the_organisation_lacks_and_with_a_bad_email_is_refused_by_field()
    {
        var arranged = await factory.CreateOrganisationWithRoundAsync();
        using var client = await factory.CreateApiClientAsync(arranged.Owner.Id);

        var problem = await (await client.PostJsonAsync(
                $"/api/v1/assessments/{arranged.Round.Id}/respondents",
                new AddRespondentDto("Grace", "not an email", "Board")))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["email", "group"], problem.Errors!.Keys.Order());
        Assert.Equal(0, (await factory.Rounds.GetRoundAsync(arranged.Owner.Id, arranged.Round.Id)).RespondentCounts.Total);
    }
}
