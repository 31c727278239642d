using Bunit;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Components.Shared;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Tests.Components;

namespace CxMaturity.Web.Tests.Features.Roadmap;

/// <summary>
/// The roadmap's shared components over the figures of <see cref="RoadmapRound"/>: five items whose priorities are
/// 10/3, 25/9, 4/3, 1 and 3/4 and whose cumulative shares are 120/331, 220/331, 268/331, 304/331 and 1.
/// </summary>
public sealed class RoadmapComponentTests : MudBunitContext
{
    private static readonly Guid SomeVersion = Guid.Parse("6c1f3a52-2f0e-4f7b-9a59-1b2c3d4e5f60");

    private static readonly IReadOnlyList<RoadmapItemView> Items =
    [
        Item("goals", "strategy", 2, "Customer goals for executives", 10.0 / 3, 120.0 / 331, vitalFew: true),
        Item("vision", "strategy", 2, "A CX strategy with goals", 25.0 / 9, 220.0 / 331, vitalFew: true),
        Item("alerts", "voc", 3, "Detractor alerts", 4.0 / 3, 268.0 / 331, vitalFew: true),
        Item("linked", "voc", 3, "Feedback linked to records", 1.0, 304.0 / 331, vitalFew: false),
        Item("themes", "voc", 3, "Text analytics", 0.75, 1.0, vitalFew: false),
    ];

    [Fact]
    public void The_pareto_table_ranks_the_items_with_priority_to_two_decimals_the_cumulative_share_and_the_vital_few()
    {
        var table = Render<ParetoTable>(p => p.Add(c => c.Items, Items));

        var rows = table.FindAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(
            [
                ["1", "Customer goals for executives", "CX strategy", "Short term", "3.33", "36.3 %", "Yes"],
                ["2", "A CX strategy with goals", "CX strategy", "Short term", "2.78", "66.5 %", "Yes"],
                ["3", "Detractor alerts", "Voice of the customer", "Short term", "1.33", "81.0 %", "Yes"],
                ["4", "Feedback linked to records", "Voice of the customer", "Short term", "1.00", "91.8 %", "–"],
                ["5", "Text analytics", "Voice of the customer", "Short term", "0.75", "100.0 %", "–"],
            ],
            rows);
        Assert.Equal(3, table.FindAll("tr.cx-pareto-row--vital").Count);
        Assert.Equal("9.19", table.Find("[data-testid='pareto-total']").TextContent); // 331/36
    }

