using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Features.Projects;

/// <summary>Projects over HTTP: every field, milestones and KPI links, the status rule, If-Match, roles and isolation.</summary>
public sealed class ProjectApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_project_is_created_with_milestones_and_kpis_and_read_back_whole()
    {
        var (client, organisationId, kpiId) = await OrganisationAsync();

        var created = await (await client.PostJsonAsync($"/api/v1/organisations/{organisationId}/projects", new ProjectRequest(
                "Fix refunds", ProjectStatus.Planned, "Refunds in **3 days**.", factory.Model.Dimensions[0].Id, "Ops team", null, Today.AddDays(-10), Today.AddDays(60),
                [new MilestoneRequest("Map the process", Today.AddDays(-1)), new MilestoneRequest("Pilot", Today.AddDays(20), Done: false)], [kpiId])))
            .ReadAsync<ProjectDto>(HttpStatusCode.Created);
        var read = await (await client.GetAsync($"/api/v1/projects/{created.Id}")).ReadAsync<ProjectDto>();

        Assert.Equal(("Fix refunds", ProjectStatus.Planned, "Ops team"), (read.Title, read.Status, read.Owner));
        Assert.Equal([("Map the process", true), ("Pilot", false)], read.Milestones.Select(m => (m.Title, m.Late)));
        Assert.Equal([kpiId], read.Kpis.Select(k => k.Id));
        Assert.False(read.Late);
        var list = await (await client.GetAsync($"/api/v1/organisations/{organisationId}/projects")).ReadAsync<List<ProjectCardView>>();
        Assert.Equal([(created.Id, 2, 0)], list.Select(p => (p.Id, p.Milestones, p.MilestonesDone)));
    }

    [Fact]
    public async Task Bad_dates_milestones_and_foreign_kpis_are_named_and_nothing_is_created()
    {
        var (client, organisationId, _) = await OrganisationAsync();
        var (_, _, otherKpi) = await OrganisationAsync();

        var problem = await (await client.PostJsonAsync($"/api/v1/organisations/{organisationId}/projects", new ProjectRequest(
                "Late start", StartOn: Today, DueOn: Today.AddDays(-1), Milestones: [new MilestoneRequest(" ")], KpiIds: [otherKpi])))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["dueOn", "kpiIds", "milestones[0].title"], problem.Errors!.Keys.Order());
        Assert.Equal([$"The due date ({Today.AddDays(-1):yyyy-MM-dd}) is before the start ({Today:yyyy-MM-dd})."], problem.Errors["dueOn"]);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Projects.CountAsync(p => p.OrganisationId == organisationId)));
    }

    [Fact]
    public async Task An_edit_needs_the_version_read_and_a_finished_project_moves_on_only_by_reopening()
    {
        var (client, organisationId, _) = await OrganisationAsync();
        var project = await (await client.PostJsonAsync($"/api/v1/organisations/{organisationId}/projects", new ProjectRequest("Fix refunds")))
            .ReadAsync<ProjectDto>(HttpStatusCode.Created);
        var url = $"/api/v1/projects/{project.Id}";

        await (await client.PutJsonAsync(url, new ProjectRequest("Fix refunds", ProjectStatus.Done))).ReadProblemAsync(HttpStatusCode.PreconditionRequired);
        var done = await (await client.PutJsonAsync(url, new ProjectRequest("Fix refunds", ProjectStatus.Done), project.Version)).ReadAsync<ProjectDto>();
        await (await client.PutJsonAsync(url, new ProjectRequest("Renamed meanwhile"), project.Version)).ReadProblemAsync(HttpStatusCode.Conflict);
        var blocked = await (await client.PutJsonAsync(url, new ProjectRequest("Fix refunds", ProjectStatus.Blocked), done.Version)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var reopened = await (await client.PutJsonAsync(url, new ProjectRequest("Fix refunds", ProjectStatus.InProgress), done.Version)).ReadAsync<ProjectDto>();

        Assert.Equal(["The project is done, which is final: reopen it (Planned or In progress) before marking it blocked."], blocked.Errors!["status"]);
        Assert.Equal(ProjectStatus.InProgress, reopened.Status);
        Assert.Equal("Fix refunds", (await (await client.GetAsync(url)).ReadAsync<ProjectDto>()).Title);
    }

    [Fact]
    public async Task An_edit_of_the_milestones_alone_moves_the_version_so_a_stale_save_cannot_wipe_it()
    {
        var (client, organisationId, _) = await OrganisationAsync();
        var project = await (await client.PostJsonAsync($"/api/v1/organisations/{organisationId}/projects", new ProjectRequest(
                "Fix refunds", Milestones: [new MilestoneRequest("Map the process")])))
            .ReadAsync<ProjectDto>(HttpStatusCode.Created);
        var url = $"/api/v1/projects/{project.Id}";

        var ticked = await (await client.PutJsonAsync(url, new ProjectRequest("Fix refunds", Milestones: [new MilestoneRequest("Map the process", Done: true)]), project.Version))
            .ReadAsync<ProjectDto>();
        await (await client.PutJsonAsync(url, new ProjectRequest("Fix refunds", Milestones: [new MilestoneRequest("Map the process")]), project.Version))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.NotEqual(project.Version, ticked.Version);
        Assert.True((await (await client.GetAsync(url)).ReadAsync<ProjectDto>()).Milestones.Single().Done);
    }

    [Fact]
    public async Task Readers_read_managers_write_and_another_organisation_sees_nothing()
    {
        var (owner, organisationId, _) = await OrganisationAsync();
        var project = await (await owner.PostJsonAsync($"/api/v1/organisations/{organisationId}/projects", new ProjectRequest("Fix refunds")))
            .ReadAsync<ProjectDto>(HttpStatusCode.Created);
        var viewer = await factory.CreateMemberAsync(organisationId, OrganisationRole.Viewer);
        var stranger = await factory.CreateUserAsync();
        using var viewerClient = await factory.CreateApiClientAsync(viewer.Id);
        using var strangerClient = await factory.CreateApiClientAsync(stranger.Id);
        var url = $"/api/v1/projects/{project.Id}";

        Assert.Equal("Fix refunds", (await (await viewerClient.GetAsync(url)).ReadAsync<ProjectDto>()).Title);
        await (await viewerClient.PutJsonAsync(url, new ProjectRequest("Mine"), project.Version)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await viewerClient.DeleteAsync(url)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await strangerClient.GetAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await strangerClient.PutJsonAsync(url, new ProjectRequest("Mine"), project.Version)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await strangerClient.GetAsync($"/api/v1/organisations/{organisationId}/projects")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(url)).StatusCode);
        await (await owner.GetAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<(HttpClient Client, int OrganisationId, int KpiId)> OrganisationAsync()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var kpi = await factory.GetService<KpiService>().CreateAsync(owner.Id, organisationId, new KpiRequest("CSAT", KpiKind.Csat, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly));
        return (await factory.CreateApiClientAsync(owner.Id), organisationId, kpi.Id);
    }

}
