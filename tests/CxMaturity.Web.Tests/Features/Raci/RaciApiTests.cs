using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Raci;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Raci;

/// <summary>Roles and the RACI matrix over HTTP: the default roles, the one-A rule, If-Match, roles in use, access.</summary>
public sealed class RaciApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task A_new_organisation_has_the_five_default_roles_and_a_row_per_project()
    {
        var (client, url, _, projectId) = await OrganisationAsync();

        var raci = await (await client.GetAsync(url)).ReadAsync<RaciView>();

        Assert.Equal(["Executive sponsor", "CX lead", "Journey owner", "Data and insight lead", "Frontline champion"], raci.Roles.Select(r => r.Name));
        Assert.Equal([$"project:{projectId}"], raci.Rows.Select(r => r.Key));
        Assert.Empty(raci.Rows[0].Cells);
    }

    [Fact]
    public async Task A_row_with_two_As_or_none_is_refused_with_the_rule_and_nothing_is_saved()
    {
        var (client, url, _, projectId) = await OrganisationAsync();
        var raci = await (await client.GetAsync(url)).ReadAsync<RaciView>();
        var (sponsor, lead) = (raci.Roles[0].Id, raci.Roles[1].Id);
        var key = $"project:{projectId}";

        var twoAs = await (await client.PutJsonAsync(url, new RaciRequest([new(key, new Dictionary<int, RaciLetter> { [sponsor] = RaciLetter.A, [lead] = RaciLetter.A })]), raci.Version))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var noA = await (await client.PutJsonAsync(url, new RaciRequest([new(key, new Dictionary<int, RaciLetter> { [lead] = RaciLetter.R })]), raci.Version))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(
            ["2 roles are accountable (A: Executive sponsor, CX lead): exactly one must be.", "No role is responsible (R): at least one must be."],
            twoAs.Errors![$"rows[{key}]"]);
        Assert.Equal(["No role is accountable (A): exactly one must be."], noA.Errors![$"rows[{key}]"]);
        Assert.Empty((await (await client.GetAsync(url)).ReadAsync<RaciView>()).Rows[0].Cells);
    }

    [Fact]
    public async Task The_matrix_is_saved_whole_with_the_version_read_and_an_accountable_role_cannot_be_removed()
    {
        var (client, url, organisationId, projectId) = await OrganisationAsync();
        var raci = await (await client.GetAsync(url)).ReadAsync<RaciView>();
        var (sponsor, lead) = (raci.Roles[0].Id, raci.Roles[1].Id);
        var matrix = new RaciRequest([new($"project:{projectId}", new Dictionary<int, RaciLetter> { [sponsor] = RaciLetter.A, [lead] = RaciLetter.R })]);

        await (await client.PutAsJsonAsync(url, matrix, ApiTestExtensions.Json)).ReadProblemAsync(HttpStatusCode.PreconditionRequired);
        var saved = await (await client.PutJsonAsync(url, matrix, raci.Version)).ReadAsync<RaciView>();
        await (await client.PutJsonAsync(url, new RaciRequest([]), raci.Version)).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(RaciLetter.A, saved.Rows[0].Cells[sponsor]);
        Assert.NotEqual(raci.Version, saved.Version);
        var refused = await (await client.DeleteAsync($"/api/v1/organisations/{organisationId}/roles/{sponsor}")).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("“Executive sponsor” is accountable (A) for 1 row", refused.Detail, StringComparison.Ordinal);
        var onlyR = await (await client.DeleteAsync($"/api/v1/organisations/{organisationId}/roles/{lead}")).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("“CX lead” is the only role responsible (R) in 1 row", onlyR.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/organisations/{organisationId}/roles/{raci.Roles[4].Id}")).StatusCode);
        var after = await (await client.GetAsync(url)).ReadAsync<RaciView>();
        Assert.Equal(4, after.Roles.Count);
        // Removing a role moves the matrix's version: a grid opened before cannot save over the change.
        Assert.NotEqual(saved.Version, after.Version);
    }

    [Fact]
    public async Task Readers_read_managers_write_and_another_organisation_sees_nothing()
    {
        var (owner, url, organisationId, projectId) = await OrganisationAsync();
        var raci = await (await owner.GetAsync(url)).ReadAsync<RaciView>();
        var viewer = await factory.CreateMemberAsync(organisationId, OrganisationRole.Viewer);
        var stranger = await factory.CreateUserAsync();
        using var viewerClient = await factory.CreateApiClientAsync(viewer.Id);
        using var strangerClient = await factory.CreateApiClientAsync(stranger.Id);
        var matrix = new RaciRequest([new($"project:{projectId}", new Dictionary<int, RaciLetter> { [raci.Roles[0].Id] = RaciLetter.A, [raci.Roles[1].Id] = RaciLetter.R })]);

        Assert.Equal(5, (await (await viewerClient.GetAsync(url)).ReadAsync<RaciView>()).Roles.Count);
        await (await viewerClient.PutJsonAsync(url, matrix, raci.Version)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await viewerClient.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/roles", new RoleRequest("Mine"), ApiTestExtensions.Json)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await strangerClient.GetAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await strangerClient.PutJsonAsync(url, matrix, raci.Version)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await strangerClient.DeleteAsync($"/api/v1/organisations/{organisationId}/roles/{raci.Roles[0].Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await owner.GetAsync(url)).ReadAsync<RaciView>()).Rows[0].Cells);
    }

    [Fact]
    public async Task A_role_is_held_by_a_member_or_a_named_person_and_names_are_unique()
    {
        var (client, _, organisationId, _) = await OrganisationAsync();
        var member = await factory.CreateMemberAsync(organisationId, OrganisationRole.Contributor);
        var rolesUrl = $"/api/v1/organisations/{organisationId}/roles";

        var held = await (await client.PostAsJsonAsync(rolesUrl, new RoleRequest("Store champion", member.Id), ApiTestExtensions.Json)).ReadAsync<RoleView>(HttpStatusCode.Created);
        var named = await (await client.PostAsJsonAsync(rolesUrl, new RoleRequest("Agency partner", HolderName: "Jo at Acme"), ApiTestExtensions.Json)).ReadAsync<RoleView>(HttpStatusCode.Created);
        var twice = await (await client.PostAsJsonAsync(rolesUrl, new RoleRequest("cx lead"), ApiTestExtensions.Json)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal((member.Id, (string?)null), (held.HolderUserId, held.HolderName));
        Assert.Equal("Jo at Acme", named.Holder);
        Assert.Equal(["There is already a role called “cx lead”."], twice.Errors!["name"]);
        var renamed = await (await client.PutJsonAsync($"{rolesUrl}/{named.Id}", new RoleRequest("Agency lead", HolderName: "Jo at Acme"), named.Version)).ReadAsync<RoleView>();
        Assert.Equal("Agency lead", renamed.Name);
    }

    private async Task<(HttpClient Client, string Url, int OrganisationId, int ProjectId)> OrganisationAsync()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var project = await factory.GetService<ProjectService>().CreateAsync(owner.Id, organisationId, new ProjectRequest("Fix refunds"));
        return (await factory.CreateApiClientAsync(owner.Id), $"/api/v1/organisations/{organisationId}/raci", organisationId, project.Id);
    }



}
