using System.Net;
using ClosedXML.Excel;
using CxMaturity.Web.Features.CustomerGaps;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Tests.Infrastructure;
using static CxMaturity.Web.Tests.Features.Workbooks.WorkbookTestFiles;

namespace CxMaturity.Web.Tests.Features.Workbooks;

/// <summary>
/// The engagement workbook's governance sheets as a client receives them: the organisation's KPIs where they stand,
/// its projects with milestones, and the customer-gap register with its Pareto, created through the API and read
/// back from the download with ClosedXML.
/// </summary>
public sealed class GovernanceSheetsTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task The_kpis_projects_and_customer_gaps_sheets_hold_the_organisations_governance()
    {
        var owner = await factory.CreateUserAsync(displayName: "Dana Scully");
        var organisationId = await factory.CreateOrganisationAsync(owner.Id, "Northwind Retail");
        var round = await factory.CreateRoundAsync(owner.Id, organisationId, "2026 Baseline");
        var respondent = await factory.AddRespondentAsync(owner.Id, round.Id);
        await factory.AnswerAllAsync(owner.Id, round.Id, respondent.Respondent.Id, _ => 2);
        using var api = await factory.CreateApiClientAsync(owner.Id);
        var dimension = factory.Model.Dimensions[0];
        var organisation = $"/api/v1/organisations/{organisationId}";

        var nps = await (await api.PostJsonAsync($"{organisation}/kpis", new KpiRequest(
                "Relationship NPS", KpiKind.Nps, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly, Target: 40, JourneyStage: "Use",
                DimensionIds: [dimension.Id], OwnerUserId: owner.Id)))
            .ReadAsync<KpiView>(HttpStatusCode.Created);
        var typedOn = Today.AddDays(-45);
        var measuredOn = Today.AddDays(-35);
        await (await api.PostJsonAsync($"{organisation}/kpis/{nps.Id}/measurements", new MeasurementRequest(typedOn, Value: 25, Source: "Board pack")))
            .ReadAsync<MeasurementView>(HttpStatusCode.Created);
        await (await api.PostJsonAsync($"{organisation}/kpis/{nps.Id}/measurements", new MeasurementRequest(
                measuredOn, Ratings: [10, 9, 9, 10, 9, 7, 8, 8, 3, 6], Source: "Web survey", Note: "Ten answers at the till")))
            .ReadAsync<MeasurementView>(HttpStatusCode.Created);

        var refunds = await (await api.PostJsonAsync($"{organisation}/projects", new ProjectRequest(
                "Fix refunds", ProjectStatus.InProgress, DimensionId: dimension.Id, OwnerUserId: owner.Id, StartOn: Today.AddDays(-30), DueOn: Today.AddDays(-1),
                Milestones: [new MilestoneRequest("Map the process", Today.AddDays(-20), Done: true), new MilestoneRequest("Pilot in two stores", Today.AddDays(10))],
                KpiIds: [nps.Id])))
            .ReadAsync<ProjectDto>(HttpStatusCode.Created);
        var item = (await factory.Roadmaps.GetRoadmapAsync(owner.Id, round.Id)).Items[0];
        var fromRoadmap = await factory.Projects.CreateFromRoadmapItemAsync(owner.Id, round.Id, item.InitiativeId);
        var written = await (await api.PostJsonAsync($"{organisation}/projects", new ProjectRequest("Train the contact centre", ProjectStatus.Planned, Owner: "Ops team")))
            .ReadAsync<ProjectDto>(HttpStatusCode.Created);

        foreach (var (title, cause, score) in new[]
        {
            ("Refund slow", "Process", 5.0), ("Parcel late", "Technology", 6), ("Rude agent", "People", 2),
            ("Invoice wrong", "Process", 3), ("Wrong item", "Technology", 2), ("Double charge", "Process", 2),
        })
        {
            await (await api.PostJsonAsync($"{organisation}/customer-gaps", new CustomerGapRequest(title, cause, "Complaints", score)))
                .ReadAsync<CustomerGapView>(HttpStatusCode.Created);
        }

        // The RACI matrix: the sponsor (held by someone without an account) accountable, the CX lead responsible.
        var raci = factory.GetService<CxMaturity.Web.Features.Raci.RaciService>();
        var matrix = await raci.GetAsync(owner.Id, organisationId);
        var sponsor = await raci.UpdateRoleAsync(owner.Id, organisationId, matrix.Roles[0].Id,
            new CxMaturity.Web.Features.Raci.RoleRequest("Executive sponsor", HolderName: "Sam Okafor"), matrix.Roles[0].Version);
        await raci.SaveAsync(owner.Id, organisationId, new CxMaturity.Web.Features.Raci.RaciRequest(
            [new($"project:{refunds.Id}", new Dictionary<int, RaciLetter> { [sponsor.Id] = RaciLetter.A, [matrix.Roles[1].Id] = RaciLetter.R, [matrix.Roles[3].Id] = RaciLetter.I })]),
            matrix.Version);

        using var workbook = new XLWorkbook(new MemoryStream(await api.DownloadAsync(EngagementUrl(round.Id))));

        // KPIs: 5 promoters and 2 detractors of 10 ratings, NPS 30 ± 48.41 (n 10, a small sample); up 5 on the 25 typed
        // before it, inside the margin; below the target of 40; due a month after it was measured, so overdue.
        var kpis = workbook.Worksheet("KPIs");
        var kpi = Assert.Single(kpis.Table("tblKpis").DataRange.Rows());
        Assert.Equal(
            [
                "Relationship NPS", "NPS", "points", "Higher is better", "40", "Use", "Monthly", "Dana Scully", dimension.Title, Day(measuredOn), "30", "10",
                "48.41", "Yes", "Target not met", "No significant change", "5", Day(measuredOn.AddMonths(1)), "Yes",
            ],
            Values(kpi, 19));
        Assert.Equal(XLDataType.Number, kpi.Cell(13).DataType);
        var measurements = kpis.Table("tblKpiMeasurements").DataRange.Rows().ToList();
        Assert.Equal(
            [
                ["Relationship NPS", Day(typedOn), "25", "", "", "", "Board pack", ""],
                ["Relationship NPS", Day(measuredOn), "30", "10", "48.41", "Yes", "Web survey", "Ten answers at the till"],
            ],
            measurements.Select(m => Values(m, 8)));

        // Projects: the soonest due first, those without a due date after them by title. Fix refunds was due
        // yesterday and is in progress: late.
        var projects = workbook.Worksheet("Projects");
        var rows = projects.Table("tblProjects").DataRange.Rows().ToDictionary(r => r.Cell(1).GetString());
        Assert.Equal(
            [refunds.Title, .. new[] { fromRoadmap.Title, written.Title }.Order(StringComparer.Ordinal)],
            projects.Table("tblProjects").DataRange.Rows().Select(r => r.Cell(1).GetString()));
        Assert.Equal(
            ["Fix refunds", "In progress", dimension.Title, "Dana Scully", Day(Today.AddDays(-30)), Day(Today.AddDays(-1)), "Yes", "1", "2", "Relationship NPS", ""],
            Values(rows[refunds.Title], 11));
        Assert.Equal([fromRoadmap.Title, "Proposed", fromRoadmap.DimensionTitle!, "", "", "", "No", "0", "0", "", item.Title], Values(rows[fromRoadmap.Title], 11));
        Assert.Equal(["Train the contact centre", "Planned", "", "Ops team", "", "", "No", "0", "0", "", ""], Values(rows[written.Title], 11));
        Assert.Equal(
            [
                ["Fix refunds", "Map the process", Day(Today.AddDays(-20)), "Yes"],
                ["Fix refunds", "Pilot in two stores", Day(Today.AddDays(10)), "No"],
            ],
            projects.Table("tblMilestones").DataRange.Rows().Select(m => Values(m, 4)));

        // Customer gaps: Process 5 + 3 + 2 = 10, Technology 6 + 2 = 8, People 2 of 20; cumulative 50 %, 90 %, 100 %:
        // Process and Technology are the vital few.
        var gaps = workbook.Worksheet("Customer gaps");
        Assert.Equal(
            [
                ["Process", "3", "10", "0.5", "0.5", "Yes"],
                ["Technology", "2", "8", "0.4", "0.9", "Yes"],
                ["People", "1", "2", "0.1", "1", "No"],
            ],
            gaps.Table("tblCustomerGaps").DataRange.Rows().Select(r => Values(r, 6)));
        Assert.Equal(
            [
                ["Refund slow", "Complaints", "Process", "5"],
                ["Invoice wrong", "Complaints", "Process", "3"],
                ["Double charge", "Complaints", "Process", "2"],
                ["Parcel late", "Complaints", "Technology", "6"],
                ["Wrong item", "Complaints", "Technology", "2"],
                ["Rude agent", "Complaints", "People", "2"],
            ],
            gaps.Table("tblCustomerGapRegister").DataRange.Rows().Select(r => Values(r, 4)));

        // The RACI sheet: a column per role (with who holds it), a row per project, the letters as saved.
        var raciTable = workbook.Worksheet("RACI").Table("tblRaci");
        Assert.Equal(
            ["Item", "Executive sponsor (Sam Okafor)", "CX lead", "Journey owner", "Data and insight lead", "Frontline champion"],
            raciTable.HeadersRow().Cells().Select(c => c.GetString()));
        var raciRows = raciTable.DataRange.Rows().ToDictionary(r => r.Cell(1).GetString(), r => Values(r, 6));
        Assert.Equal([refunds.Title, "A", "R", "", "I", ""], raciRows[refunds.Title]);
        Assert.Equal([written.Title, "", "", "", "", ""], raciRows[written.Title]);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first cells of a row: text as written, numbers as invariant text, dates as yyyy-MM-dd.</summary>
    private static List<string> Values(IXLRangeRow row, int columns) =>
    [
        .. Enumerable.Range(1, columns).Select(c => row.Cell(c) switch
        {
            var cell when cell.IsEmpty() => "",
            var cell when cell.DataType == XLDataType.DateTime => Day(DateOnly.FromDateTime(cell.GetDateTime())),
            var cell when cell.DataType == XLDataType.Number => cell.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
            var cell => cell.GetString(),
        }),
    ];
}
