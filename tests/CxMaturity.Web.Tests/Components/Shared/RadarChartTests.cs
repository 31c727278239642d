using Bunit;
using CxMaturity.Web.Components.Shared;

namespace CxMaturity.Web.Tests.Components.Shared;

public sealed class RadarChartTests : MudBunitContext
{
    [Fact]
    public void Draws_the_chart_with_a_text_alternative_and_the_same_figures_as_a_table()
    {
        var chart = Render<RadarChart>(p => p
            .Add(c => c.Title, "Current and target")
            .Add(c => c.TestId, "radar")
            .Add(c => c.Axes, ["CX strategy", "Voice of the customer", "Culture"])
            .Add(c => c.Series, [new RadarSeries("Current", [2.0, 3.0, 1.5]), new RadarSeries("Target", [3, 4, 3])]));

        Assert.NotEmpty(chart.FindAll("[role=img] svg"));
        Assert.StartsWith("Current and target: radar chart of Current, Target over 3 dimensions", chart.Find("[role=img]").GetAttribute("aria-label"));
        Assert.Equal(3, chart.FindAll("[data-testid='radar-table'] tbody tr").Count);
        Assert.Equal("Show the figures as a table", chart.Find("details summary").TextContent);
    }

    [Fact]
    public void Draws_a_polygon_per_series_and_names_each_point_in_a_tooltip()
    {
        var chart = Render<RadarChart>(p => p
            .Add(c => c.Axes, ["CX strategy", "Voice of the customer", "Culture"])
            .Add(c => c.Series, [new RadarSeries("Current", [5.0, 2.45, null]), new RadarSeries("Target", [3, 4, 3])]));

        Assert.Equal(2, chart.FindAll("polygon.cx-radar-series").Count);
        var titles = chart.FindAll("circle title").Select(t => t.TextContent).ToList();
        Assert.Equal(
            [
                "Current · CX strategy: 5.0", "Current · Voice of the customer: 2.45",
                "Target · CX strategy: 3.0", "Target · Voice of the customer: 4.0", "Target · Culture: 3.0",
            ],
            titles);

        // The first axis points straight up from the centre (310, 235); a 5 sits on the outer ring, radius 160.
        var top = chart.FindAll("circle")[0];
        Assert.Equal("310", top.GetAttribute("cx"));
        Assert.Equal("75", top.GetAttribute("cy"));
    }

    [Fact]
    public void A_dimension_nobody_answered_is_left_out_of_the_shape_and_the_chart_says_why()
    {
        var chart = Render<RadarChart>(p => p
            .Add(c => c.TestId, "radar")
            .Add(c => c.Axes, ["CX strategy", "Voice of the customer", "Culture", "Data"])
            .Add(c => c.Series, [new RadarSeries("Current", [5.0, null, 2.0, null]), new RadarSeries("Target", [3, 4, 3, 3])]));

        // Current joins only its two answered axes (top, and bottom at 2 of 5: y = 235 + 64); it never dips to 0.
        var current = chart.FindAll("polygon.cx-radar-series")[0].GetAttribute("points")!.Split(' ');
        Assert.Equal(["310,75", "310,299"], current);
        Assert.Equal(4, chart.FindAll("polygon.cx-radar-series")[1].GetAttribute("points")!.Split(' ').Length);
        Assert.Equal(
            "Current has no answers yet on Voice of the customer and Data, so those are left out of its shape rather than drawn as 0.",
            chart.Find("[data-testid='radar-missing']").TextContent.Trim());
    }

    [Fact]
    public void Wraps_long_dimension_names_over_several_lines()
    {
        var chart = Render<RadarChart>(p => p
            .Add(c => c.Axes, ["Culture, people and employee experience", "Data", "Value"])
            .Add(c => c.Series, [new RadarSeries("Current", [1.0, 2.0, 3.0])]));

        var lines = chart.FindAll("text.cx-radar-label")[0].QuerySelectorAll("tspan").Select(t => t.TextContent).ToList();
        Assert.Equal(["Culture, people", "and employee", "experience"], lines);
    }

    [Fact]
    public void With_fewer_than_three_dimensions_shows_only_the_table()
    {
        var chart = Render<RadarChart>(p => p
            .Add(c => c.TestId, "radar")
            .Add(c => c.Axes, ["CX strategy", "Culture"])
            .Add(c => c.Series, [new RadarSeries("Current", [2.0, 3.0])]));

        Assert.Empty(chart.FindAll("svg"));
        Assert.Empty(chart.FindAll("details"));
        Assert.Equal(2, chart.FindAll("[data-testid='radar-table'] tbody tr").Count);
    }
}
