using System.Net;
using CxMaturity.Assessment.Rounds;
using CxMaturity.Web.Features.Api;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Features.Respondents;

/// <summary>
/// Respondents by the list (CSV): every problem by line and nobody added, or everyone added at once; and a
/// respondent edited or removed while the round is not closed.
/// </summary>
public sealed class RespondentListApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task A_list_with_problems_names_each_by_line_and_adds_nobody()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, email: "flo@example.com");
        using var client = await factory.CreateApiClientAsync(organisation.Owner.Id);
        var list = "name;email;group\nAda;ada@example.com;Executive\nBen;ben@example.com\nCy;cy@example.com;Sales\nDi;ADA@example.com;Frontline\nFlo;flo@example.com;Management\n";

        var problem = await (await client.SendRawAsync(HttpMethod.Post, ListUrl(organisation.Round.Id), list, "text/csv"))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["line 3", "line 4", "line 5", "line 6"], problem.Errors!.Keys.Order());
        Assert.Equal(["Give name, email and group, separated by commas or semicolons; this line has 2 columns."], problem.Errors["line 3"]);
        Assert.Equal(["ADA@example.com is already on line 2."], problem.Errors["line 5"]);
        Assert.Equal(["flo@example.com is already a respondent in this round."], problem.Errors["line 6"]);
        Assert.Equal(1, await CountAsync(organisation.Round.Id));
    }

    [Fact]
    public async Task A_clean_list_is_checked_without_adding_then_added_at_once_linking_members_by_email()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var member = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Contributor);
        using var client = await factory.CreateApiClientAsync(organisation.Owner.Id);
        var list = $"Ada Lovelace,ada@example.com,executive\n\n\"Okri, Ben\",{member.Email.ToUpperInvariant()},Frontline\n";

        var check = await (await client.SendRawAsync(HttpMethod.Post, ListUrl(organisation.Round.Id) + "?check=true", list, "text/csv"))
            .ReadAsync<RespondentListView>();
        Assert.Equal([(1, "Ada Lovelace", "Executive"), (3, "Okri, Ben", "Frontline")], check.People.Select(p => (p.Line, p.Name, p.Group)));
        Assert.Empty(check.Problems);
        Assert.Equal(0, await CountAsync(organisation.Round.Id));

        var added = await (await client.SendRawAsync(HttpMethod.Post, ListUrl(organisation.Round.Id), list, "text/csv"))
            .ReadAsync<List<RespondentView>>();

        Assert.Equal([("Ada Lovelace", false), ("Okri, Ben", true)], added.Select(r => (r.Name, r.IsMember)));
        Assert.Equal(2, await CountAsync(organisation.Round.Id));
        Assert.Equal(member.Id, await factory.WithDbAsync(db => db.Respondents.Where(r => r.Id == added[1].Id).Select(r => r.UserId).SingleAsync()));
    }

    [Fact]
    public async Task A_member_who_already_answers_the_round_under_an_older_address_is_refused_by_line()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var member = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Contributor);
        var added = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, email: member.Email);
        // The member has since changed their account's address; the round still lists the old one.
        await factory.WithDbAsync(db => db.Respondents.Where(r => r.Id == added.Respondent.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Email, "old-address@example.com")));

        var refused = await Assert.ThrowsAsync<ValidationException>(() => factory.Respondents.AddListAsync(
            organisation.Owner.Id, organisation.Round.Id, System.Text.Encoding.UTF8.GetBytes($"Someone,someone@example.com,Executive\nThem,{member.Email},Executive\n")));

        Assert.Equal([$"{member.Email} is a member who already answers this round."], refused.Errors["line 2"]);
        Assert.Single(refused.Errors);
        Assert.Equal(1, await CountAsync(organisation.Round.Id));
    }

    [Fact]
    public async Task Lists_are_for_managers_of_the_round_s_organisation_and_not_for_closed_rounds()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var viewer = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Viewer);
        var stranger = await factory.CreateUserAsync();
        const string list = "Ada,ada@example.com,Executive";

        using (var client = await factory.CreateApiClientAsync(viewer.Id))
        {
            await (await client.SendRawAsync(HttpMethod.Post, ListUrl(organisation.Round.Id), list, "text/csv")).ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var client = await factory.CreateApiClientAsync(stranger.Id))
        {
            await (await client.SendRawAsync(HttpMethod.Post, ListUrl(organisation.Round.Id) + "?check=true", list, "text/csv")).ReadProblemAsync(HttpStatusCode.NotFound);
        }

        await factory.Rounds.CloseRoundAsync(organisation.Owner.Id, organisation.Round.Id);
        using (var client = await factory.CreateApiClientAsync(organisation.Owner.Id))
        {
            var closed = await (await client.SendRawAsync(HttpMethod.Post, ListUrl(organisation.Round.Id), list, "text/csv")).ReadProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("The round is closed: reopen it to add or change respondents.", closed.Detail);
        }

        Assert.Equal(0, await CountAsync(organisation.Round.Id));
    }

    [Fact]
    public async Task A_respondent_is_edited_and_moved_to_another_group()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var added = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, name: "Ada", email: "ada@example.com");
        await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, email: "ben@example.com");
        using var client = await factory.CreateApiClientAsync(organisation.Owner.Id);
        var url = $"/api/v1/assessments/{organisation.Round.Id}/respondents/{added.Respondent.Id}";

        var taken = await (await client.PutJsonAsync(url, new UpdateRespondentRequest("Ada", "BEN@example.com", "nowhere"))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["email", "group"], taken.Errors!.Keys.Order());

        var edited = await (await client.PutJsonAsync(url, new UpdateRespondentRequest(" Ada Lovelace ", "ada.lovelace@example.com", "frontline"))).ReadAsync<RespondentView>();

        Assert.Equal(("Ada Lovelace", "ada.lovelace@example.com", "Frontline"), (edited.Name, edited.Email, edited.Group));
    }

    [Fact]
    public async Task Removing_takes_the_answers_with_the_respondent_but_someone_who_handed_in_stays()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var owner = organisation.Owner;
        var roundId = organisation.Round.Id;
        var member = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Contributor);
        var inProgress = await factory.AddRespondentAsync(owner.Id, roundId, email: member.Email);
        await factory.AnswerAllAsync(member.Id, roundId, inProgress.Respondent.Id, _ => 2, submit: false);
        var submitted = await factory.AddRespondentAsync(owner.Id, roundId, email: owner.Email);
        await factory.AnswerAllAsync(owner.Id, roundId, submitted.Respondent.Id, _ => 3);
        using var client = await factory.CreateApiClientAsync(owner.Id);

        var refused = await (await client.DeleteAsync($"/api/v1/assessments/{roundId}/respondents/{submitted.Respondent.Id}")).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith("has handed in; their answers count in the results and stay.", refused.Detail);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/assessments/{roundId}/respondents/{inProgress.Respondent.Id}")).StatusCode);
        Assert.Equal(
            (1, 0),
            (await CountAsync(roundId), await factory.WithDbAsync(db => db.Answers.CountAsync(a => a.RespondentId == inProgress.Respondent.Id))));
    }

    [Fact]
    public async Task Only_managers_of_the_round_s_organisation_edit_or_remove_a_respondent()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var added = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, name: "Ada", email: "ada@example.com");
        var viewer = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Viewer);
        var stranger = await factory.CreateUserAsync();
        var url = $"/api/v1/assessments/{organisation.Round.Id}/respondents/{added.Respondent.Id}";

        foreach (var (user, status) in new[] { (viewer, HttpStatusCode.Forbidden), (stranger, HttpStatusCode.NotFound) })
        {
            using var client = await factory.CreateApiClientAsync(user.Id);
            await (await client.PutJsonAsync(url, new UpdateRespondentRequest("Mallory", "mallory@example.com", "Executive"))).ReadProblemAsync(status);
            await (await client.DeleteAsync(url)).ReadProblemAsync(status);
        }

        Assert.Equal("Ada", (await factory.Rounds.GetRoundAsync(organisation.Owner.Id, organisation.Round.Id)).Respondents!.Single().Name);
    }

    private static string ListUrl(int roundId) => $"/api/v1/assessments/{roundId}/respondents/list";

    private Task<int> CountAsync(int roundId) => factory.WithDbAsync(db => db.Respondents.CountAsync(r => r.RoundId == roundId));
}
