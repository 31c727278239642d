using System.Globalization;
using CxMaturity.Assessment.Rounds;
using ClosedXML.Excel;

namespace CxMaturity.Assessment.Workbooks;

/// <summary>
/// Writes the engagement workbook: nine sheets in order (Summary, Dimensions, Questions, Responses,
/// Roadmap, RACI, KPIs, Projects, Customer gaps), each with a title, a frozen header, Excel tables with filters,
/// real number and date formats, column widths computed from the content, and every text through
/// <see cref="SafeText"/>. Never calls ClosedXML's AdjustToContents or AddPicture, which need libgdiplus. The
/// assessment sheets are written here, the governance sheets (RACI, KPIs, Projects, Customer gaps) in
/// EngagementWorkbookWriter.Governance.cs.
/// </summary>
public static partial class EngagementWorkbookWriter
{
    /// <summary>The sheet names, in workbook order.</summary>
    public static IReadOnlyList<string> SheetNames { get; } =
        ["Summary", "Dimensions", "Questions", "Responses", "Roadmap", "RACI", "KPIs", "Projects", "Customer gaps"];

    /// <summary>
    /// Writes the workbook for <paramref name="data"/> to <paramref name="output"/> (which need not be seekable).
    /// When <paramref name="anonymise"/> is set, respondents appear as R01, R02… in order of first appearance;
    /// their comments remain, as user text.
    /// </summary>
    public static void Write(EngagementWorkbookData data, Stream output, bool anonymise)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        Validate(data);

        var respondentNames = RespondentNames(data.Responses, anonymise);
        var subtitle = Subtitle(data);

        using var shell = new MemoryStream();
        using (var workbook = new XLWorkbook(XLEventTracking.Disabled))
        {
            workbook.Properties.Title = SafeText.ForXml($"{data.ModelTitle}: {data.RoundName}");
            workbook.Properties.Subject = SafeText.ForXml(data.Organisation);
            workbook.Properties.Author = "CxMaturity";

            WriteSummary(workbook.AddWorksheet(SheetNames[0]), data, subtitle);
            WriteDimensions(workbook.AddWorksheet(SheetNames[1]), data, subtitle);
            WriteQuestions(workbook.AddWorksheet(SheetNames[2]), data, subtitle);
            WriteResponses(workbook.AddWorksheet(SheetNames[3]), data, subtitle, respondentNames);
            WriteRoadmap(workbook.AddWorksheet(SheetNames[4]), data, subtitle);
            WriteRaci(workbook.AddWorksheet(SheetNames[5]), data, subtitle);
            WriteKpis(workbook.AddWorksheet(SheetNames[6]), data, subtitle);
            WriteProjects(workbook.AddWorksheet(SheetNames[7]), data, subtitle);
            WriteCustomerGaps(workbook.AddWorksheet(SheetNames[8]), data, subtitle);
            workbook.Worksheet(1).SetTabActive();

            workbook.SaveAs(shell, new SaveOptions { ValidatePackage = false, EvaluateFormulasBeforeSaving = false });
        }

