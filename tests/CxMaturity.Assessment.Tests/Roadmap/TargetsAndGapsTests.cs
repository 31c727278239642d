using CxMaturity.Assessment.Roadmap;
using static CxMaturity.Assessment.Tests.Roadmap.RoadmapTestModels;

namespace CxMaturity.Assessment.Tests.Roadmap;

/// <summary>RULES.md §6.1–6.4 and §6.6: targets, gaps, required transitions and the computed horizons.</summary>
public sealed class TargetsAndGapsTests
{
    [Theory]
    [InlineData(1.0, 2)]  // stage 1 → 2
    [InlineData(2.49, 3)] // stage 2 → 3
    [InlineData(2.5, 4)]  // stage 3 → 4
    [InlineData(4.49, 5)] // stage 4 → 5
    [InlineData(4.5, 5)]  // stage 5 → min(5, 6) = 5
    [InlineData(5.0, 5)]
    public void Default_target_is_one_stage_above_the_stage_of_the_score_and_at_most_5(double score, int target)
    {
        Assert.Equal(target, RoadmapGenerator.DefaultTarget(score));
    }

    [Fact]
    public void Without_an_override_the_default_target_calls_for_the_next_transition_only()
    {
        var model = new ModelBuilder().WithDimension("voc").WithEveryTransition("voc").Build();

        // S = 2.3 → stage 2 → T = 3: only 2→3 is required.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 2.3)], NoTargets, NoEdits);

        Assert.Equal(3, roadmap.Targets["voc"]);
        var item = Assert.Single(roadmap.Items);
        Assert.Equal(("voc-2-3", 2, 3, Horizon.ShortTerm), (item.InitiativeId, item.From, item.To, item.Horizon));
    }

    [Fact]
    public void Gap_is_measured_in_score_units_not_stages()
    {
        var model = new ModelBuilder().WithDimension("voc").WithEveryTransition("voc").Build();

        // G = max(0, 3 − 2.3) = 0.7, although the stage gap is 3 − 2 = 1.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 2.3)], Targets(("voc", 3)), NoEdits);

        Assert.Equal(0.7, roadmap.Gaps["voc"], 12);
    }

    [Fact]
    public void A_dimension_already_at_its_target_has_no_items_and_a_gap_of_0()
    {
        var model = new ModelBuilder().WithDimension("voc").WithEveryTransition("voc").Build();

        // S = 3.2 → stage 3 = T: no transition required; G = max(0, 3 − 3.2) = 0.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 3.2)], Targets(("voc", 3)), NoEdits);

        Assert.Empty(roadmap.Items);
        Assert.Equal(0, roadmap.Gaps["voc"]);
        Assert.Equal(3, roadmap.Targets["voc"]);
        Assert.Equal(0, roadmap.TotalPriority);
    }

