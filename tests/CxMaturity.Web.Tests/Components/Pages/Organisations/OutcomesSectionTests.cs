using Bunit;
using CxMaturity.Web.Components.Pages.Organisations;
using CxMaturity.Web.Features.Dashboard;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Tests.Components;

namespace CxMaturity.Web.Tests.Components.Pages.Organisations;

public sealed class OutcomesSectionTests : MudBunitContext
{
    [Fact]
    public void Each_dimension_with_a_linked_kpi_is_set_beside_it_round_by_round()
    {
        var trend = new TrendView(1, "cx-maturity",
        [
            Round(1, "Pilot", new DateTime(2026, 1, 31), 1.8),
            Round(2, "Baseline", new DateTime(2026, 6, 30), 2.6),
            new TrendRoundView(3, "Follow-up", RoundStatus.Open, null, "cx-maturity", "1.0", null, new Dictionary<string, double>(), false, false),
        ],
        [new DimensionTitleView("voc", "Voice of the customer"), new DimensionTitleView("strategy", "CX strategy")]);
        var nps = Kpi("NPS", ["voc"], (new DateOnly(2026, 1, 15), 10), (new DateOnly(2026, 6, 1), 22), (new DateOnly(2026, 9, 1), 30));
        var kpis = new KpiListView(1, "Org", OrganisationRole.Owner, [nps, Kpi("Churn", [])], [], [], [], []);

        var section = Render<OutcomesSection>(p => p.Add(c => c.Trend, trend).Add(c => c.Kpis, kpis));

        Assert.Equal(["Voice of the customer with NPS"], section.FindAll("[data-testid='outcome-pair'] option").Select(o => o.TextContent));
        // Each closed round beside the KPI's latest measurement on or before it closed; the open round is not on the line.
        Assert.Equal(
            [["Pilot", "31 Jan 2026", "1.8", "10"], ["Baseline", "30 Jun 2026", "2.6", "22"]],
            section.FindAll("[data-testid='outcomes-table'] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()));
        Assert.Equal(2, section.FindAll("circle.cx-trend-point").Count);
    }

    [Fact]
    public void Nothing_shows_when_no_kpi_is_linked_to_a_dimension()
    {
        var trend = new TrendView(1, "cx-maturity", [Round(1, "Pilot", new DateTime(2026, 1, 31), 1.8)], [new DimensionTitleView("voc", "Voice of the customer")]);
        var kpis = new KpiListView(1, "Org", OrganisationRole.Owner, [Kpi("Churn", [])], [], [], [], []);

        var section = Render<OutcomesSection>(p => p.Add(c => c.Trend, trend).Add(c => c.Kpis, kpis));

        Assert.Empty(section.FindAll("[data-testid='outcomes']"));
    }

    private static TrendRoundView Round(int id, string name, DateTime closed, double voc) =>
        new(id, name, RoundStatus.Closed, closed, "cx-maturity", "1.0", voc, new Dictionary<string, double> { ["voc"] = voc, ["strategy"] = 3 }, true, false);

    private static KpiView Kpi(string name, IReadOnlyList<string> dimensions, params (DateOnly Date, double Value)[] measurements) =>
        new(1, name, KpiKind.Nps, "points", KpiDirection.HigherIsBetter, null, null, MeasurementFrequency.Monthly, dimensions, null, null, null,
            KpiStatus.NoTarget, KpiTrend.None, new DateOnly(2026, 10, 1), false, Guid.Empty,
            [.. measurements.Select((m, i) => new MeasurementView(i, m.Date, m.Value, null, null, false, "", ""))]);
}
