using Bunit;
using CxMaturity.Web.Components.Shared;

namespace CxMaturity.Web.Tests.Components.Shared;

public sealed class RadarTableTests : BunitContext
{
    [Fact]
    public void Lists_each_axis_with_every_series_to_one_decimal_and_a_dash_where_undefined()
    {
        var table = Render<RadarTable>(p => p
            .Add(c => c.Axes, ["CX strategy", "Voice of the customer", "Culture"])
            .Add(c => c.Series,
            [
                new RadarSeries("Current", [2.54, null, 3.0]),
                new RadarSeries("Target", [4, 3, 4]),
            ]));

        var headers = table.FindAll("thead th").Select(h => h.TextContent).ToList();
        Assert.Equal(["Dimension", "Current", "Target"], headers);
        var rows = table.FindAll("tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent).ToList())
            .ToList();
        Assert.Equal(
            [
                ["CX strategy", "2.5", "4.0"],
                ["Voice of the customer", "–", "3.0"],
                ["Culture", "3.0", "4.0"],
            ],
            rows);
    }

    [Fact]
    public void A_series_shorter_than_the_axes_shows_dashes_for_the_missing_values()
    {
        var table = Render<RadarTable>(p => p
            .Add(c => c.Axes, ["A", "B"])
            .Add(c => c.Series, [new RadarSeries("Executive", [1.0])]));

        var cells = table.FindAll("tbody td").Select(c => c.TextContent).ToList();
        Assert.Equal(["1.0", "–"], cells);
    }
}
