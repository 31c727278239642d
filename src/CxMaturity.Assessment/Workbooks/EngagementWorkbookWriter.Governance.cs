using ClosedXML.Excel;

namespace CxMaturity.Assessment.Workbooks;

// The governance sheets: RACI, KPIs, Projects and Customer gaps. Each leads with its main table under the frozen
// header row and follows it with the long table behind it (measurements, milestones, the register).
public static partial class EngagementWorkbookWriter
{
    private const string Yes = "Yes";
    private const string No = "No";

    private static string YesNo(bool value) => value ? Yes : No;

    private static void WriteRaci(IXLWorksheet sheet, EngagementWorkbookData data, string subtitle)
    {
        SheetWriter.Heading(sheet, "RACI matrix", subtitle);
        SheetWriter.Note(sheet, SheetWriter.NoteRow, "R Responsible · A Accountable (exactly one per row) · C Consulted · I Informed");
        var widths = new ColumnWidths();
        List<SheetColumn<RaciRow>> columns = [new("Item", ColumnKind.LongText, r => r.Item)];
        for (var i = 0; i < data.Raci.Roles.Count; i++)
        {
            var index = i;
            columns.Add(new(data.Raci.Roles[i], ColumnKind.Flag, r => r.Letters[index]));
        }

        SheetWriter.Table(sheet, SheetWriter.HeaderRow, "tblRaci", columns, data.Raci.Rows, widths);
        for (var r = 0; r < data.Raci.Rows.Count; r++)
        {
            for (var c = 0; c < data.Raci.Roles.Count; c++)
            {
                var style = sheet.Cell(SheetWriter.HeaderRow + 1 + r, c + 2).Style;
                switch (data.Raci.Rows[r].Letters[c]?.Trim().ToUpperInvariant())
                {
                    case "A":
                        style.Fill.BackgroundColor = SheetWriter.Ink;
                        style.Font.SetBold().Font.SetFontColor(XLColor.White);
                        break;
                    case "R":
                        style.Fill.BackgroundColor = XLColor.FromHtml("#8EA9DB");
                        style.Font.SetBold();
                        break;
                    case "C":
                        style.Fill.BackgroundColor = XLColor.FromHtml("#D9E1F2");
                        break;
                    case "I":
                        style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
                        break;
                }
            }
        }

        widths.Apply(sheet);
        sheet.SheetView.FreezeRows(SheetWriter.HeaderRow);
    }

    private static readonly SheetColumn<KpiRow>[] KpiColumns =
    [
        new("KPI", ColumnKind.Text, k => k.Name),
        new("Kind", ColumnKind.Text, k => k.Kind),
        new("Unit", ColumnKind.Text, k => k.Unit),
        new("Direction", ColumnKind.Text, k => k.Direction),
        new("Target", ColumnKind.Number, k => k.Target),
        new("Journey stage", ColumnKind.Text, k => k.JourneyStage),
        new("Frequency", ColumnKind.Text, k => k.Frequency),
        new("Owner", ColumnKind.Text, k => k.Owner),
        new("Linked dimensions", ColumnKind.LongText, k => string.Join(", ", k.LinkedDimensions)),
        new("Latest date", ColumnKind.Date, k => k.Latest?.Date),
        new("Latest value", ColumnKind.Number, k => k.Latest?.Value),
        new("n", ColumnKind.Integer, k => k.Latest?.N),
        new("Margin (±)", ColumnKind.Number, k => k.Latest?.MarginOfError),
        new("Small sample", ColumnKind.Flag, k => k.Latest is { N: not null } latest ? YesNo(latest.SmallSample) : null),
        new("Status", ColumnKind.Text, k => k.Status),
        new("Trend", ColumnKind.Text, k => k.Trend),
        new("Change", ColumnKind.Number, k => k.Change),
        new("Next due", ColumnKind.Date, k => k.NextDue),
        new("Overdue", ColumnKind.Flag, k => YesNo(k.Overdue)),
    ];