    [Fact]
    public void The_pareto_chart_draws_a_bar_per_item_highlights_the_vital_few_and_plots_the_cumulative_line()
    {
        var chart = Render<ParetoChart>(p => p.Add(c => c.Items, ParetoChart.Of(Items)));

        var bars = chart.FindAll("rect.cx-pareto-bar");
        Assert.Equal(5, bars.Count);
        Assert.Equal(3, chart.FindAll("rect.cx-pareto-bar--vital").Count);
        Assert.Equal(5, chart.Find("polyline.cx-pareto-line").GetAttribute("points")!.Split(' ').Length);
        // Bars fall with priority: the highest bar is the tallest.
        var heights = bars.Select(b => double.Parse(b.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(heights.OrderByDescending(h => h), heights);
        Assert.Contains("The first 3 of them, the vital few, make up 81.0 %", chart.Find("[role=img]").GetAttribute("aria-label"));
        Assert.Contains("#1 Customer goals for executives: priority 3.33, cumulative 36.3 %, vital few", chart.Find("rect title").TextContent);
    }

    [Fact]
    public void A_lane_shows_each_item_with_its_transition_figures_and_description_and_no_buttons_for_readers()
    {
        var withOwner = Edited(Items[0], RoadmapItemStatus.Accepted, "Alex", "Board in March.");
        var lane = Render<RoadmapLane>(p => p
            .Add(c => c.Horizon, Horizon.ShortTerm)
            .Add(c => c.Items, [withOwner, Items[3]])
            .Add(c => c.Model, TestModel.Model)
            .Add(c => c.CanEdit, false));

        Assert.Contains("Short term", lane.Find("h2").TextContent);
        Assert.Equal("2", lane.Find("[data-testid='lane-count-ShortTerm']").TextContent);
        var card = lane.Find("[data-testid='item-goals']");
        Assert.Equal("2 · Development → 3 · Definition", lane.Find("[data-testid='transition-goals']").TextContent.Trim());
        Assert.Equal("Priority 3.33", lane.Find("[data-testid='priority-goals']").TextContent);
        Assert.Contains("Impact 4/5", card.TextContent);
        Assert.Contains("Effort 2/5", card.TextContent);
        Assert.Equal("Accepted", lane.Find("[data-testid='status-goals']").TextContent);
        Assert.NotNull(lane.Find("[data-testid='vital-goals']"));
        Assert.Empty(lane.FindAll("[data-testid='vital-linked']"));
        Assert.Contains("<strong>first</strong>", card.InnerHtml);
        Assert.Equal(("Alex", "Board in March."), (lane.Find("[data-testid='shown-owner-goals']").TextContent, lane.Find("[data-testid='shown-notes-goals']").TextContent));
        Assert.Empty(lane.FindAll("button"));
    }

    [Fact]
    public void Accepting_an_item_sends_its_status_lane_typed_owner_and_version_and_accepting_again_undoes_it()
    {
        var updates = new List<RoadmapItemUpdate>();
        var item = Items[3] with { Version = SomeVersion };
        var card = Render<RoadmapItemCard>(p => p
            .Add(c => c.Item, item)
            .Add(c => c.Model, TestModel.Model)
            .Add(c => c.CanEdit, true)
            .Add(c => c.OnChange, (RoadmapItemUpdate u) => updates.Add(u)));

        card.Find("[data-testid='owner-linked']").Input("  Dana ");
        card.Find("[data-testid='accept-linked']").Click();
        card.Find("[data-testid='horizon-linked']").Change("LongTerm");

        Assert.Equal(
            [
                new RoadmapItemUpdate(RoadmapItemStatus.Accepted, Horizon.ShortTerm, "Dana", null, SomeVersion),
                new RoadmapItemUpdate(RoadmapItemStatus.Proposed, Horizon.LongTerm, "Dana", null, SomeVersion),
            ],
            updates);

        card.Render(p => p.Add(c => c.Item, Edited(item, RoadmapItemStatus.Accepted, "Dana") with { Version = Guid.NewGuid() }));
        card.Find("[data-testid='accept-linked']").Click();
        Assert.Equal(RoadmapItemStatus.Proposed, updates[^1].Status);
        Assert.Equal("true", card.Find("[data-testid='accept-linked']").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void An_item_offers_turning_into_a_project_until_it_is_linked_and_then_links_to_the_project()
    {
        var turned = new List<string>();
        var card = Render<RoadmapItemCard>(p => p
            .Add(c => c.Item, Items[0])
            .Add(c => c.Model, TestModel.Model)
            .Add(c => c.CanEdit, true)
            .Add(c => c.OnTurnIntoProject, (RoadmapItemView i) => turned.Add(i.InitiativeId)));

        card.Find("[data-testid='turn-into-project-goals']").Click();
        Assert.Equal(["goals"], turned);

        card.Render(p => p.Add(c => c.Item, Edited(Items[0], RoadmapItemStatus.Accepted) with { ProjectId = 42 }));
        Assert.Empty(card.FindAll("[data-testid='turn-into-project-goals']"));
        Assert.Equal("projects/42", card.Find("[data-testid='project-link-goals']").GetAttribute("href"));
        Assert.True(card.Find("[data-testid='reject-goals']").HasAttribute("disabled"));
    }

    [Fact]
    public void The_projection_table_shows_the_stage_now_after_each_lane_and_the_target()
    {
        var table = Render<ProjectionTable>(p => p
            .Add(c => c.Model, TestModel.Model)
            .Add(c => c.Dimensions,
            [
                new RoadmapDimensionView("strategy", "CX strategy", 2.0, 2, 4, 4, 2.0, new DimensionProjection("strategy", 2, 4, 3, 4, 4)),
                new RoadmapDimensionView("voc", "Voice of the customer", null, null, null, null, null, null),
            ]));

        var strategy = table.Find("[data-testid='projection-row-strategy']").Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["CX strategy", "2 · Development", "3 · Definition", "4 · Managed", "4 · Managed", "4 · Managed"], strategy);
        Assert.Contains("No score yet", table.Find("[data-testid='projection-row-voc']").TextContent);
    }

    [Fact]
    public void The_targets_form_offers_only_stages_from_the_current_one_up_and_sends_the_explicit_targets()
    {
        IReadOnlyDictionary<string, int>? sent = null;
        var form = Render<RoadmapTargetsForm>(p => p
            .Add(c => c.Model, TestModel.Model)
            .Add(c => c.Dimensions,
            [
                new RoadmapDimensionView("strategy", "CX strategy", 2.0, 2, null, 3, 1.0, null),
                new RoadmapDimensionView("voc", "Voice of the customer", 3.4, 3, 5, 5, 1.6, null),
            ])
            .Add(c => c.Errors, new Dictionary<string, string[]> { ["voc"] = ["Target for 'voc' is too low."] })
            .Add(c => c.OnSave, (IReadOnlyDictionary<string, int> targets) => sent = targets));

        var options = form.FindAll("[data-testid='target-strategy'] option").Select(o => (o.GetAttribute("value"), o.TextContent.Trim())).ToList();
        Assert.Equal(
            [("", "Default: 3 · Definition"), ("2", "2 · Development"), ("3", "3 · Definition"), ("4", "4 · Managed"), ("5", "5 · Optimized")],
            options);
        Assert.Equal(["", "3", "4", "5"], form.FindAll("[data-testid='target-voc'] option").Select(o => o.GetAttribute("value")));
        Assert.Equal("Target for 'voc' is too low.", form.Find("[data-testid='error-voc']").TextContent);
        Assert.True(form.Find("[data-testid='save-targets']").HasAttribute("disabled")); // nothing changed yet

        form.Find("[data-testid='target-strategy']").Change("4");
        form.Find("form").Submit();

        Assert.Equal(new Dictionary<string, int> { ["strategy"] = 4, ["voc"] = 5 }, sent);
    }

    private static RoadmapItemView Item(string id, string dimension, int from, string title, double priority, double share, bool vitalFew) => new(
        new RoadmapItem(
            id,
            dimension,
            from,
            from + 1,
            title,
            id == "goals" ? 4 : 3,
            id == "goals" ? 2 : 3,
            priority,
            Horizon.ShortTerm,
            Horizon.ShortTerm,
            RoadmapItemStatus.Proposed,
            null,
            null,
            null,
            share,
            vitalFew),
        dimension == "strategy" ? "CX strategy" : "Voice of the customer",
        "Do this **first**.",
        "CX lead",
        [],
        null,
        null,
        null);

    // An item with the CX lead's edits applied, as the roadmap shows it after they were saved.
    private static RoadmapItemView Edited(RoadmapItemView item, RoadmapItemStatus status, string? owner = null, string? notes = null) =>
        item with { Item = item.Item with { Status = status, Owner = owner ?? item.Owner, Notes = notes ?? item.Notes } };
}
