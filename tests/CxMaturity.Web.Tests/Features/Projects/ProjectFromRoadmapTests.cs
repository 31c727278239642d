using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Tests.Features.Roadmap;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Features.Projects;

/// <summary>"Turn into project": one project per roadmap item, linked both ways, created in one transaction.</summary>
public sealed class ProjectFromRoadmapTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task An_accepted_items_raci_letters_move_to_its_project_and_both_steps_are_audited()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        var roadmap = await factory.Roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId);
        await factory.Roadmaps.UpdateItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.DetractorAlerts,
            roadmap.Item(RoadmapRound.DetractorAlerts).Edit(RoadmapItemStatus.Accepted));
        var raci = factory.GetService<CxMaturity.Web.Features.Raci.RaciService>();
        var matrix = await raci.GetAsync(round.Owner.Id, round.OrganisationId);
        var itemRow = $"item:{round.RoundId}:{RoadmapRound.DetractorAlerts}";
        Assert.Contains(matrix.Rows, r => r.Key == itemRow);
        await raci.SaveAsync(round.Owner.Id, round.OrganisationId, new([new(itemRow, new Dictionary<int, RaciLetter>
        {
            [matrix.Roles[0].Id] = RaciLetter.A, [matrix.Roles[1].Id] = RaciLetter.R,
        })]), matrix.Version);

        var project = await factory.Projects.CreateFromRoadmapItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.DetractorAlerts);

        var after = await raci.GetAsync(round.Owner.Id, round.OrganisationId);
        Assert.DoesNotContain(after.Rows, r => r.Key == itemRow);
        var row = after.Rows.Single(r => r.Key == $"project:{project.Id}");
        Assert.Equal((RaciLetter.A, RaciLetter.R), (row.Cells[matrix.Roles[0].Id], row.Cells[matrix.Roles[1].Id]));
        var lines = (await factory.GetService<CxMaturity.Web.Features.AuditLog.AuditLogService>()
            .GetAsync(round.Owner.Id, round.OrganisationId, new CxMaturity.Web.Features.AuditLog.AuditFilter(Area: "Project"))).Lines;
        Assert.Equal([("created from the roadmap", $"Project “{project.Title}”")], lines.Select(l => (l.Action, l.Subject)));
    }

    [Fact]
    public async Task Turning_an_item_into_a_project_links_both_ways_and_accepts_the_item()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        var roadmap = await factory.Roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId);
        await factory.Roadmaps.UpdateItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.DetractorAlerts,
            roadmap.Item(RoadmapRound.DetractorAlerts).Edit(owner: "Dana"));
        var initiative = factory.Model.Initiatives.Single(i => i.Id == RoadmapRound.DetractorAlerts);

        var project = await factory.Projects.CreateFromRoadmapItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.DetractorAlerts);

        Assert.Equal(initiative.Title, project.Title);
        Assert.Equal(initiative.DescriptionMarkdown, project.DescriptionMarkdown);
        Assert.Equal(("voc", "Voice of the customer"), (project.DimensionId, project.DimensionTitle));
        Assert.Equal("Dana", project.Owner);
        Assert.Equal(ProjectStatus.Proposed, project.Status);
        Assert.Equal(round.OrganisationId, project.OrganisationId);
        Assert.Equal(new(round.RoundId, round.Organisation.Round.Name, RoadmapRound.DetractorAlerts), project.RoadmapItem);

        var item = (await factory.Roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId)).Item(RoadmapRound.DetractorAlerts);
        Assert.Equal(project.Id, item.ProjectId);
        Assert.Equal(RoadmapItemStatus.Accepted, item.Status);
        Assert.Equal("Dana", item.Owner);

        var listed = Assert.Single(await factory.Projects.ListAsync(round.Owner.Id, round.OrganisationId));
        Assert.Equal((project.Id, RoadmapRound.DetractorAlerts), (listed.Id, listed.InitiativeId));
    }

    [Fact]
    public async Task An_item_already_linked_is_not_turned_into_a_second_project()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        var first = await factory.Projects.CreateFromRoadmapItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.GoalsForExecutives);

        var refused = await Assert.ThrowsAsync<ConflictException>(() =>
            factory.Projects.CreateFromRoadmapItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.GoalsForExecutives));

        Assert.Contains($"already project {first.Id}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Projects.CountAsync(p => p.RoundId == round.RoundId)));
    }

    [Fact]
    public async Task A_rejected_item_is_not_turned_into_a_project_and_a_linked_item_cannot_be_rejected()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        var roadmap = await factory.Roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId);
        await factory.Roadmaps.UpdateItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.TextAnalytics,
            roadmap.Item(RoadmapRound.TextAnalytics).Edit(RoadmapItemStatus.Rejected));

        await Assert.ThrowsAsync<ConflictException>(() =>
            factory.Projects.CreateFromRoadmapItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.TextAnalytics));

        await factory.Projects.CreateFromRoadmapItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.FeedbackLinked);
        var linked = (await factory.Roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId)).Item(RoadmapRound.FeedbackLinked);
        await Assert.ThrowsAsync<ConflictException>(() =>
            factory.Roadmaps.UpdateItemAsync(round.Owner.Id, round.RoundId, linked.InitiativeId, linked.Edit(RoadmapItemStatus.Rejected)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Projects.CountAsync(p => p.RoundId == round.RoundId)));
    }

    [Fact]
    public async Task Viewers_read_a_project_and_respondents_do_not()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        var project = await factory.Projects.CreateFromRoadmapItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.StrategyWithGoals);
        var viewer = await factory.CreateMemberAsync(round.OrganisationId, OrganisationRole.Viewer);
        var respondent = await factory.CreateMemberAsync(round.OrganisationId, OrganisationRole.Respondent);

        Assert.Equal(project.Title, (await factory.Projects.GetAsync(viewer.Id, project.Id)).Title);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.Projects.GetAsync(respondent.Id, project.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Projects.GetAsync(viewer.Id, project.Id + 100_000));
    }
}
