using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Roadmap;
using static CxMaturity.Assessment.Tests.Roadmap.RoadmapTestModels;

namespace CxMaturity.Assessment.Tests.Roadmap;

/// <summary>RULES.md §6.10: regenerating keeps the edits of items that still apply and reports the changes.</summary>
public sealed class RegenerationTests
{
    private static readonly MaturityModel Model = new ModelBuilder()
        .WithDimension("voc").WithEveryTransition("voc")
        .WithDimension("cust").WithEveryTransition("cust")
        .Build();

    // voc: S = 1.2 → stage 1; cust: S = 2.0 → stage 2. Impact = effort, so every priority is the gap.
    private static readonly DimensionStanding[] Standings = [Standing("voc", 1.2), Standing("cust", 2.0)];

    private static readonly IReadOnlyDictionary<string, RoadmapItemEdit> LeadEdits = Edits(
        new RoadmapItemEdit("voc-1-2", RoadmapItemStatus.Accepted, null, "Ana", null, "P-1"),
        new RoadmapItemEdit("voc-4-5", RoadmapItemStatus.Rejected, Horizon.MediumTerm, null, "Later", null));

    [Fact]
    public void Compare_after_a_target_change_reports_added_dropped_and_kept_items()
    {
        // Before: voc T = 5 → voc-1-2 … voc-4-5; cust default T = 3 → cust-2-3.
        var before = RoadmapGenerator.Generate(Model, Standings, Targets(("voc", 5)), LeadEdits);
        // After: voc T = 3 (G = 1.8) → voc-1-2 short, voc-2-3 medium; cust T = 4 (G = 2) → cust-2-3 short,
        // cust-3-4 medium. Each lane: cust (2) before voc (1.8).
        var after = RoadmapGenerator.Generate(Model, Standings, Targets(("voc", 3), ("cust", 4)), LeadEdits);

        var changes = RoadmapGenerator.Compare(before, after);

        Assert.Equal(["cust-2-3", "voc-1-2", "cust-3-4", "voc-2-3"], Ids(after.Items));
        Assert.Equal(["cust-3-4"], changes.Added);
        // In the old order: voc-1-2, cust-2-3 short; voc-2-3 and voc-4-5 (moved) medium; voc-3-4 long.
        Assert.Equal(["voc-4-5", "voc-3-4"], changes.Dropped);
        Assert.Equal(["cust-2-3", "voc-1-2", "voc-2-3"], changes.Kept);
    }

    [Fact]
    public void A_kept_item_keeps_its_edits_after_a_target_change()
    {
        var after = RoadmapGenerator.Generate(Model, Standings, Targets(("voc", 3), ("cust", 4)), LeadEdits);

        var kept = after.Items.Single(i => i.InitiativeId == "voc-1-2");
        Assert.Equal((RoadmapItemStatus.Accepted, "Ana", "P-1"), (kept.Status, kept.Owner, kept.ProjectId));
        // Its priority follows the new gap: 3 − 1.2 = 1.8.
        Assert.Equal(1.8, kept.Priority, 12);
    }

    [Fact]
    public void The_edit_of_a_dropped_item_applies_again_when_the_item_returns()
    {
        var lowered = RoadmapGenerator.Generate(Model, Standings, Targets(("voc", 3)), LeadEdits);
        var raised = RoadmapGenerator.Generate(Model, Standings, Targets(("voc", 5)), LeadEdits);

        Assert.DoesNotContain("voc-4-5", Ids(lowered.Items));
        var returned = raised.Items.Single(i => i.InitiativeId == "voc-4-5");
        Assert.Equal(
            (RoadmapItemStatus.Rejected, Horizon.MediumTerm, Horizon.LongTerm, "Later"),
            (returned.Status, returned.Horizon, returned.ComputedHorizon, returned.Notes));
        Assert.Equal(["voc-4-5"], RoadmapGenerator.Compare(lowered, raised).Added.Where(id => id == "voc-4-5"));
    }

    [Fact]
    public void Comparing_a_roadmap_with_itself_keeps_every_item()
    {
        var roadmap = RoadmapGenerator.Generate(Model, Standings, NoTargets, NoEdits);

        var changes = RoadmapGenerator.Compare(roadmap, roadmap);

        Assert.Empty(changes.Added);
        Assert.Empty(changes.Dropped);
        Assert.Equal(Ids(roadmap.Items), changes.Kept);
    }

    [Fact]
    public void New_answers_that_lift_a_dimension_drop_the_transitions_it_has_passed()
    {
        var before = RoadmapGenerator.Generate(Model, Standings, Targets(("voc", 4)), LeadEdits);
        // voc now scores 2.6 → stage 3: only 3→4 is required (short, G = 4 − 2.6 = 1.4); 1→2 and 2→3 drop out.
        // cust-2-3 (short, G = 1) now follows voc-3-4.
        var after = RoadmapGenerator.Generate(
            Model, [Standing("voc", 2.6), Standing("cust", 2.0)], Targets(("voc", 4)), LeadEdits);

        var changes = RoadmapGenerator.Compare(before, after);

        Assert.Empty(changes.Added);
        Assert.Equal(["voc-1-2", "voc-2-3"], changes.Dropped);
        Assert.Equal(["voc-3-4", "cust-2-3"], changes.Kept);
        Assert.Equal(Horizon.ShortTerm, after.Items.Single(i => i.InitiativeId == "voc-3-4").Horizon);
    }
}
