using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Roadmap;
using static CxMaturity.Assessment.Tests.Roadmap.RoadmapTestModels;

namespace CxMaturity.Assessment.Tests.Roadmap;

/// <summary>RULES.md §6.8: cumulative shares and the vital few, with rejected items left out.</summary>
public sealed class ParetoTests
{
    // One dimension, S = 2.0 → T = 3, G = 1, W = 1, I = 3: each priority is impact ÷ effort.
    // p-a 4, p-b 3, p-c 1, p-d 1, p-e 1; total 10.
    private static readonly MaturityModel FivePriorities = new ModelBuilder()
        .WithDimension("voc")
        .WithInitiative("p-a", "voc", 2, impact: 4, effort: 1)
        .WithInitiative("p-b", "voc", 2, impact: 3, effort: 1)
        .WithInitiative("p-c", "voc", 2, impact: 1, effort: 1)
        .WithInitiative("p-d", "voc", 2, impact: 1, effort: 1)
        .WithInitiative("p-e", "voc", 2, impact: 1, effort: 1)
        .Build();

    [Fact]
    public void The_vital_few_end_with_the_item_that_reaches_exactly_80_percent()
    {
        var roadmap = RoadmapGenerator.Generate(FivePriorities, [Standing("voc", 2.0)], NoTargets, NoEdits);

        // Cumulative 4, 7, 8, 9, 10 of 10: 0.4, 0.7, 0.8 (reached: p-c is the last of the vital few), 0.9, 1.
        Assert.Equal(10, roadmap.TotalPriority, 12);
        Assert.Equal(
            [("p-a", 0.4, true), ("p-b", 0.7, true), ("p-c", 0.8, true), ("p-d", 0.9, false), ("p-e", 1.0, false)],
            roadmap.ParetoItems.Select(i => (i.InitiativeId, Math.Round(i.ParetoShare, 12), i.VitalFew)));
    }

    [Fact]
    public void A_share_of_80_percent_that_floating_point_puts_just_below_still_reaches_the_vital_few()
    {
        var model = new ModelBuilder()
            .WithDimension("voc", weight: 0.3)
            .WithInitiative("p-1", "voc", 2, impact: 4, effort: 1)
            .WithInitiative("p-2", "voc", 2, impact: 4, effort: 1)
            .WithInitiative("p-3", "voc", 2, impact: 4, effort: 1)
            .WithInitiative("p-4", "voc", 2, impact: 4, effort: 1)
            .WithInitiative("p-5", "voc", 2, impact: 4, effort: 1)
            .Build();

        // S = 2.3 → G = 0.7; each priority 0.3 × 1 × 0.7 × 4 = 0.84, five equal ones: four make 80 %, which the
        // doubles compute as 0.7999999999999999.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 2.3)], NoTargets, NoEdits);

        var fourth = roadmap.ParetoItems[3];
        Assert.True(fourth.ParetoShare < 0.8, "the test needs a share that floating point puts below 0.8");
        Assert.Equal(0.8, fourth.ParetoShare, 12);
        Assert.Equal([true, true, true, true, false], roadmap.ParetoItems.Select(i => i.VitalFew));
        Assert.Equal(1.0, roadmap.ParetoItems[4].ParetoShare);
    }

    [Fact]
    public void One_item_holding_more_than_80_percent_is_the_only_vital_one()
    {
        var model = new ModelBuilder()
            .WithDimension("voc")
            .WithInitiative("p-big", "voc", 2, impact: 5, effort: 1)
            .WithInitiative("p-small", "voc", 2, impact: 1, effort: 1)
            .Build();

        // 5 and 1 of 6: 0.8333…, 1.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 2.0)], NoTargets, NoEdits);

        Assert.Equal([("p-big", true), ("p-small", false)], roadmap.ParetoItems.Select(i => (i.InitiativeId, i.VitalFew)));
        Assert.Equal(5.0 / 6, roadmap.ParetoItems[0].ParetoShare, 12);
    }

    [Fact]
    public void Pareto_order_is_by_priority_whatever_the_horizon()
    {
        var model = new ModelBuilder()
            .WithDimension("voc")
            .WithInitiative("voc-short", "voc", 1, impact: 1, effort: 1)
            .WithInitiative("voc-medium", "voc", 2, impact: 4, effort: 1)
            .Build();

        // S = 1.0, T = 3, G = 2: voc-short 2 (short lane), voc-medium 8 (medium lane); total 10.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 1.0)], Targets(("voc", 3)), NoEdits);

        Assert.Equal(["voc-short", "voc-medium"], Ids(roadmap.Items));
        Assert.Equal(
            [("voc-medium", 0.8, true), ("voc-short", 1.0, false)],
            roadmap.ParetoItems.Select(i => (i.InitiativeId, Math.Round(i.ParetoShare, 12), i.VitalFew)));
    }

