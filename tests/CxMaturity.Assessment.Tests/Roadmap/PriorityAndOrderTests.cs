using CxMaturity.Assessment.Roadmap;
using static CxMaturity.Assessment.Tests.Roadmap.RoadmapTestModels;

namespace CxMaturity.Assessment.Tests.Roadmap;

/// <summary>RULES.md §6.5, §6.7 and §6.10: priority, roadmap order and the CX lead's edits.</summary>
public sealed class PriorityAndOrderTests
{
    [Fact]
    public void Priority_multiplies_weight_importance_over_3_gap_and_impact_over_effort()
    {
        var model = new ModelBuilder()
            .WithDimension("voc", weight: 2)
            .WithInitiative("voc-loops", "voc", 2, impact: 4, effort: 2)
            .Build();

        // W = 2, I = 4.5, S = 2.3 → T = 3, G = 0.7: 2 × (4.5 ÷ 3) × 0.7 × 4 ÷ 2 = 2 × 1.5 × 0.7 × 2 = 4.2.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 2.3, importance: 4.5)], NoTargets, NoEdits);

        Assert.Equal(4.2, Assert.Single(roadmap.Items).Priority, 12);
    }

    [Theory]
    [InlineData(1.5, 1.5)] // 1 × (1.5 ÷ 3) × 1 × 3 ÷ 1 = 1.5
    [InlineData(3.0, 3.0)] // neutral importance: factor 1
    [InlineData(4.5, 4.5)] // 1 × 1.5 × 1 × 3 = 4.5
    public void Importance_scales_priority_around_the_neutral_rating_of_3(double importance, double priority)
    {
        var model = new ModelBuilder()
            .WithDimension("voc")
            .WithInitiative("voc-loops", "voc", 2, impact: 3, effort: 1)
            .Build();

        // W = 1, S = 2.0 → T = 3, G = 1.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 2.0, importance)], NoTargets, NoEdits);

        Assert.Equal(priority, Assert.Single(roadmap.Items).Priority, 12);
    }

    [Fact]
    public void Priority_keeps_full_precision()
    {
        var model = new ModelBuilder()
            .WithDimension("voc")
            .WithInitiative("voc-loops", "voc", 2, impact: 1, effort: 3)
            .Build();

        // 1 × 1 × 1 × 1 ÷ 3 = 0.333…, not 0.33.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 2.0)], NoTargets, NoEdits);

        Assert.Equal(1.0 / 3, Assert.Single(roadmap.Items).Priority);
    }

    [Fact]
    public void Horizon_comes_before_priority_in_roadmap_order()
    {
        var model = new ModelBuilder()
            .WithDimension("voc")
            .WithInitiative("voc-small", "voc", 1, impact: 1, effort: 5)
            .WithInitiative("voc-big", "voc", 2, impact: 5, effort: 1)
            .Build();

        // S = 1.0, T = 3, G = 2: voc-small (1→2, short) 2 × 1 ÷ 5 = 0.4; voc-big (2→3, medium) 2 × 5 ÷ 1 = 10.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 1.0)], Targets(("voc", 3)), NoEdits);

        Assert.Equal(
            [("voc-small", Horizon.ShortTerm, 0.4), ("voc-big", Horizon.MediumTerm, 10.0)],
            roadmap.Items.Select(i => (i.InitiativeId, i.Horizon, Math.Round(i.Priority, 12))));
    }

    [Fact]
    public void Within_a_horizon_higher_priority_comes_first()
    {
        var model = new ModelBuilder()
            .WithDimension("voc").WithInitiative("voc-a", "voc", 2, impact: 2, effort: 2)
            .WithDimension("data").WithInitiative("data-a", "data", 3, impact: 2, effort: 2)
            .Build();

        // voc: S = 2.0, G = 1 → 1; data (order 2): S = 3.0, T = 5, G = 2 → 2, so data first.
        var roadmap = RoadmapGenerator.Generate(
            model, [Standing("voc", 2.0), Standing("data", 3.0)], Targets(("data", 5)), NoEdits);

        Assert.Equal(["data-a", "voc-a"], Ids(roadmap.Items));
    }