    private static void WriteKpis(IXLWorksheet sheet, EngagementWorkbookData data, string subtitle)
    {
        SheetWriter.Heading(sheet, "KPIs", subtitle);
        SheetWriter.Note(
            sheet,
            SheetWriter.NoteRow,
            "Each KPI with its latest measurement: n and the 95 % margin of error for a value computed from ratings " +
            "(empty for a value typed in), small sample under 30 ratings. A change inside the two margins combined is " +
            "no significant change. Every measurement follows.");
        var widths = new ColumnWidths();
        var lastKpiRow = SheetWriter.Table(sheet, SheetWriter.HeaderRow, "tblKpis", KpiColumns, data.Kpis, widths);
        for (var i = 0; i < data.Kpis.Count; i++)
        {
            if (data.Kpis[i].Overdue)
            {
                var row = SheetWriter.HeaderRow + 1 + i;
                sheet.Range(row, KpiColumns.Length - 1, row, KpiColumns.Length).Style.Fill.BackgroundColor = SheetWriter.Highlight;
            }
        }

        var measurementsHeading = lastKpiRow + 2;
        SheetWriter.Section(sheet, measurementsHeading, "Measurements");
        SheetWriter.Table(
            sheet,
            measurementsHeading + 1,
            "tblKpiMeasurements",
            [
                new SheetColumn<KpiMeasurementRow>("KPI", ColumnKind.Text, m => m.Kpi),
                new SheetColumn<KpiMeasurementRow>("Date", ColumnKind.Date, m => m.Date),
                new SheetColumn<KpiMeasurementRow>("Value", ColumnKind.Number, m => m.Value),
                new SheetColumn<KpiMeasurementRow>("n", ColumnKind.Integer, m => m.N),
                new SheetColumn<KpiMeasurementRow>("Margin (±)", ColumnKind.Number, m => m.MarginOfError),
                new SheetColumn<KpiMeasurementRow>("Small sample", ColumnKind.Flag, m => m.N is null ? null : YesNo(m.SmallSample)),
                new SheetColumn<KpiMeasurementRow>("Source", ColumnKind.Text, m => m.Source),
                new SheetColumn<KpiMeasurementRow>("Note", ColumnKind.LongText, m => m.Note),
            ],
            data.KpiMeasurements,
            widths);
        widths.Apply(sheet);
        sheet.SheetView.FreezeRows(SheetWriter.HeaderRow);
    }

    private static readonly SheetColumn<ProjectRow>[] ProjectColumns =
    [
        new("Project", ColumnKind.LongText, p => p.Title),
        new("Status", ColumnKind.Text, p => p.Status),
        new("Dimension", ColumnKind.Text, p => p.Dimension),
        new("Owner", ColumnKind.Text, p => p.Owner),
        new("Start", ColumnKind.Date, p => p.StartsOn),
        new("Due", ColumnKind.Date, p => p.DueOn),
        new("Late", ColumnKind.Flag, p => YesNo(p.Late)),
        new("Milestones done", ColumnKind.Integer, p => p.Milestones.Count(m => m.Done)),
        new("Milestones", ColumnKind.Integer, p => p.Milestones.Count),
        new("KPIs", ColumnKind.LongText, p => string.Join(", ", p.Kpis)),
        new("Roadmap item", ColumnKind.LongText, p => p.RoadmapItem),
    ];

