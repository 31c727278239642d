using Bunit;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Components.Shared;

namespace CxMaturity.Web.Tests.Components.Shared;

public sealed class PerceptionGapsTests : MudBunitContext
{
    [Fact]
    public void Shows_both_groups_the_signed_gap_and_flags_a_gap_of_one_or_more()
    {
        var result = TestModel.Result(
            [TestModel.Dimension("strategy", 3, 0.5, 4, lowConsensus: false), TestModel.Dimension("voc", 2, 0.5, 4, lowConsensus: false)],
            overall: 2.5) with
        {
            Groups =
            [
                new GroupDimensionResult("Executive", "strategy", new Statistics(2, 3.5, 3.5, 3.5, 3.5, 0), 4),
                new GroupDimensionResult("Executive", "voc", new Statistics(2, 1.75, 1.75, 1.75, 1.75, 0), 2),
                new GroupDimensionResult("Frontline", "strategy", new Statistics(2, 2.5, 2.5, 2.5, 2.5, 0), 3),
                new GroupDimensionResult("Frontline", "voc", new Statistics(2, 2.25, 2.25, 2.25, 2.25, 0), 2),
            ],
            PerceptionGaps =
            [
                new PerceptionGap("strategy", "Executive", "Frontline", 1.0, Flagged: true),
                new PerceptionGap("voc", "Executive", "Frontline", -0.5, Flagged: false),
            ],
        };

        var gaps = Render<PerceptionGaps>(p => p.Add(c => c.Model, TestModel.Model).Add(c => c.Result, result));

        var strategy = gaps.Find("[data-testid='gap-row-strategy']").Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["CX strategy", "3.5", "2.5", "+1.0"], strategy.Take(4));
        Assert.Equal("Perception gap", gaps.Find("[data-testid='gap-flag-strategy']").TextContent);
        var voc = gaps.Find("[data-testid='gap-row-voc']").Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Voice of the customer", "1.8", "2.3", "-0.5"], voc.Take(4));
        Assert.Empty(gaps.FindAll("[data-testid='gap-flag-voc']"));

        // The chart: on the 1–5 track Executive's 3.5 sits at 62.5 %, Frontline's 2.5 at 37.5 %, the line between
        // them from 37.5 % for 25 %; the flagged dimension marked.
        var chartRow = gaps.Find("[data-testid='gap-chart-strategy']");
        Assert.Contains("cx-dumbbell-row--flagged", chartRow.ClassName, StringComparison.Ordinal);
        Assert.Equal("left: 62.5%", chartRow.QuerySelector("[data-testid='gap-chart-a']")!.GetAttribute("style"));
        Assert.Equal("left: 37.5%", chartRow.QuerySelector("[data-testid='gap-chart-b']")!.GetAttribute("style"));
        Assert.Equal("left: 37.5%; width: 25%", chartRow.QuerySelector(".cx-dumbbell-link")!.GetAttribute("style"));
        Assert.Equal("CX strategy ⚑", chartRow.QuerySelector(".cx-dumbbell-label")!.TextContent);
        Assert.DoesNotContain("flagged", gaps.Find("[data-testid='gap-chart-voc']").ClassName, StringComparison.Ordinal);
        Assert.Contains("CX strategy Executive 3.5, Frontline 2.5, flagged",
            gaps.Find("[data-testid='perception-gap-chart'] [role='img']").GetAttribute("aria-label"), StringComparison.Ordinal);
    }
}
