using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CxMaturity.Web.Features.CustomerGaps;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Features.CustomerGaps;

/// <summary>The customer-gap register over HTTP: the Pareto by root cause, CSV import all or nothing, If-Match, categories, roles and isolation.</summary>
public sealed class CustomerGapApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task Problems_are_grouped_by_root_cause_into_a_pareto_with_the_vital_few()
    {
        var (client, url, _) = await RegisterAsync();
        foreach (var (title, cause, score) in new[] { ("Refund slow", "Process", 5.0), ("Parcel late", "Technology", 6), ("App crash", "People", 2), ("Invoice wrong", "process", 3), ("Wrong item", "Technology", 2), ("Double charge", "Process", 2) })
        {
            await (await client.PostJsonAsync(url, new CustomerGapRequest(title, cause, "Complaints", score))).ReadAsync<CustomerGapView>(HttpStatusCode.Created);
        }

        var pareto = await (await client.GetAsync($"{url}/pareto")).ReadAsync<List<RootCauseShare>>();

        // Process 5 + 3 + 2 = 10, Technology 6 + 2 = 8, People 2: cumulative 50 %, 90 %, 100 %.
        Assert.Equal(
            [("Process", 10.0, 3, 0.5, true), ("Technology", 8.0, 2, 0.9, true), ("People", 2.0, 1, 1.0, false)],
            pareto.Select(p => (p.RootCause, p.Score, p.Problems, Math.Round(p.CumulativeShare, 9), p.VitalFew)));
    }

    [Fact]
    public async Task A_csv_list_with_faults_names_each_by_line_and_adds_nothing_a_clean_one_adds_all()
    {
        var (client, url, organisationId) = await RegisterAsync();

        var problem = await (await client.SendRawAsync(HttpMethod.Post, $"{url}/list", "title;source;cause;score\nRefund slow;Email;Process;4\n;Survey;People\nSite down;Web;Weather\nLate;Email;Process;0\n", "text/csv"))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["line 3", "line 4", "line 5"], problem.Errors!.Keys.Order());
        Assert.Equal(0, await CountAsync(organisationId));

        var added = await (await client.SendRawAsync(HttpMethod.Post, $"{url}/list", "Refund slow;Email;Process;4\nRude agent;Survey;people\n", "text/csv")).ReadAsync<int>();
        Assert.Equal(2, added);
        Assert.Equal(2, await CountAsync(organisationId));
    }

    [Fact]
    public async Task An_edit_needs_if_match_and_a_category_in_use_cannot_be_removed()
    {
        var (client, url, organisationId) = await RegisterAsync();
        var gap = await (await client.PostJsonAsync(url, new CustomerGapRequest("Refund slow", "Process"))).ReadAsync<CustomerGapView>(HttpStatusCode.Created);
        Assert.Equal(1, gap.Score);

        await (await client.PutJsonAsync($"{url}/{gap.Id}", new CustomerGapRequest("Refund slow", "Policy", Score: 3))).ReadProblemAsync(HttpStatusCode.PreconditionRequired);
        var edited = await (await client.PutJsonAsync($"{url}/{gap.Id}", new CustomerGapRequest("Refund slow", "Policy", Score: 3), gap.Version)).ReadAsync<CustomerGapView>();
        await (await client.PutJsonAsync($"{url}/{gap.Id}", new CustomerGapRequest("Refund slower", "Policy"), gap.Version)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("Policy", 3.0), (edited.RootCause, edited.Score));

        var register = await (await client.GetAsync(url)).ReadAsync<CustomerGapRegisterView>();
        var ownerId = await OwnerOfAsync(organisationId);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => factory.GetService<CustomerGapService>()
            .SetRootCausesAsync(ownerId, organisationId, ["Process", "process", "People"], register.Version));
        Assert.Equal(["“process” is listed twice.", "“Policy” is the root cause of 1 problem: move or remove them first."], refused.Errors["rootCauses"]);
    }

    [Fact]
    public async Task Readers_read_managers_write_and_another_organisation_sees_nothing()
    {
        var (owner, url, organisationId) = await RegisterAsync();
        var gap = await (await owner.PostJsonAsync(url, new CustomerGapRequest("Refund slow", "Process"))).ReadAsync<CustomerGapView>(HttpStatusCode.Created);
        var viewer = await factory.CreateMemberAsync(organisationId, OrganisationRole.Viewer);
        var stranger = await factory.CreateUserAsync();
        var elsewhere = await factory.CreateOrganisationAsync(stranger.Id);
        using var viewerClient = await factory.CreateApiClientAsync(viewer.Id);
        using var strangerClient = await factory.CreateApiClientAsync(stranger.Id);

        Assert.Single((await (await viewerClient.GetAsync(url)).ReadAsync<CustomerGapRegisterView>()).Gaps);
        await (await viewerClient.PostJsonAsync(url, new CustomerGapRequest("Mine", "Process"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await viewerClient.DeleteAsync($"{url}/{gap.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await strangerClient.GetAsync($"{url}/pareto")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await strangerClient.DeleteAsync($"/api/v1/organisations/{elsewhere}/customer-gaps/{gap.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, await CountAsync(organisationId));
    }

    private async Task<(HttpClient Client, string Url, int OrganisationId)> RegisterAsync()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        return (await factory.CreateApiClientAsync(owner.Id), $"/api/v1/organisations/{organisationId}/customer-gaps", organisationId);
    }

    private Task<string> OwnerOfAsync(int organisationId) =>
        factory.WithDbAsync(db => db.Memberships.Where(m => m.OrganisationId == organisationId && m.Role == OrganisationRole.Owner).Select(m => m.UserId).FirstAsync());

    private Task<int> CountAsync(int organisationId) => factory.WithDbAsync(db => db.CustomerGaps.CountAsync(g => g.OrganisationId == organisationId));

}
