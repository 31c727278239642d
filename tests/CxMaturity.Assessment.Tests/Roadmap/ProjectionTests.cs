using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Roadmap;
using static CxMaturity.Assessment.Tests.Roadmap.RoadmapTestModels;

namespace CxMaturity.Assessment.Tests.Roadmap;

/// <summary>RULES.md §6.9: the stage of each dimension after each horizon, counting accepted items only.</summary>
public sealed class ProjectionTests
{
    // S = 1.2 → stage 1, T = 5: voc-1-2 short, voc-2-3 medium, voc-3-4 and voc-4-5 long.
    private static readonly MaturityModel Model = new ModelBuilder()
        .WithDimension("voc").WithEveryTransition("voc")
        .WithDimension("data").WithEveryTransition("data")
        .Build();

    private static DimensionProjection ProjectVoc(params RoadmapItemEdit[] edits) =>
        RoadmapGenerator.Generate(Model, [Standing("voc", 1.2)], Targets(("voc", 5)), Edits(edits))
            .Projection.Single(p => p.DimensionId == "voc");

    private static (int?, int, int, int, int) Stages(DimensionProjection p) =>
        (p.Current, p.Target, p.AfterShort, p.AfterMedium, p.AfterLong);

    [Fact]
    public void Without_accepted_items_a_dimension_stays_at_its_current_stage()
    {
        Assert.Equal((1, 5, 1, 1, 1), Stages(ProjectVoc()));
    }

    [Fact]
    public void Accepted_items_move_a_dimension_by_horizon_and_proposed_ones_do_not()
    {
        // 1→2 (short) and 2→3 (medium) accepted; 3→4 and 4→5 (long) only proposed.
        var projection = ProjectVoc(Accept("voc-1-2"), Accept("voc-2-3"));

        Assert.Equal((1, 5, 2, 3, 3), Stages(projection));
    }

    [Fact]
    public void Every_horizon_includes_the_items_of_the_earlier_ones()
    {
        var projection = ProjectVoc(Accept("voc-1-2"), Accept("voc-2-3"), Accept("voc-3-4"), Accept("voc-4-5"));

        Assert.Equal((1, 5, 2, 3, 5), Stages(projection));
        Assert.Equal(5, projection.After(Horizon.LongTerm));
    }

    [Fact]
    public void A_transition_after_one_that_is_not_delivered_does_not_move_the_dimension()
    {
        // 2→3 is not accepted, so 3→4 and 4→5 cannot be reached: the dimension stops at 2.
        var projection = ProjectVoc(Accept("voc-1-2"), Accept("voc-3-4"), Accept("voc-4-5"));

        Assert.Equal((1, 5, 2, 2, 2), Stages(projection));
    }

    [Fact]
    public void An_item_moved_ahead_of_its_predecessor_counts_once_the_predecessor_is_delivered()
    {
        // 2→3 moved to short, 1→2 moved to medium: after short nothing is in sequence (still 1); after medium both.
        var projection = ProjectVoc(Accept("voc-2-3", Horizon.ShortTerm), Accept("voc-1-2", Horizon.MediumTerm));

        Assert.Equal((1, 5, 1, 3, 3), Stages(projection));
    }

    [Fact]
    public void Rejected_items_do_not_move_a_dimension()
    {
        var projection = ProjectVoc(Reject("voc-1-2"), Accept("voc-2-3"));

        Assert.Equal((1, 5, 1, 1, 1), Stages(projection));
    }

    [Fact]
    public void One_accepted_initiative_delivers_a_transition_that_has_several()
    {
        var model = new ModelBuilder()
            .WithDimension("voc")
            .WithInitiative("voc-loops", "voc", 2)
            .WithInitiative("voc-panel", "voc", 2)
            .Build();

        // S = 2.0 → T = 3; voc-loops accepted, voc-panel still proposed.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 2.0)], NoTargets, Edits(Accept("voc-loops")));

        Assert.Equal((2, 3, 3, 3, 3), Stages(Assert.Single(roadmap.Projection)));
    }

    [Fact]
    public void The_projection_covers_every_scored_dimension_in_model_order_including_those_without_items()
    {
        // data: S = 3.2 → stage 3, target 3: no items, stays at 3.
        var roadmap = RoadmapGenerator.Generate(
            Model,
            [Standing("data", 3.2), Standing("voc", 1.2)],
            Targets(("voc", 5), ("data", 3)),
            Edits(Accept("voc-1-2")));

        Assert.Equal(
            [("voc", 1, 5, 2, 2, 2), ("data", 3, 3, 3, 3, 3)],
            roadmap.Projection.Select(p => (p.DimensionId, p.Current, p.Target, p.AfterShort, p.AfterMedium, p.AfterLong)));
    }
}