        if (data.Responses.Count > 1)
        {
            StreamedRows.Write(
                shell,
                output,
                SheetNames[3],
                templateRow: SheetWriter.HeaderRow + 1,
                count: data.Responses.Count - 1,
                (i, row) => WriteResponse(row, data.Responses[i + 1], respondentNames));
        }
        else
        {
            PortablePackage.Copy(shell, output);
        }
    }

    private static void Validate(EngagementWorkbookData data)
    {
        foreach (var question in data.Questions)
        {
            if (question.LevelCounts.Count != 5)
            {
                throw new ArgumentException(
                    $"Question '{question.QuestionId}' has {question.LevelCounts.Count} level counts; it needs five, level 1 first.",
                    nameof(data));
            }
        }

        foreach (var row in data.Raci.Rows)
        {
            if (row.Letters.Count != data.Raci.Roles.Count)
            {
                throw new ArgumentException(
                    $"RACI row '{row.Item}' has {row.Letters.Count} letters for {data.Raci.Roles.Count} roles.",
                    nameof(data));
            }
        }

        if (data.StageNames.Count is not (0 or 5))
        {
            throw new ArgumentException($"There are {data.StageNames.Count} stage names; give five or none.", nameof(data));
        }
    }

    private static string Subtitle(EngagementWorkbookData data) =>
        $"{data.Organisation} · {data.RoundName} · {data.ModelTitle} {data.ModelVersion} · generated " +
        $"{data.GeneratedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";

    // Keyed by respondent id, so that two people with the same name stay two respondents.
    private static Dictionary<string, string> RespondentNames(IReadOnlyList<ResponseRow> responses, bool anonymise)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!anonymise)
        {
            foreach (var response in responses)
            {
                names.TryAdd(response.RespondentId, response.RespondentName);
            }

            return names;
        }

        return new Dictionary<string, string>(Pseudonyms.Assign(responses.Select(r => r.RespondentId)), StringComparer.Ordinal);
    }

    private static void WriteSummary(IXLWorksheet sheet, EngagementWorkbookData data, string subtitle)
    {
        SheetWriter.Heading(sheet, $"CX maturity assessment: {data.Organisation}", subtitle);
        sheet.ShowGridLines = false;
        var widths = new ColumnWidths();

        (string Label, ColumnKind Kind, object? Value, bool ColourScale)[] facts =
        [
            ("Organisation", ColumnKind.Text, data.Organisation, false),
            ("Round", ColumnKind.Text, data.RoundName, false),
            ("Model", ColumnKind.Text, $"{data.ModelTitle} ({data.ModelId})", false),
            ("Model version", ColumnKind.Text, data.ModelVersion, false),
            ("Opens", ColumnKind.Date, data.OpensOn, false),
            ("Closes", ColumnKind.Date, data.ClosesOn, false),
            ("Respondents submitted", ColumnKind.Integer, data.RespondentsSubmitted, false),
            ("Respondents invited", ColumnKind.Integer, data.RespondentsInvited, false),
            ("Response rate", ColumnKind.Percent,
                data.RespondentsInvited > 0 ? (double)data.RespondentsSubmitted / data.RespondentsInvited : null, false),
            ("Overall score", ColumnKind.Score, data.OverallScore, true),
            ("Overall stage", ColumnKind.Text, data.OverallStage, false),
            ("Foundation stage", ColumnKind.Text, data.FoundationStage, false),
            ("Generated (UTC)", ColumnKind.DateTime, data.GeneratedAtUtc, false),
        ];

        var row = SheetWriter.HeaderRow;
        foreach (var (label, kind, value, colourScale) in facts)
        {
            var labelCell = sheet.Cell(row, 1);
            SheetWriter.Text(labelCell, label);
            labelCell.Style.Font.SetBold().Font.SetFontColor(SheetWriter.Ink);
            widths.ObserveText(1, label);

            var valueCell = sheet.Cell(row, 2);
            widths.Observe(2, SheetWriter.Value(valueCell, kind, value));
            SheetWriter.Format(valueCell.Style, kind);
            valueCell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            if (colourScale)
            {
                SheetWriter.ColourScale(valueCell.AsRange());
            }

            row++;
        }

        row++;
        SheetWriter.Section(sheet, row, "Dimensions");
        SheetWriter.Table(
            sheet,
            row + 1,
            "tblSummaryDimensions",
            [
                new SheetColumn<DimensionSummaryRow>("Dimension", ColumnKind.LongText, d => d.Title),
                new SheetColumn<DimensionSummaryRow>("Score", ColumnKind.Score, d => d.Score, ColourScale: true),
                new SheetColumn<DimensionSummaryRow>("Stage", ColumnKind.Text, d => d.Stage),
                new SheetColumn<DimensionSummaryRow>("Target stage", ColumnKind.Text, d => d.TargetStage),
                new SheetColumn<DimensionSummaryRow>("Gap", ColumnKind.Number, d => d.Gap),
            ],
            data.Dimensions,
            widths);

        widths.Apply(sheet);
        sheet.SheetView.FreezeRows(SheetWriter.SubtitleRow);
    }

    private static void WriteDimensions(IXLWorksheet sheet, EngagementWorkbookData data, string subtitle)
    {
        SheetWriter.Heading(sheet, "Dimension scores by respondent group", subtitle);
        SheetWriter.Note(sheet, SheetWriter.NoteRow, "Group \"All\" is the whole round. Standard deviation is the population standard deviation across respondents.");
        var widths = new ColumnWidths();
        SheetWriter.Table(
            sheet,
            SheetWriter.HeaderRow,
            "tblDimensions",
            [
                new SheetColumn<DimensionStatisticsRow>("Dimension", ColumnKind.LongText, s => s.Dimension),
                new SheetColumn<DimensionStatisticsRow>("Group", ColumnKind.Text, s => s.Group),
                new SheetColumn<DimensionStatisticsRow>("n", ColumnKind.Integer, s => s.N),
                new SheetColumn<DimensionStatisticsRow>("Mean", ColumnKind.Score, s => s.Mean, ColourScale: true),
                new SheetColumn<DimensionStatisticsRow>("Median", ColumnKind.Score, s => s.Median, ColourScale: true),
                new SheetColumn<DimensionStatisticsRow>("Min", ColumnKind.Score, s => s.Min, ColourScale: true),
                new SheetColumn<DimensionStatisticsRow>("Max", ColumnKind.Score, s => s.Max, ColourScale: true),
                new SheetColumn<DimensionStatisticsRow>("Std deviation", ColumnKind.Difference, s => s.StandardDeviation),
            ],
            data.DimensionStatistics,
            widths);
        widths.Apply(sheet);
        sheet.SheetView.FreezeRows(SheetWriter.HeaderRow);
    }

    private static void WriteQuestions(IXLWorksheet sheet, EngagementWorkbookData data, string subtitle)
    {
        SheetWriter.Heading(sheet, "Answers per question", subtitle);
        SheetWriter.Note(sheet, SheetWriter.NoteRow, "Counts of respondents who chose each level; the mean leaves out Not applicable.");
        var widths = new ColumnWidths();
        List<SheetColumn<QuestionStatisticsRow>> columns =
        [
            new("Dimension", ColumnKind.Text, q => q.Dimension),
            new("Question id", ColumnKind.Text, q => q.QuestionId),
            new("Question", ColumnKind.LongText, q => q.Text),
            new("Mean", ColumnKind.Score, q => q.Mean, ColourScale: true),
        ];
        for (var level = 1; level <= 5; level++)
        {
            var index = level - 1;
            var header = data.StageNames.Count == 5 ? $"{level} {data.StageNames[index]}" : $"Level {level}";
            columns.Add(new(header, ColumnKind.Integer, q => q.LevelCounts[index]));
        }

        columns.Add(new("Not applicable", ColumnKind.Integer, q => q.NotApplicable));
        SheetWriter.Table(sheet, SheetWriter.HeaderRow, "tblQuestions", columns, data.Questions, widths);
        widths.Apply(sheet);
        sheet.SheetView.FreezeRows(SheetWriter.HeaderRow);
    }

    private static readonly SheetColumn<(ResponseRow Row, string Respondent)>[] ResponseColumns =
    [
        new("Respondent", ColumnKind.Text, r => r.Respondent),
        new("Group", ColumnKind.Text, r => r.Row.Group),
        new("Dimension", ColumnKind.Text, r => r.Row.Dimension),
        new("Question id", ColumnKind.Text, r => r.Row.QuestionId),
        new("Question", ColumnKind.Text, r => r.Row.QuestionText),
        new("Level", ColumnKind.Integer, r => r.Row.Level, ColourScale: true),
        new("Stage", ColumnKind.Text, r => r.Row.Stage),
        new("Comment", ColumnKind.Text, r => r.Row.Comment),
    ];

    // ClosedXML writes the layout and the first row; the other rows are streamed (see StreamedRows) with the same
    // columns, so WriteResponse must stay in step with ResponseColumns.
    private static void WriteResponses(
        IXLWorksheet sheet,
        EngagementWorkbookData data,
        string subtitle,
        IReadOnlyDictionary<string, string> respondentNames)
    {
        SheetWriter.Heading(sheet, "Responses", subtitle);
        SheetWriter.Note(sheet, SheetWriter.NoteRow, "One row per respondent and question; an empty level is Not applicable.");
        var widths = new ColumnWidths();
        var first = data.Responses.Take(1).Select(r => (r, respondentNames[r.RespondentId])).ToList();
        SheetWriter.Table(
            sheet,
            SheetWriter.HeaderRow,
            "tblResponses",
            ResponseColumns,
            first,
            widths);

        foreach (var response in data.Responses.Skip(1))
        {
            widths.ObserveText(1, respondentNames[response.RespondentId]);
            widths.ObserveText(2, response.Group);
            widths.ObserveText(3, response.Dimension);
            widths.ObserveText(4, response.QuestionId);
            widths.ObserveText(5, response.QuestionText);
            widths.ObserveText(7, response.Stage);
            widths.ObserveText(8, response.Comment);
        }

        widths.Apply(sheet);
        sheet.SheetView.FreezeRows(SheetWriter.HeaderRow);
    }

    private static void WriteResponse(
        StreamedRowWriter row,
        ResponseRow response,
        IReadOnlyDictionary<string, string> respondentNames)
    {
        row.Text(respondentNames[response.RespondentId]);
        row.Text(response.Group);
        row.Text(response.Dimension);
        row.Text(response.QuestionId);
        row.Text(response.QuestionText);
        row.Number(response.Level);
        row.Text(response.Stage);
        row.Text(response.Comment);
    }

    private static void WriteRoadmap(IXLWorksheet sheet, EngagementWorkbookData data, string subtitle)
    {
        SheetWriter.Heading(sheet, "Roadmap", subtitle);
        SheetWriter.Note(sheet, SheetWriter.NoteRow, "Items in roadmap order: horizon, then priority. Cumulative Pareto % is the item's running share of total priority.");
        var widths = new ColumnWidths();
        SheetWriter.Table(
            sheet,
            SheetWriter.HeaderRow,
            "tblRoadmap",
            [
                new SheetColumn<RoadmapRow>("Order", ColumnKind.Integer, r => r.Order),
                new SheetColumn<RoadmapRow>("Horizon", ColumnKind.Text, r => r.Horizon),
                new SheetColumn<RoadmapRow>("Dimension", ColumnKind.Text, r => r.Dimension),
                new SheetColumn<RoadmapRow>("Transition", ColumnKind.Flag, r => r.Transition),
                new SheetColumn<RoadmapRow>("Initiative", ColumnKind.LongText, r => r.Initiative),
                new SheetColumn<RoadmapRow>("Priority", ColumnKind.Number, r => r.Priority),
                new SheetColumn<RoadmapRow>("Impact", ColumnKind.Integer, r => r.Impact),
                new SheetColumn<RoadmapRow>("Effort", ColumnKind.Integer, r => r.Effort),
                new SheetColumn<RoadmapRow>("Status", ColumnKind.Text, r => r.Status),
                new SheetColumn<RoadmapRow>("Owner", ColumnKind.Text, r => r.Owner),
                new SheetColumn<RoadmapRow>("Project", ColumnKind.LongText, r => r.Project),
                new SheetColumn<RoadmapRow>("Cumulative Pareto %", ColumnKind.Percent, r => r.CumulativeParetoShare),
            ],
            data.Roadmap,
            widths);
        widths.Apply(sheet);
        sheet.SheetView.FreezeRows(SheetWriter.HeaderRow);
    }
}
