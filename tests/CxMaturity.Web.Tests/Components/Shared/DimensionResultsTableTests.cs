using Bunit;
using CxMaturity.Web.Components.Shared;

namespace CxMaturity.Web.Tests.Components.Shared;

public sealed class DimensionResultsTableTests : MudBunitContext
{
    [Fact]
    public void Shows_each_dimension_with_its_score_to_one_decimal_and_its_stage_name()
    {
        var result = TestModel.Result(
            [
                TestModel.Dimension("strategy", 3.04, 0.5, 4, lowConsensus: false),
                TestModel.Dimension("voc", 1.96, 0.8, 4, lowConsensus: false),
            ],
            overall: 2.5);

        var table = Render<DimensionResultsTable>(p => p.Add(c => c.Model, TestModel.Model).Add(c => c.Result, result));

        Assert.Equal("3.0", table.Find("[data-testid='score-strategy']").TextContent);
        Assert.Equal("3 · Definition", table.Find("[data-testid='stage-strategy']").TextContent);
        Assert.Equal("2.0", table.Find("[data-testid='score-voc']").TextContent);
        Assert.Equal("2 · Development", table.Find("[data-testid='stage-voc']").TextContent);
        Assert.Contains("CX strategy", table.Find("[data-testid='dimension-row-strategy']").TextContent);
        Assert.Contains("Voice of the customer", table.Find("[data-testid='dimension-row-voc']").TextContent);
    }

    [Fact]
    public void The_kpis_linked_to_a_dimension_show_under_its_title_and_only_there()
    {
        var result = TestModel.Result(
            [TestModel.Dimension("strategy", 3.0, 0.5, 4, lowConsensus: false), TestModel.Dimension("voc", 2.0, 0.8, 4, lowConsensus: false)],
            overall: 2.5);
        var linked = new Dictionary<string, IReadOnlyList<string>> { ["voc"] = ["Relationship NPS 25.5", "Support CSAT 80.0 %"] };

        var table = Render<DimensionResultsTable>(p => p.Add(c => c.Model, TestModel.Model).Add(c => c.Result, result).Add(c => c.LinkedKpis, linked));

        Assert.Equal("Outcome: Relationship NPS 25.5 · Support CSAT 80.0 %", table.Find("[data-testid='dimension-kpis-voc']").TextContent);
        Assert.Empty(table.FindAll("[data-testid='dimension-kpis-strategy']"));
    }

    [Theory]
    [InlineData(2.45, "2.45", "2 · Development")]
    [InlineData(2.55, "2.6", "3 · Definition")]
    [InlineData(2.449, "2.4", "2 · Development")]
    [InlineData(3.95, "4.0", "4 · Managed")]
    [InlineData(4.5, "4.5", "5 · Optimized")]
    [InlineData(1.05, "1.1", "1 · Initial")]
    public void Rounds_scores_half_away_from_zero_while_the_stage_follows_the_full_precision_score(double score, string shown, string stage)
    {
        var result = TestModel.Result([TestModel.Dimension("strategy", score, 0.2, 3, lowConsensus: false)], overall: score);

        var table = Render<DimensionResultsTable>(p => p.Add(c => c.Model, TestModel.Model).Add(c => c.Result, result));

        Assert.Equal(shown, table.Find("[data-testid='score-strategy']").TextContent);
        Assert.Equal(stage, table.Find("[data-testid='stage-strategy']").TextContent);
        Assert.Equal(shown, table.Find("[data-testid='overall-score']").TextContent);
    }

    [Fact]
    public void Flags_low_consensus_only_on_the_dimensions_that_have_it()
    {
        var result = TestModel.Result(
            [
                TestModel.Dimension("strategy", 3, 1.2, 5, lowConsensus: true),
                TestModel.Dimension("voc", 3, 0.4, 5, lowConsensus: false),
            ],
            overall: 3);

        var table = Render<DimensionResultsTable>(p => p.Add(c => c.Model, TestModel.Model).Add(c => c.Result, result));

        Assert.Equal("Low consensus", table.Find("[data-testid='low-consensus-strategy']").TextContent);
        Assert.Empty(table.FindAll("[data-testid='low-consensus-voc']"));
        Assert.Contains("1.2", table.Find("[data-testid='dimension-row-strategy']").TextContent);
    }

    [Fact]
    public void An_unanswered_dimension_shows_dashes()
    {
        var result = TestModel.Result(
            [
                TestModel.Dimension("strategy", 2, 0, 1, lowConsensus: false),
                TestModel.Dimension("voc", null, null, 0, lowConsensus: false),
            ],
            overall: 2);

        var table = Render<DimensionResultsTable>(p => p.Add(c => c.Model, TestModel.Model).Add(c => c.Result, result));

        Assert.Equal("–", table.Find("[data-testid='score-voc']").TextContent);
        Assert.Equal("–", table.Find("[data-testid='stage-voc']").TextContent);
    }

    [Fact]
    public void Shows_targets_and_the_foundation_stage_beside_the_overall()
    {
        var result = TestModel.Result(
            [
                TestModel.Dimension("strategy", 3.2, 0.3, 4, lowConsensus: false),
                TestModel.Dimension("voc", 1.4, 0.3, 4, lowConsensus: false),
            ],
            overall: 2.3);
        var targets = new Dictionary<string, int> { ["strategy"] = 4, ["voc"] = 3 };

        var table = Render<DimensionResultsTable>(p => p
            .Add(c => c.Model, TestModel.Model)
            .Add(c => c.Result, result)
            .Add(c => c.Targets, targets));

        Assert.Contains("4 · Managed", table.Find("[data-testid='dimension-row-strategy']").TextContent);
        Assert.Contains("3 · Definition", table.Find("[data-testid='dimension-row-voc']").TextContent);
        var overall = table.Find("[data-testid='overall-row']").TextContent;
        Assert.Contains("2.3", overall);
        Assert.Contains("2 · Development", overall);
        Assert.Contains("Foundation stage (weakest dimension): 1 · Initial", overall);
    }
}
