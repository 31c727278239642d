using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Roadmap;

/// <summary><c>/api/v1/assessments/{id}/roadmap</c> against the hand-computed roadmap of <see cref="RoadmapRound"/>.</summary>
public sealed class RoadmapApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    private const int Precision = 12;

    [Fact]
    public async Task Get_roadmap_returns_the_items_in_order_with_every_field_and_the_targets_gaps_and_projection()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        using var client = await factory.CreateApiClientAsync(round.Owner.Id);

        using var response = await client.GetAsync(Url(round));
        var roadmap = await response.ReadAsync<RoadmapJson>();

        Assert.Equal((round.RoundId, 1), (roadmap.AssessmentId, roadmap.RespondentsCounted));
        Assert.Equal(RoadmapRound.Order, roadmap.Items.Select(i => i.InitiativeId));
        Assert.Equal(331.0 / 36, roadmap.TotalPriority, Precision);
        for (var i = 0; i < RoadmapRound.Order.Length; i++)
        {
            var item = roadmap.Items[i];
            Assert.Equal(RoadmapRound.Priorities[i], item.Priority, Precision);
            Assert.Equal(RoadmapRound.Shares[i], item.ParetoShare, Precision);
            Assert.Equal(i < 3, item.VitalFew);
            Assert.Equal((Horizon.ShortTerm, Horizon.ShortTerm, RoadmapItemStatus.Proposed), (item.Horizon, item.ComputedHorizon, item.Status));
            Assert.Null(item.Version);
        }

        var goals = roadmap.Items[0];
        Assert.Equal(
            ("strategy", 2, 3, "Add a customer goal to every executive's annual objectives", 4, 2, (string?)null, (string?)null, (int?)null),
            (goals.DimensionId, goals.From, goals.To, goals.Title, goals.Impact, goals.Effort, goals.Owner, goals.Notes, goals.ProjectId));
        Assert.Equal(new Dictionary<string, int> { ["strategy"] = 3, ["voc"] = 4 }, roadmap.Targets);
        Assert.Equal(1.0, roadmap.Gaps["strategy"], Precision);
        Assert.Equal(1.0, roadmap.Gaps["voc"], Precision);
        Assert.Equal(
            [new DimensionProjection("strategy", 2, 3, 2, 2, 2), new DimensionProjection("voc", 3, 4, 3, 3, 3)],
            roadmap.Projection);

        // The wire names integrations rely on.
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var first = json.RootElement.GetProperty("items")[0];
        foreach (var name in new[] { "initiativeId", "dimensionId", "from", "to", "title", "impact", "effort", "priority", "horizon", "status", "owner", "notes", "projectId", "paretoShare", "vitalFew", "version" })
        {
            Assert.True(first.TryGetProperty(name, out _), $"The item has no '{name}'.");
        }

        Assert.Equal("ShortTerm", first.GetProperty("horizon").GetString());
        Assert.Equal("Proposed", first.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Put_item_saves_the_edit_and_a_stale_version_is_a_409_problem()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        using var client = await factory.CreateApiClientAsync(round.Owner.Id);
        var url = $"{Url(round)}/items/{RoadmapRound.FeedbackLinked}";

        var saved = await (await client.PutJsonAsync(url, new RoadmapItemEditDto(RoadmapItemStatus.Accepted, null, Horizon.MediumTerm, "Dana", "Start after the CRM upgrade.")))
            .ReadAsync<RoadmapItemJson>();

        Assert.Equal(
            (RoadmapItemStatus.Accepted, Horizon.MediumTerm, Horizon.ShortTerm, "Dana", "Start after the CRM upgrade."),
            (saved.Status, saved.Horizon, saved.ComputedHorizon, saved.Owner, saved.Notes));
        Assert.NotNull(saved.Version);
        var roadmap = await (await client.GetAsync(Url(round))).ReadAsync<RoadmapJson>();
        Assert.Equal(RoadmapRound.FeedbackLinked, roadmap.Items[^1].InitiativeId); // the only medium-term item

        // Sent again with "never edited" as its version: someone else's edit came first.
        var problem = await (await client.PutJsonAsync(url, new RoadmapItemEditDto(RoadmapItemStatus.Rejected, null)))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Someone else changed the roadmap item", problem.Detail, StringComparison.Ordinal);

        var again = await (await client.PutJsonAsync(url, new RoadmapItemEditDto(RoadmapItemStatus.Rejected, saved.Version)))
            .ReadAsync<RoadmapItemJson>();
        Assert.Equal((RoadmapItemStatus.Rejected, Horizon.ShortTerm, (string?)null), (again.Status, again.Horizon, again.Owner));
    }

    [Fact]
    public async Task Put_item_with_an_unknown_initiative_is_404_and_with_a_missing_version_or_unknown_status_is_422()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        using var client = await factory.CreateApiClientAsync(round.Owner.Id);

        await (await client.PutJsonAsync($"{Url(round)}/items/no-such-initiative", new RoadmapItemEditDto(RoadmapItemStatus.Accepted, null)))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.SendRawAsync(HttpMethod.Put, $"{Url(round)}/items/{RoadmapRound.FeedbackLinked}", """{ "status": "Accepted" }"""))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await client.SendRawAsync(HttpMethod.Put, $"{Url(round)}/items/{RoadmapRound.FeedbackLinked}", """{ "status": "Maybe", "version": null }"""))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Post_project_creates_a_linked_project_once_and_refuses_a_second()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        using var client = await factory.CreateApiClientAsync(round.Owner.Id);
        var url = $"{Url(round)}/items/{RoadmapRound.GoalsForExecutives}/project";

        var project = await (await client.PostAsync(url, null)).ReadAsync<ProjectDto>(HttpStatusCode.Created);

        Assert.Equal((round.RoundId, RoadmapRound.GoalsForExecutives, ProjectStatus.Proposed, "strategy"), (project.AssessmentId, project.InitiativeId, project.Status, project.DimensionId));
        var item = (await (await client.GetAsync(Url(round))).ReadAsync<RoadmapJson>()).Items.Single(i => i.InitiativeId == RoadmapRound.GoalsForExecutives);
        Assert.Equal((project.Id, RoadmapItemStatus.Accepted), (item.ProjectId, item.Status));

        var problem = await (await client.PostAsync(url, null)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already project", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_edit_and_another_organisation_finds_nothing()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        var viewer = await factory.CreateMemberAsync(round.OrganisationId, OrganisationRole.Viewer);
        var stranger = (await factory.CreateOrganisationWithRoundAsync()).Owner;
        using var viewerClient = await factory.CreateApiClientAsync(viewer.Id);
        using var strangerClient = await factory.CreateApiClientAsync(stranger.Id);
        var itemUrl = $"{Url(round)}/items/{RoadmapRound.GoalsForExecutives}";
        var edit = new RoadmapItemEditDto(RoadmapItemStatus.Accepted, null);

        Assert.Equal(RoadmapRound.Order, (await (await viewerClient.GetAsync(Url(round))).ReadAsync<RoadmapJson>()).Items.Select(i => i.InitiativeId));
        await (await viewerClient.PutJsonAsync(itemUrl, edit)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await viewerClient.PostAsync($"{itemUrl}/project", null)).ReadProblemAsync(HttpStatusCode.Forbidden);

        await (await strangerClient.GetAsync(Url(round))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await strangerClient.PutJsonAsync(itemUrl, edit)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await strangerClient.PostAsync($"{itemUrl}/project", null)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await strangerClient.PutTargetsAsync($"/api/v1/assessments/{round.RoundId}/targets", new Dictionary<string, int> { ["strategy"] = 4 }))
            .ReadProblemAsync(HttpStatusCode.NotFound);

        var roadmap = await factory.Roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId);
        Assert.All(roadmap.Items, i => Assert.Equal((RoadmapItemStatus.Proposed, (int?)null), (i.Status, i.ProjectId)));
    }

    [Fact]
    public async Task Put_targets_regenerates_the_roadmap_and_a_target_below_the_current_stage_is_a_422_that_changes_nothing()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        using var client = await factory.CreateApiClientAsync(round.Owner.Id);
        var targetsUrl = $"/api/v1/assessments/{round.RoundId}/targets";

        var problem = await (await client.PutTargetsAsync(targetsUrl, new Dictionary<string, int> { ["strategy"] = 4, ["voc"] = 1 }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("'voc'", Assert.Single(problem.Errors!["voc"]), StringComparison.Ordinal);
        Assert.Equal(RoadmapRound.Order, (await (await client.GetAsync(Url(round))).ReadAsync<RoadmapJson>()).Items.Select(i => i.InitiativeId));

        using var saved = await client.PutTargetsAsync(targetsUrl, new Dictionary<string, int> { ["strategy"] = 4 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var roadmap = await (await client.GetAsync(Url(round))).ReadAsync<RoadmapJson>();
        Assert.Equal(4, roadmap.Targets["strategy"]);
        Assert.Equal(2.0, roadmap.Gaps["strategy"], Precision);
        Assert.Contains(roadmap.Items, i => i.InitiativeId == RoadmapRound.Scorecard && i.Horizon == Horizon.MediumTerm);
    }

    [Fact]
    public async Task Put_targets_answers_with_the_targets_and_the_roadmap_items_they_added_and_dropped()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        using var client = await factory.CreateApiClientAsync(round.Owner.Id);

        // As in the service test: strategy two stages up, voc held where it is (3), so its three items go.
        using var response = await client.PutTargetsAsync(
            $"/api/v1/assessments/{round.RoundId}/targets", new Dictionary<string, int> { ["strategy"] = 4, ["voc"] = 3 });
        var saved = await response.ReadAsync<TargetsSavedDto>();

        Assert.Equal(
            [("strategy", (int?)4, (int?)4), ("voc", 3, 3)],
            saved.Targets.Where(t => t.ExplicitStage is not null).Select(t => (t.DimensionId, t.ExplicitStage, t.EffectiveStage)));
        Assert.Equal(
            [
                new RoadmapChangeView(RoadmapRound.PortfolioView, "strategy", "Manage all CX initiatives as one tracked portfolio"),
                new RoadmapChangeView(RoadmapRound.Scorecard, "strategy", "Steer the CX strategy with a quarterly scorecard against targets"),
            ],
            saved.Added);
        Assert.Equal([RoadmapRound.DetractorAlerts, RoadmapRound.FeedbackLinked, RoadmapRound.TextAnalytics], saved.Dropped.Select(d => d.InitiativeId));
        Assert.All(saved.Dropped, d => Assert.Equal("voc", d.DimensionId));
        Assert.Equal(2, saved.Kept);
        var roadmap = await (await client.GetAsync(Url(round))).ReadAsync<RoadmapJson>();
        Assert.Equal(
            [RoadmapRound.GoalsForExecutives, RoadmapRound.StrategyWithGoals, RoadmapRound.PortfolioView, RoadmapRound.Scorecard],
            roadmap.Items.Select(i => i.InitiativeId));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["targets", "added", "dropped", "kept"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    private static string Url(RoadmapRound round) => $"/api/v1/assessments/{round.RoundId}/roadmap";
}
