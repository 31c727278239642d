using System.Net;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Features.Respondents;

/// <summary>Respondents picked from the organisation's members: offered only while they do not answer, added all or none.</summary>
public sealed class MemberRespondentTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task Members_not_yet_answering_are_offered_and_added_in_one_group_linked_to_their_accounts()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var zoe = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Contributor);
        var amir = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Viewer);
        var already = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Contributor);
        await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id, email: already.Email);
        var stranger = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(organisation.Owner.Id);
        var url = $"/api/v1/assessments/{organisation.Round.Id}/respondents/members";

        var offered = await (await client.GetAsync(url)).ReadAsync<List<MemberToAddView>>();
        Assert.Equal(
            new[] { organisation.Owner.Id, zoe.Id, amir.Id }.Order(),
            offered.Select(m => m.UserId).Order());

        var added = await (await client.PostJsonAsync(url, new AddMembersRequest([zoe.Id, amir.Id, zoe.Id], "frontline")))
            .ReadAsync<List<RespondentView>>();

        Assert.All(added, r => Assert.True(r.IsMember));
        Assert.All(added, r => Assert.Equal("Frontline", r.Group));
        var linked = await factory.WithDbAsync(db => db.Respondents
            .Where(r => r.RoundId == organisation.Round.Id && r.UserId != null)
            .Select(r => new { r.UserId, r.Email })
            .ToListAsync());
        Assert.Equal(new[] { zoe.Id, amir.Id, already.Id }.Order(), linked.Select(r => r.UserId).Order());
        Assert.Contains(linked, r => r.UserId == zoe.Id && r.Email == zoe.Email);
        Assert.Equal([organisation.Owner.Id], (await (await client.GetAsync(url)).ReadAsync<List<MemberToAddView>>()).Select(m => m.UserId));

        // A stranger's account, someone already answering, and an unknown group: nothing added, each named.
        var problem = await (await client.PostJsonAsync(url, new AddMembersRequest([organisation.Owner.Id, stranger.Id, zoe.Id], "Board")))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["group", "members"], problem.Errors!.Keys.Order());
        Assert.Contains("One of the people chosen is not a member of this organisation (any more).", problem.Errors["members"]);
        Assert.Contains(problem.Errors["members"], m => m.EndsWith("already answers this round.", StringComparison.Ordinal));
        Assert.Equal(3, await factory.WithDbAsync(db => db.Respondents.CountAsync(r => r.RoundId == organisation.Round.Id)));
    }

    [Fact]
    public async Task Only_managers_list_or_add_members_and_not_once_the_round_is_closed()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var contributor = await factory.CreateMemberAsync(organisation.OrganisationId, OrganisationRole.Contributor);
        var stranger = await factory.CreateUserAsync();
        var url = $"/api/v1/assessments/{organisation.Round.Id}/respondents/members";

        foreach (var (user, status) in new[] { (contributor, HttpStatusCode.Forbidden), (stranger, HttpStatusCode.NotFound) })
        {
            using var client = await factory.CreateApiClientAsync(user.Id);
            await (await client.GetAsync(url)).ReadProblemAsync(status);
            await (await client.PostJsonAsync(url, new AddMembersRequest([contributor.Id], "Executive"))).ReadProblemAsync(status);
        }

        await factory.Rounds.CloseRoundAsync(organisation.Owner.Id, organisation.Round.Id);
        using var owner = await factory.CreateApiClientAsync(organisation.Owner.Id);
        await (await owner.PostJsonAsync(url, new AddMembersRequest([contributor.Id], "Executive"))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Respondents.CountAsync(r => r.RoundId == organisation.Round.Id)));
    }
}
