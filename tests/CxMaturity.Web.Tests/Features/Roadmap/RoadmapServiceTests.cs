using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Features.Roadmap;

/// <summary>The roadmap of <see cref="RoadmapRound"/>, its item edits and its regeneration after new targets.</summary>
public sealed class RoadmapServiceTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    private const int Precision = 12;

    [Fact]
    public async Task The_roadmap_comes_from_the_submitted_answers_with_hand_computed_priorities_in_order()
    {
        var round = await RoadmapRound.CreateAsync(factory);

        var roadmap = await factory.Roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId);

        Assert.Equal(1, roadmap.RespondentsCounted);
        Assert.Equal(RoadmapRound.Order, roadmap.Items.Select(i => i.InitiativeId));
        for (var i = 0; i < RoadmapRound.Order.Length; i++)
        {
            var item = roadmap.Items[i];
            Assert.Equal(RoadmapRound.Priorities[i], item.Priority, Precision);
            Assert.Equal(RoadmapRound.Shares[i], item.ParetoShare, Precision);
            Assert.Equal(i < 3, item.VitalFew);
            Assert.Equal(Horizon.ShortTerm, item.Horizon);
            Assert.Equal(RoadmapItemStatus.Proposed, item.Status);
            Assert.Null(item.Version);
        }

        Assert.Equal(331.0 / 36, roadmap.TotalPriority, Precision);
        var goals = roadmap.Item(RoadmapRound.GoalsForExecutives);
        Assert.Equal(("strategy", 2, 3, 4, 2), (goals.DimensionId, goals.From, goals.To, goals.Impact, goals.Effort));
        Assert.Equal("Add a customer goal to every executive's annual objectives", goals.Title);
        Assert.Equal("CX strategy and leadership", goals.DimensionTitle);
        Assert.False(string.IsNullOrWhiteSpace(goals.DescriptionMarkdown));

        var strategy = Assert.Single(roadmap.Dimensions, d => d.DimensionId == "strategy");
        Assert.Equal((2.0, 2, (int?)null, 3, 1.0), (strategy.Score!.Value, strategy.CurrentStage!.Value, strategy.ExplicitTarget, strategy.Target!.Value, strategy.Gap!.Value));
        var voc = Assert.Single(roadmap.Dimensions, d => d.DimensionId == "voc");
        Assert.Equal((3.0, 3, 4, 1.0), (voc.Score!.Value, voc.CurrentStage!.Value, voc.Target!.Value, voc.Gap!.Value));
        Assert.Equal(["strategy", "voc"], roadmap.Dimensions.Select(d => d.DimensionId));
        // Nothing accepted yet: the projection stays where the dimensions are.
        Assert.Equal((2, 2, 2, 2), (strategy.Projection!.Current!.Value, strategy.Projection.AfterShort, strategy.Projection.AfterMedium, strategy.Projection.AfterLong));
    }

    [Fact]
    public async Task Accepting_rejecting_moving_and_annotating_items_changes_the_pareto_analysis_and_the_projection()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        var roadmaps = factory.Roadmaps;
        var roadmap = await roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId);

        roadmap = await roadmaps.UpdateItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.GoalsForExecutives,
            roadmap.Item(RoadmapRound.GoalsForExecutives).Edit(RoadmapItemStatus.Accepted, owner: "  Chief customer officer ", notes: "Board approves in March."));
        roadmap = await roadmaps.UpdateItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.StrategyWithGoals,
            roadmap.Item(RoadmapRound.StrategyWithGoals).Edit(RoadmapItemStatus.Rejected));
        roadmap = await roadmaps.UpdateItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.TextAnalytics,
            roadmap.Item(RoadmapRound.TextAnalytics).Edit(horizon: Horizon.LongTerm));

        var goals = roadmap.Item(RoadmapRound.GoalsForExecutives);
        Assert.Equal((RoadmapItemStatus.Accepted, "Chief customer officer", "Board approves in March."), (goals.Status, goals.Owner, goals.Notes));
        Assert.NotNull(goals.Version);
        var moved = roadmap.Item(RoadmapRound.TextAnalytics);
        Assert.Equal((Horizon.LongTerm, Horizon.ShortTerm, true), (moved.Horizon, moved.ComputedHorizon, moved.HorizonMoved));

        // Order: the moved item goes last (long term); the rejected one stays listed.
        Assert.Equal(
            [RoadmapRound.GoalsForExecutives, RoadmapRound.StrategyWithGoals, RoadmapRound.DetractorAlerts, RoadmapRound.FeedbackLinked, RoadmapRound.TextAnalytics],
            roadmap.Items.Select(i => i.InitiativeId));

        // Pareto without the rejected item: total 10/3 + 4/3 + 1 + 3/4 = 77/12; shares 40/77, 56/77 (< 80 %), 68/77.
        Assert.Equal(77.0 / 12, roadmap.TotalPriority, Precision);
        Assert.Equal([RoadmapRound.GoalsForExecutives, RoadmapRound.DetractorAlerts, RoadmapRound.FeedbackLinked, RoadmapRound.TextAnalytics],
            roadmap.Pareto.Select(i => i.InitiativeId));
        double[] shares = [40.0 / 77, 56.0 / 77, 68.0 / 77, 1.0];
        for (var i = 0; i < shares.Length; i++)
        {
            Assert.Equal(shares[i], roadmap.Pareto[i].ParetoShare, Precision);
        }

        Assert.Equal([true, true, true, false], roadmap.Pareto.Select(i => i.VitalFew));
        var rejected = roadmap.Item(RoadmapRound.StrategyWithGoals);
        Assert.Equal((0.0, false), (rejected.ParetoShare, rejected.VitalFew));

        // Projection: the accepted short-term strategy item takes strategy from 2 to 3 after the short term.
        var strategy = Assert.Single(roadmap.Dimensions, d => d.DimensionId == "strategy").Projection!;
        Assert.Equal((2, 3, 3, 3, 3), (strategy.Current!.Value, strategy.AfterShort, strategy.AfterMedium, strategy.AfterLong, strategy.Target));

        // Moving an item back to its computed lane is no move at all.
        roadmap = await roadmaps.UpdateItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.TextAnalytics,
            roadmap.Item(RoadmapRound.TextAnalytics).Edit(horizon: Horizon.ShortTerm));
        Assert.False(roadmap.Item(RoadmapRound.TextAnalytics).HorizonMoved);
        var stored = await factory.WithDbAsync(db => db.RoadmapItemStates.AsNoTracking()
            .SingleAsync(s => s.RoundId == round.RoundId && s.InitiativeId == RoadmapRound.TextAnalytics));
        Assert.Null(stored.HorizonOverride);
    }

    [Fact]
    public async Task New_targets_regenerate_the_roadmap_report_added_and_dropped_items_and_keep_the_edits()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        var roadmaps = factory.Roadmaps;
        var roadmap = await roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId);
        roadmap = await roadmaps.UpdateItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.GoalsForExecutives,
            roadmap.Item(RoadmapRound.GoalsForExecutives).Edit(RoadmapItemStatus.Accepted, owner: "Alex"));
        roadmap = await roadmaps.UpdateItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.DetractorAlerts,
            roadmap.Item(RoadmapRound.DetractorAlerts).Edit(RoadmapItemStatus.Accepted, owner: "Dana", notes: "Needs the CRM team."));

        // Strategy aims two stages up; voc stays where it is, so its items no longer apply.
        var saved = await roadmaps.SetTargetsAsync(
            round.Owner.Id, round.RoundId, new Dictionary<string, int> { ["strategy"] = 4, ["voc"] = 3 }, roadmap.RoundVersion);

        // In the new roadmap's order: portfolio view 5/3 × 2 × 3/2 = 5 before scorecard 5/3 × 2 × 4/3 = 40/9.
        Assert.Equal([RoadmapRound.PortfolioView, RoadmapRound.Scorecard], saved.Added.Select(a => a.InitiativeId));
        Assert.Equal(
            ["Manage all CX initiatives as one tracked portfolio", "Steer the CX strategy with a quarterly scorecard against targets"],
            saved.Added.Select(a => a.Title));
        Assert.Equal([RoadmapRound.DetractorAlerts, RoadmapRound.FeedbackLinked, RoadmapRound.TextAnalytics], saved.Dropped.Select(d => d.InitiativeId));
        Assert.Equal(2, saved.Kept);

        var after = saved.Roadmap;
        Assert.Equal(
            [RoadmapRound.GoalsForExecutives, RoadmapRound.StrategyWithGoals, RoadmapRound.PortfolioView, RoadmapRound.Scorecard],
            after.Items.Select(i => i.InitiativeId));
        // G_strategy = 4 − 2 = 2: priorities double, and the 3→4 items are the second transition, medium term.
        Assert.Equal(20.0 / 3, after.Item(RoadmapRound.GoalsForExecutives).Priority, Precision);
        Assert.Equal(Horizon.MediumTerm, after.Item(RoadmapRound.Scorecard).Horizon);
        Assert.Equal(40.0 / 9, after.Item(RoadmapRound.Scorecard).Priority, Precision); // 5/3 × 2 × 4/3
        var kept = after.Item(RoadmapRound.GoalsForExecutives);
        Assert.Equal((RoadmapItemStatus.Accepted, "Alex"), (kept.Status, kept.Owner));
        Assert.Equal([("strategy", 4), ("voc", 3)], (await factory.TargetsAsync(round.RoundId)).Select(t => (t.DimensionId, t.Stage)));

        // Back to the default target for voc: its items return, the dropped item with its edits.
        saved = await roadmaps.SetTargetsAsync(
            round.Owner.Id, round.RoundId, new Dictionary<string, int> { ["strategy"] = 4 }, after.RoundVersion);
        Assert.Equal([RoadmapRound.DetractorAlerts, RoadmapRound.FeedbackLinked, RoadmapRound.TextAnalytics], saved.Added.Select(a => a.InitiativeId));
        Assert.Empty(saved.Dropped);
        var back = saved.Roadmap.Item(RoadmapRound.DetractorAlerts);
        Assert.Equal((RoadmapItemStatus.Accepted, "Dana", "Needs the CRM team."), (back.Status, back.Owner, back.Notes));
    }

    [Theory]
    [InlineData("voc", 2, "already")] // below the stage voc has reached (3)
    [InlineData("strategy", 6, "between")]
    [InlineData("strategy", 0, "between")]
    [InlineData("nonsense", 3, "names no dimension")]
    [InlineData("journeys", 3, "not in this round's scope")]
    public async Task A_bad_target_is_refused_with_a_sentence_naming_the_dimension_and_nothing_changes(string dimensionId, int stage, string expected)
    {
        var round = await RoadmapRound.CreateAsync(factory);
        var roadmaps = factory.Roadmaps;
        await roadmaps.SetTargetsAsync(round.Owner.Id, round.RoundId, new Dictionary<string, int> { ["strategy"] = 4 });
        var before = await roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId);

        // A valid target beside the bad one is not saved either.
        var targets = new Dictionary<string, int> { ["strategy"] = 5, [dimensionId] = stage };
        if (dimensionId == "strategy")
        {
            targets["voc"] = 5;
        }

        var exception = await Assert.ThrowsAsync<ValidationException>(
            () => roadmaps.SetTargetsAsync(round.Owner.Id, round.RoundId, targets, before.RoundVersion));

        var message = Assert.Single(Assert.Contains(dimensionId, exception.Errors));
        Assert.Contains($"'{dimensionId}'", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Equal([("strategy", 4)], (await factory.TargetsAsync(round.RoundId)).Select(t => (t.DimensionId, t.Stage)));
        var after = await roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId);
        Assert.Equal(before.Items.Select(i => i.InitiativeId), after.Items.Select(i => i.InitiativeId));
        Assert.Equal(before.RoundVersion, after.RoundVersion);
    }

    [Fact]
    public async Task A_second_editor_working_from_a_stale_item_is_told_to_reload_and_nothing_is_overwritten()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        var lead = await factory.CreateMemberAsync(round.OrganisationId, OrganisationRole.CxLead);
        var roadmaps = factory.Roadmaps;
        var first = (await roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId)).Item(RoadmapRound.FeedbackLinked);
        var second = (await roadmaps.GetRoadmapAsync(lead.Id, round.RoundId)).Item(RoadmapRound.FeedbackLinked);

        var saved = await roadmaps.UpdateItemAsync(round.Owner.Id, round.RoundId, first.InitiativeId, first.Edit(RoadmapItemStatus.Accepted, owner: "Owner's pick"));

        // The second editor read the item before anyone edited it.
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            roadmaps.UpdateItemAsync(lead.Id, round.RoundId, second.InitiativeId, second.Edit(RoadmapItemStatus.Rejected)));
        Assert.Contains("Someone else changed the roadmap item", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("Reload", conflict.Message, StringComparison.Ordinal);

        // And once more from a version that is no longer current.
        var current = saved.Item(RoadmapRound.FeedbackLinked);
        await roadmaps.UpdateItemAsync(lead.Id, round.RoundId, current.InitiativeId, current.Edit(notes: "Lead's note"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            roadmaps.UpdateItemAsync(round.Owner.Id, round.RoundId, current.InitiativeId, current.Edit(RoadmapItemStatus.Rejected)));

        var item = (await roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId)).Item(RoadmapRound.FeedbackLinked);
        Assert.Equal((RoadmapItemStatus.Accepted, "Owner's pick", "Lead's note"), (item.Status, item.Owner, item.Notes));
    }

    [Fact]
    public async Task An_edit_of_an_initiative_that_is_not_an_item_or_with_bad_fields_is_refused()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        var roadmaps = factory.Roadmaps;
        var item = (await roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId)).Item(RoadmapRound.FeedbackLinked);

        // An initiative of the model whose transition the round does not need.
        await Assert.ThrowsAsync<NotFoundException>(() =>
            roadmaps.UpdateItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.Scorecard, item.Edit(RoadmapItemStatus.Accepted)));

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => roadmaps.UpdateItemAsync(
            round.Owner.Id, round.RoundId, item.InitiativeId,
            item.Edit(owner: new string('x', FieldLimits.Owner + 1), notes: new string('n', FieldLimits.Notes + 1)) with
            {
                Status = (RoadmapItemStatus)7,
            }));
        Assert.Equal(["notes", "owner", "status"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await factory.WithDbAsync(db => db.RoadmapItemStates.Where(s => s.RoundId == round.RoundId).ToListAsync()));
    }

    [Theory]
    [InlineData(OrganisationRole.Contributor)]
    [InlineData(OrganisationRole.Viewer)]
    public async Task Contributors_and_viewers_read_the_roadmap_but_cannot_change_it(OrganisationRole role)
    {
        var round = await RoadmapRound.CreateAsync(factory);
        var member = await factory.CreateMemberAsync(round.OrganisationId, role);
        var roadmaps = factory.Roadmaps;

        var roadmap = await roadmaps.GetRoadmapAsync(member.Id, round.RoundId);
        Assert.False(roadmap.CanEdit);
        var item = roadmap.Item(RoadmapRound.GoalsForExecutives);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            roadmaps.UpdateItemAsync(member.Id, round.RoundId, item.InitiativeId, item.Edit(RoadmapItemStatus.Accepted)));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            roadmaps.SetTargetsAsync(member.Id, round.RoundId, new Dictionary<string, int> { ["strategy"] = 4 }));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            factory.Projects.CreateFromRoadmapItemAsync(member.Id, round.RoundId, item.InitiativeId));
        Assert.Empty(await factory.TargetsAsync(round.RoundId));
    }

    [Fact]
    public async Task A_respondent_member_cannot_read_the_roadmap()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        var respondent = await factory.CreateMemberAsync(round.OrganisationId, OrganisationRole.Respondent);

        await Assert.ThrowsAsync<ForbiddenException>(() => factory.Roadmaps.GetRoadmapAsync(respondent.Id, round.RoundId));
    }

    [Fact]
    public async Task A_user_of_another_organisation_finds_neither_the_roadmap_nor_its_items_nor_its_projects()
    {
        var round = await RoadmapRound.CreateAsync(factory);
        var item = (await factory.Roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId)).Item(RoadmapRound.GoalsForExecutives);
        var project = await factory.Projects.CreateFromRoadmapItemAsync(round.Owner.Id, round.RoundId, RoadmapRound.StrategyWithGoals);
        var stranger = (await factory.CreateOrganisationWithRoundAsync()).Owner;

        await Assert.ThrowsAsync<NotFoundException>(() => factory.Roadmaps.GetRoadmapAsync(stranger.Id, round.RoundId));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            factory.Roadmaps.UpdateItemAsync(stranger.Id, round.RoundId, item.InitiativeId, item.Edit(RoadmapItemStatus.Rejected)));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            factory.Roadmaps.SetTargetsAsync(stranger.Id, round.RoundId, new Dictionary<string, int> { ["strategy"] = 4 }));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            factory.Projects.CreateFromRoadmapItemAsync(stranger.Id, round.RoundId, item.InitiativeId));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Projects.GetAsync(stranger.Id, project.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Projects.ListAsync(stranger.Id, round.OrganisationId));

        var unchanged = (await factory.Roadmaps.GetRoadmapAsync(round.Owner.Id, round.RoundId)).Item(RoadmapRound.GoalsForExecutives);
        Assert.Equal((RoadmapItemStatus.Proposed, (int?)null), (unchanged.Status, unchanged.ProjectId));
    }
}
