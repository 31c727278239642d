using Bunit;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Components.Pages.Results;
using CxMaturity.Web.Tests.Components;

namespace CxMaturity.Web.Tests.Components.Pages.Results;

public sealed class GroupStatisticsTests : MudBunitContext
{
    private static readonly RoundResult Result = TestModel.Result(
        [TestModel.Dimension("strategy", 3, 0.5, 4, lowConsensus: false), TestModel.Dimension("voc", 2, 0.5, 4, lowConsensus: false)],
        overall: 2.5) with
    {
        Groups =
        [
            new GroupDimensionResult("Executive", "strategy", new Statistics(3, 3.5, 3.25, 2.5, 4.75, 0.9), 4),
            new GroupDimensionResult("Executive", "voc", new Statistics(3, 1.75, 1.75, 1.5, 2.0, 0.2), 2),
            new GroupDimensionResult("Frontline", "strategy", new Statistics(4, 2.5, 2.5, 2.0, 3.0, 1.0), 3),
            new GroupDimensionResult("Frontline", "voc", new Statistics(4, 2.25, 2.25, 2.0, 2.5, 0.25), 2),
            new GroupDimensionResult("Management", "strategy", Statistics.Empty, null, Withheld: true),
            new GroupDimensionResult("Management", "voc", Statistics.Empty, null, Withheld: true),
        ],
    };

    [Fact]
    public void Shows_every_statistic_of_the_chosen_group_and_names_the_withheld_ones()
    {
        var table = Render<GroupStatistics>(p => p.Add(c => c.Model, TestModel.Model).Add(c => c.Result, Result));

        Assert.Equal(["Executive", "Frontline"], table.FindAll("[data-testid='statistics-group'] option").Select(o => o.TextContent));
        var strategy = table.Find("[data-testid='group-statistics-strategy']").Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["CX strategy", "3", "3.5", "4 · Managed", "3.3", "2.5", "4.8", "0.9"], strategy);
        Assert.Equal("Not shown, with fewer than 3 counted respondents: Management.", table.Find("[data-testid='group-statistics-withheld']").TextContent);

        table.Find("[data-testid='statistics-group']").Change("Frontline");

        Assert.Equal(["2.5", "2.3"], table.FindAll("[data-testid='group-mean']").Select(c => c.TextContent));
    }
}