    [Fact]
    public void Rejected_items_stay_listed_but_leave_the_pareto_analysis()
    {
        var roadmap = RoadmapGenerator.Generate(
            FivePriorities, [Standing("voc", 2.0)], NoTargets, Edits(Reject("p-b")));

        // Without p-b (3): total 7; p-a 4/7 = 0.571, p-c 5/7 = 0.714, p-d 6/7 = 0.857 (reaches 80 %), p-e 1.
        Assert.Equal(7, roadmap.TotalPriority, 12);
        Assert.Equal(
            [
                ("p-a", Math.Round(4.0 / 7, 12), true),
                ("p-c", Math.Round(5.0 / 7, 12), true),
                ("p-d", Math.Round(6.0 / 7, 12), true),
                ("p-e", 1.0, false),
            ],
            roadmap.ParetoItems.Select(i => (i.InitiativeId, Math.Round(i.ParetoShare, 12), i.VitalFew)));
        var rejected = roadmap.Items.Single(i => i.InitiativeId == "p-b");
        Assert.Equal((RoadmapItemStatus.Rejected, 0.0, false), (rejected.Status, rejected.ParetoShare, rejected.VitalFew));
        Assert.Equal(3, rejected.Priority, 12);
        Assert.Equal(5, roadmap.Items.Count);
    }

    [Fact]
    public void With_a_total_priority_of_0_every_share_is_0_and_there_are_no_vital_few()
    {
        var model = new ModelBuilder()
            .WithDimension("voc", weight: 0)
            .WithEveryTransition("voc")
            .Build();

        // W = 0: every priority is 0.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 1.0)], Targets(("voc", 5)), NoEdits);

        Assert.Equal(4, roadmap.ParetoItems.Count);
        Assert.Equal(0, roadmap.TotalPriority);
        Assert.All(roadmap.Items, i => Assert.Equal((0.0, false), (i.ParetoShare, i.VitalFew)));
    }

    [Fact]
    public void When_every_item_is_rejected_the_total_is_0_and_the_pareto_list_is_empty()
    {
        var model = new ModelBuilder().WithDimension("voc").WithInitiative("voc-a", "voc", 2).Build();

        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 2.0)], NoTargets, Edits(Reject("voc-a")));

        Assert.Equal(0, roadmap.TotalPriority);
        Assert.Empty(roadmap.ParetoItems);
        Assert.Equal((0.0, false), (roadmap.Items[0].ParetoShare, roadmap.Items[0].VitalFew));
    }

    // Rule 13 with rules 7 and 8: W = 1.1, S = 1.7 (stage 2, target 3, G = 1.3), I = 3 give a factor of 1.43;
    // impact/effort 4/4 and 3/3 are both 1.43 on paper, but the doubles give 1.4300000000000002 and
    // 1.4300000000000004. Equal to within 1e-9, they tie and fall back on the initiative id; 1/2 gives 0.715.
    [Fact]
    public void Priorities_equal_on_paper_tie_on_the_initiative_id_whatever_their_last_bits()
    {
        var model = new ModelBuilder()
            .WithDimension("voc", weight: 1.1)
            .WithInitiative("voc-a", "voc", 2, impact: 4, effort: 4)
            .WithInitiative("voc-b", "voc", 2, impact: 3, effort: 3)
            .WithInitiative("voc-c", "voc", 2, impact: 1, effort: 2)
            .Build();

        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 1.7)], NoTargets, NoEdits);

        var byId = roadmap.Items.ToDictionary(i => i.InitiativeId);
        Assert.True(byId["voc-b"].Priority > byId["voc-a"].Priority, "the test needs 3/3 to come out above 4/4 in binary");
        Assert.Equal(["voc-a", "voc-b", "voc-c"], Ids(roadmap.Items));
        // Cumulative 1.43, 2.86, 3.575 of 3.575: 40 %, 80 % (the vital few end here), 100 %.
        Assert.Equal(
            [("voc-a", 0.4, true), ("voc-b", 0.8, true), ("voc-c", 1.0, false)],
            roadmap.ParetoItems.Select(i => (i.InitiativeId, Math.Round(i.ParetoShare, 12), i.VitalFew)));
    }

    [Fact]
    public void Priorities_equal_on_paper_in_two_dimensions_tie_on_the_dimension_order()
    {
        // The same figures in two dimensions: "later" (order 2) computes 3/3 just above "earlier"'s 4/4.
        var model = new ModelBuilder()
            .WithDimension("later", weight: 1.1, order: 2)
            .WithDimension("earlier", weight: 1.1, order: 1)
            .WithInitiative("a-later", "later", 2, impact: 3, effort: 3)
            .WithInitiative("z-earlier", "earlier", 2, impact: 4, effort: 4)
            .Build();

        var roadmap = RoadmapGenerator.Generate(model, [Standing("later", 1.7), Standing("earlier", 1.7)], NoTargets, NoEdits);

        Assert.Equal(["z-earlier", "a-later"], Ids(roadmap.Items));
        Assert.Equal(["z-earlier", "a-later"], Ids(roadmap.ParetoItems));
        Assert.Equal([true, true], roadmap.ParetoItems.Select(i => i.VitalFew));
    }
}