    private static void WriteProjects(IXLWorksheet sheet, EngagementWorkbookData data, string subtitle)
    {
        SheetWriter.Heading(sheet, "Projects and milestones", subtitle);
        SheetWriter.Note(
            sheet,
            SheetWriter.NoteRow,
            "One row per project; a project past its due date and not done or cancelled is late. Every milestone follows.");
        var widths = new ColumnWidths();
        var lastProjectRow = SheetWriter.Table(sheet, SheetWriter.HeaderRow, "tblProjects", ProjectColumns, data.Projects, widths);
        const int due = 6, late = 7;
        for (var i = 0; i < data.Projects.Count; i++)
        {
            if (data.Projects[i].Late)
            {
                var row = SheetWriter.HeaderRow + 1 + i;
                sheet.Range(row, due, row, late).Style.Fill.BackgroundColor = SheetWriter.Highlight;
            }
        }

        var milestones = data.Projects.SelectMany(p => p.Milestones.Select(m => (Project: p.Title, Milestone: m))).ToList();
        var milestonesHeading = lastProjectRow + 2;
        SheetWriter.Section(sheet, milestonesHeading, "Milestones");
        SheetWriter.Table(
            sheet,
            milestonesHeading + 1,
            "tblMilestones",
            [
                new SheetColumn<(string Project, MilestoneRow Milestone)>("Project", ColumnKind.LongText, m => m.Project),
                new SheetColumn<(string Project, MilestoneRow Milestone)>("Milestone", ColumnKind.LongText, m => m.Milestone.Title),
                new SheetColumn<(string Project, MilestoneRow Milestone)>("Due", ColumnKind.Date, m => m.Milestone.DueOn),
                new SheetColumn<(string Project, MilestoneRow Milestone)>("Done", ColumnKind.Flag, m => YesNo(m.Milestone.Done)),
            ],
            milestones,
            widths);
        widths.Apply(sheet);
        sheet.SheetView.FreezeRows(SheetWriter.HeaderRow);
    }

    private static void WriteCustomerGaps(IXLWorksheet sheet, EngagementWorkbookData data, string subtitle)
    {
        SheetWriter.Heading(sheet, "Customer gaps: Pareto analysis", subtitle);
        SheetWriter.Note(
            sheet,
            SheetWriter.NoteRow,
            "Root causes by total score; the highlighted vital few make up the first 80 %. The register of problems follows.");
        var widths = new ColumnWidths();
        var lastRootCauseRow = SheetWriter.Table(
            sheet,
            SheetWriter.HeaderRow,
            "tblCustomerGaps",
            [
                new SheetColumn<RootCauseRow>("Root cause", ColumnKind.LongText, g => g.RootCause),
                new SheetColumn<RootCauseRow>("Problems", ColumnKind.Integer, g => g.Problems),
                new SheetColumn<RootCauseRow>("Score", ColumnKind.Number, g => g.Score),
                new SheetColumn<RootCauseRow>("Share", ColumnKind.Percent, g => g.Share),
                new SheetColumn<RootCauseRow>("Cumulative %", ColumnKind.Percent, g => g.CumulativeShare),
                new SheetColumn<RootCauseRow>("Vital few", ColumnKind.Flag, g => YesNo(g.VitalFew)),
            ],
            data.RootCauses,
            widths);
        for (var i = 0; i < data.RootCauses.Count; i++)
        {
            if (data.RootCauses[i].VitalFew)
            {
                var row = SheetWriter.HeaderRow + 1 + i;
                sheet.Range(row, 1, row, 6).Style.Fill.BackgroundColor = SheetWriter.Highlight;
            }
        }

        var registerHeading = lastRootCauseRow + 2;
        SheetWriter.Section(sheet, registerHeading, "Register");
        SheetWriter.Table(
            sheet,
            registerHeading + 1,
            "tblCustomerGapRegister",
            [
                new SheetColumn<CustomerGapRow>("Problem", ColumnKind.LongText, g => g.Title),
                new SheetColumn<CustomerGapRow>("Source", ColumnKind.Text, g => g.Source),
                new SheetColumn<CustomerGapRow>("Root cause", ColumnKind.Text, g => g.RootCause),
                new SheetColumn<CustomerGapRow>("Score", ColumnKind.Number, g => g.Score),
            ],
            data.CustomerGaps,
            widths);
        widths.Apply(sheet);
        sheet.SheetView.FreezeRows(SheetWriter.HeaderRow);
    }
}