    [Fact]
    public void A_target_inside_the_current_stage_keeps_its_gap_but_calls_for_no_items()
    {
        var model = new ModelBuilder().WithDimension("voc").WithEveryTransition("voc").Build();

        // S = 2.6 → stage 3 = T: no transition; G = 3 − 2.6 = 0.4 all the same (rule 2 is in score units).
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 2.6)], Targets(("voc", 3)), NoEdits);

        Assert.Empty(roadmap.Items);
        Assert.Equal(0.4, roadmap.Gaps["voc"], 12);
    }

    [Fact]
    public void A_target_below_the_current_stage_calls_for_no_items_and_has_a_gap_of_0()
    {
        var model = new ModelBuilder().WithDimension("voc").WithEveryTransition("voc").Build();

        // S = 3.6 → stage 4, T = 2: G = max(0, 2 − 3.6) = 0.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 3.6)], Targets(("voc", 2)), NoEdits);

        Assert.Empty(roadmap.Items);
        Assert.Equal(0, roadmap.Gaps["voc"]);
        Assert.Equal(2, roadmap.Targets["voc"]);
    }

    [Fact]
    public void A_target_four_transitions_up_puts_the_first_short_the_second_medium_and_the_rest_long()
    {
        var model = new ModelBuilder().WithDimension("voc").WithEveryTransition("voc").Build();

        // S = 1.2 → stage 1, T = 5: transitions 1→2, 2→3, 3→4, 4→5; G = 5 − 1.2 = 3.8.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 1.2)], Targets(("voc", 5)), NoEdits);

        Assert.Equal(3.8, roadmap.Gaps["voc"], 12);
        Assert.Equal(
            [
                ("voc-1-2", Horizon.ShortTerm),
                ("voc-2-3", Horizon.MediumTerm),
                ("voc-3-4", Horizon.LongTerm),
                ("voc-4-5", Horizon.LongTerm),
            ],
            roadmap.Items.Select(i => (i.InitiativeId, i.ComputedHorizon)));
        Assert.All(roadmap.Items, i => Assert.Equal(i.ComputedHorizon, i.Horizon));
    }

    [Fact]
    public void Horizons_count_from_the_current_stage_not_from_stage_1()
    {
        var model = new ModelBuilder().WithDimension("voc").WithEveryTransition("voc").Build();

        // S = 3.0 → stage 3, T = 5: 3→4 is the first required transition (short), 4→5 the second (medium).
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 3.0)], Targets(("voc", 5)), NoEdits);

        Assert.Equal(
            [("voc-3-4", Horizon.ShortTerm), ("voc-4-5", Horizon.MediumTerm)],
            roadmap.Items.Select(i => (i.InitiativeId, i.Horizon)));
    }

    [Fact]
    public void Every_initiative_on_a_required_transition_becomes_an_item()
    {
        var model = new ModelBuilder()
            .WithDimension("voc")
            .WithInitiative("voc-loops", "voc", 2)
            .WithInitiative("voc-panel", "voc", 2)
            .WithInitiative("voc-basics", "voc", 1)
            .Build();

        // S = 2.0 → T = 3: both 2→3 initiatives, not the 1→2 one.
        var roadmap = RoadmapGenerator.Generate(model, [Standing("voc", 2.0)], NoTargets, NoEdits);

        Assert.Equal(["voc-loops", "voc-panel"], Ids(roadmap.Items));
    }

    [Fact]
    public void A_dimension_with_an_undefined_score_has_no_target_gap_items_or_projection()
    {
        var model = new ModelBuilder()
            .WithDimension("voc").WithEveryTransition("voc")
            .WithDimension("data").WithEveryTransition("data")
            .Build();

        var roadmap = RoadmapGenerator.Generate(
            model, [Standing("voc", null), Standing("data", 2.0)], Targets(("voc", 5)), NoEdits);

        Assert.Equal(["data-2-3"], Ids(roadmap.Items));
        Assert.False(roadmap.Targets.ContainsKey("voc"));
        Assert.False(roadmap.Gaps.ContainsKey("voc"));
        Assert.Equal(["data"], roadmap.Projection.Select(p => p.DimensionId));
    }

    [Fact]
    public void A_dimension_without_a_standing_is_out_of_scope()
    {
        var model = new ModelBuilder()
            .WithDimension("voc").WithEveryTransition("voc")
            .WithDimension("data").WithEveryTransition("data")
            .Build();

        var roadmap = RoadmapGenerator.Generate(model, [Standing("data", 1.0)], NoTargets, NoEdits);

        Assert.Equal(["data-1-2"], Ids(roadmap.Items));
        Assert.Equal(["data"], roadmap.Targets.Keys);
    }

    [Fact]
    public void Generate_refuses_a_standing_for_a_dimension_the_model_lacks()
    {
        var model = new ModelBuilder().WithDimension("voc").Build();

        var error = Assert.Throws<ArgumentException>(() =>
            RoadmapGenerator.Generate(model, [Standing("vox", 2.0)], NoTargets, NoEdits));

        Assert.StartsWith("The standing for 'vox' names no dimension of model 'test-model'.", error.Message);
    }

    [Fact]
    public void Generate_refuses_two_standings_for_one_dimension()
    {
        var model = new ModelBuilder().WithDimension("voc").Build();

        var error = Assert.Throws<ArgumentException>(() =>
            RoadmapGenerator.Generate(model, [Standing("voc", 2.0), Standing("voc", 3.0)], NoTargets, NoEdits));

        Assert.StartsWith("Dimension 'voc' has more than one standing.", error.Message);
    }

    [Fact]
    public void Generate_refuses_a_target_for_a_dimension_the_model_lacks()
    {
        var model = new ModelBuilder().WithDimension("voc").Build();

        var error = Assert.Throws<ArgumentException>(() =>
            RoadmapGenerator.Generate(model, [Standing("voc", 2.0)], Targets(("vox", 3)), NoEdits));

        Assert.StartsWith("The target for 'vox' names no dimension of model 'test-model'.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Generate_refuses_a_target_outside_1_to_5(int target)
    {
        var model = new ModelBuilder().WithDimension("voc").Build();

        var error = Assert.Throws<ArgumentException>(() =>
            RoadmapGenerator.Generate(model, [Standing("voc", 2.0)], Targets(("voc", target)), NoEdits));

        Assert.StartsWith($"The target for 'voc' is {target} but must be between 1 and 5.", error.Message);
    }

    [Theory]
    [InlineData(Horizon.ShortTerm, "Short term (0–6 months)")]
    [InlineData(Horizon.MediumTerm, "Medium term (6–12 months)")]
    [InlineData(Horizon.LongTerm, "Long term (12–24 months)")]
    public void Horizon_labels_name_the_lane_and_its_months(Horizon horizon, string label)
    {
        Assert.Equal(label, horizon.Label());
    }
}