    [Fact]
    public void Equal_priorities_are_ordered_by_dimension_order_then_initiative_id_ordinally()
    {
        // "alpha" is listed first but has order 2; "zeta" has order 1.
        var model = new ModelBuilder()
            .WithDimension("alpha", order: 2).WithInitiative("alpha-a", "alpha", 2)
            .WithDimension("zeta", order: 1).WithInitiative("zeta-b", "zeta", 2).WithInitiative("zeta-B", "zeta", 2)
            .Build();

        // Both S = 2.0 → G = 1, impact = effort: every priority is 1. Ordinal: "zeta-B" < "zeta-b" ('B' < 'b').
        var roadmap = RoadmapGenerator.Generate(
            model, [Standing("alpha", 2.0), Standing("zeta", 2.0)], NoTargets, NoEdits);

        Assert.All(roadmap.Items, i => Assert.Equal(1.0, i.Priority));
        Assert.Equal(["zeta-B", "zeta-b", "alpha-a"], Ids(roadmap.Items));
        Assert.Equal(["zeta-B", "zeta-b", "alpha-a"], Ids(roadmap.ParetoItems));
    }

    [Fact]
    public void A_horizon_override_moves_an_item_into_another_lane_and_keeps_the_computed_one()
    {
        var model = new ModelBuilder()
            .WithDimension("voc")
            .WithInitiative("voc-1-2", "voc", 1)
            .WithInitiative("voc-2-3", "voc", 2)
            .WithInitiative("voc-3-4", "voc", 3, impact: 5, effort: 1)
            .WithInitiative("voc-4-5", "voc", 4)
            .Build();

        // S = 1.2, T = 5, G = 3.8: voc-3-4 (long) 3.8 × 5 = 19, the others 3.8 × 3 ÷ 3 = 3.8.
        // Moved to short, voc-3-4 leads the short lane by priority.
        var roadmap = RoadmapGenerator.Generate(
            model, [Standing("voc", 1.2)], Targets(("voc", 5)), Edits(Move("voc-3-4", Horizon.ShortTerm)));

        Assert.Equal(["voc-3-4", "voc-1-2", "voc-2-3", "voc-4-5"], Ids(roadmap.Items));
        var moved = roadmap.Items[0];
        Assert.Equal((Horizon.ShortTerm, Horizon.LongTerm), (moved.Horizon, moved.ComputedHorizon));
        Assert.Equal(["voc-3-4", "voc-1-2"], Ids(roadmap.InHorizon(Horizon.ShortTerm)));
        Assert.Equal(["voc-4-5"], Ids(roadmap.InHorizon(Horizon.LongTerm)));
    }

    [Fact]
    public void Edits_set_status_owner_notes_and_project_and_unedited_items_are_proposed()
    {
        var model = new ModelBuilder().WithDimension("voc").WithEveryTransition("voc").Build();
        var edit = new RoadmapItemEdit("voc-1-2", RoadmapItemStatus.Accepted, null, "Ana", "Start with the call centre", "P-7");

        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 1.0)], Targets(("voc", 3)), Edits(edit));

        var edited = roadmap.Items.Single(i => i.InitiativeId == "voc-1-2");
        Assert.Equal(
            (RoadmapItemStatus.Accepted, "Ana", "Start with the call centre", "P-7"),
            (edited.Status, edited.Owner, edited.Notes, edited.ProjectId));
        var untouched = roadmap.Items.Single(i => i.InitiativeId == "voc-2-3");
        Assert.Equal(
            (RoadmapItemStatus.Proposed, (string?)null, (string?)null, (string?)null),
            (untouched.Status, untouched.Owner, untouched.Notes, untouched.ProjectId));
    }

    [Fact]
    public void An_item_carries_its_initiative()
    {
        var model = new ModelBuilder()
            .WithDimension("voc")
            .WithInitiative("voc-loops", "voc", 2, impact: 4, effort: 2)
            .Build();

        var item = Assert.Single(RoadmapGenerator.Generate(model, [Standing("voc", 2.0)], NoTargets, NoEdits).Items);

        Assert.Equal(
            ("voc-loops", "voc", 2, 3, "Initiative voc-loops", 4, 2),
            (item.InitiativeId, item.DimensionId, item.From, item.To, item.Title, item.Impact, item.Effort));
    }

    [Fact]
    public void Generate_refuses_an_edit_filed_under_another_initiative()
    {
        var model = new ModelBuilder().WithDimension("voc").WithEveryTransition("voc").Build();
        var edits = new Dictionary<string, RoadmapItemEdit> { ["voc-1-2"] = Accept("voc-2-3") };

        var error = Assert.Throws<ArgumentException>(() =>
            RoadmapGenerator.Generate(model, [Standing("voc", 1.0)], NoTargets, edits));

        Assert.StartsWith("The edit filed under 'voc-1-2' is for initiative 'voc-2-3'.", error.Message);
    }
}
