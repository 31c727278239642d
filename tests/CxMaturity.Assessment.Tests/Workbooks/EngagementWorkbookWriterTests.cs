using System.Globalization;
using ClosedXML.Excel;
using CxMaturity.Assessment.Workbooks;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static CxMaturity.Assessment.Tests.Workbooks.WorkbookTestData;

namespace CxMaturity.Assessment.Tests.Workbooks;

public sealed class EngagementWorkbookWriterTests
{
    private static readonly string[] NineSheets =
        ["Summary", "Dimensions", "Questions", "Responses", "Roadmap", "RACI", "KPIs", "Projects", "Customer gaps"];

    private static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    [Fact]
    public void Workbook_has_the_nine_sheets_of_the_spec_in_order()
    {
        using var workbook = Open(EngagementBytes(Engagement()));

        Assert.Equal(NineSheets, workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(NineSheets, EngagementWorkbookWriter.SheetNames);
    }

    [Fact]
    public void Every_sheet_freezes_its_header()
    {
        using var workbook = Open(EngagementBytes(Engagement()));

        Assert.Equal(2, workbook.Worksheet("Summary").SheetView.SplitRow);
        foreach (var sheet in workbook.Worksheets.Skip(1))
        {
            Assert.True(sheet.SheetView.SplitRow == 4, $"{sheet.Name} freezes {sheet.SheetView.SplitRow} rows, not its header row 4.");
            Assert.Equal(0, sheet.SheetView.SplitColumn);
        }
    }

    [Fact]
    public void Every_table_is_an_Excel_table_with_filters_and_a_unique_name()
    {
        using var workbook = Open(EngagementBytes(Engagement()));

        var tables = workbook.Worksheets.SelectMany(w => w.Tables.Select(t => (Sheet: w.Name, Table: t))).ToList();

        Assert.Equal(
            [
                ("Summary", "tblSummaryDimensions"), ("Dimensions", "tblDimensions"), ("Questions", "tblQuestions"),
                ("Responses", "tblResponses"), ("Roadmap", "tblRoadmap"), ("RACI", "tblRaci"), ("KPIs", "tblKpis"),
                ("KPIs", "tblKpiMeasurements"), ("Projects", "tblProjects"), ("Projects", "tblMilestones"),
                ("Customer gaps", "tblCustomerGaps"), ("Customer gaps", "tblCustomerGapRegister"),
            ],
            tables.Select(t => (t.Sheet, t.Table.Name)));
        Assert.All(tables, t => Assert.True(t.Table.ShowAutoFilter, $"{t.Table.Name} has no filter."));
    }

    [Fact]
    public void Summary_shows_the_round_facts_and_the_dimension_table()
    {
        using var workbook = Open(EngagementBytes(Engagement()));
        var sheet = workbook.Worksheet("Summary");

        Assert.Equal("CX maturity assessment: Acme Retail", sheet.Cell("A1").GetString());
        Assert.Equal("Acme Retail · Spring 2025 · CX maturity 1.0 · generated 2025-04-02 09:30 UTC", sheet.Cell("A2").GetString());
        Assert.Equal(
            [
                "Organisation", "Round", "Model", "Model version", "Opens", "Closes", "Respondents submitted",
                "Respondents invited", "Response rate", "Overall score", "Overall stage", "Foundation stage", "Generated (UTC)",
            ],
            Enumerable.Range(4, 13).Select(r => sheet.Cell(r, 1).GetString()));
        Assert.Equal("Acme Retail", sheet.Cell("B4").GetString());
        Assert.Equal("Spring 2025", sheet.Cell("B5").GetString());
        Assert.Equal("CX maturity (cx-maturity)", sheet.Cell("B6").GetString());
        Assert.Equal(XLDataType.Text, sheet.Cell("B7").DataType);
        Assert.Equal("1.0", sheet.Cell("B7").GetString());
        Assert.Equal(new DateTime(2025, 3, 1), sheet.Cell("B8").GetDateTime());
        Assert.Equal("yyyy-mm-dd", FormatOf(sheet.Cell("B8")));
        Assert.Equal(new DateTime(2025, 3, 31), sheet.Cell("B9").GetDateTime());
        Assert.Equal(3, sheet.Cell("B10").GetDouble());
        Assert.Equal(4, sheet.Cell("B11").GetDouble());
        Assert.Equal(0.75, sheet.Cell("B12").GetDouble());
        Assert.Equal("0.0%", FormatOf(sheet.Cell("B12")));
        Assert.Equal(2.46, sheet.Cell("B13").GetDouble());
        Assert.Equal("0.00", FormatOf(sheet.Cell("B13")));
        Assert.Equal("Development", sheet.Cell("B14").GetString());
        Assert.Equal("Development", sheet.Cell("B15").GetString());
        Assert.Equal(new DateTime(2025, 4, 2, 9, 30, 0), sheet.Cell("B16").GetDateTime());
        Assert.Equal("yyyy-mm-dd hh:mm", FormatOf(sheet.Cell("B16")));

        Assert.Equal("Dimensions", sheet.Cell("A18").GetString());
        Assert.Equal(["Dimension", "Score", "Stage", "Target stage", "Gap"], Row(sheet, 19, 5));
        Assert.Equal(["CX strategy and leadership", "2.35", "Development", "Definition", "0.66"], Row(sheet, 20, 5));
        Assert.Equal(["Voice of the customer", "3.13", "Definition", "Managed", "0.88"], Row(sheet, 21, 5));
        Assert.Equal("A19:E21", sheet.Table("tblSummaryDimensions").RangeAddress.ToString());
    }

    [Fact]
    public void A_score_a_hair_below_a_stage_boundary_is_exported_below_it_beside_its_stage()
    {
        using var workbook = Open(EngagementBytes(Engagement() with { OverallScore = 2.4999, OverallStage = "Development" }));
        var sheet = workbook.Worksheet("Summary");

        Assert.Equal(2.49, sheet.Cell("B13").GetDouble());
        Assert.Equal("Development", sheet.Cell("B14").GetString());
    }

    [Fact]
    public void Dimensions_sheet_lists_statistics_per_dimension_and_group_rounded_to_two_decimals()
    {
        using var workbook = Open(EngagementBytes(Engagement()));
        var sheet = workbook.Worksheet("Dimensions");

        Assert.Equal(["Dimension", "Group", "n", "Mean", "Median", "Min", "Max", "Std deviation"], Row(sheet, 4, 8));
        Assert.Equal(["CX strategy and leadership", "All", "3", "2.35", "2.50", "1.50", "3.00", "0.62"], Row(sheet, 5, 8));
        Assert.Equal(["Voice of the customer", "Frontline", "0", "", "", "", "", ""], Row(sheet, 8, 8));
        Assert.Equal(2.35, sheet.Cell("D5").GetDouble());
        Assert.Equal(XLDataType.Number, sheet.Cell("D5").DataType);
    }

    [Fact]
    public void Score_columns_carry_the_red_amber_green_colour_scale_from_1_to_5()
    {
        var bytes = EngagementBytes(Engagement());

        var scales = ColourScales(bytes);

        Assert.Contains(("Summary", "B13"), scales);
        Assert.Contains(("Summary", "B20:B21"), scales);
        Assert.Contains(("Dimensions", "D5:D8"), scales);
        Assert.Contains(("Dimensions", "G5:G8"), scales);
        Assert.Contains(("Questions", "D5:D10"), scales);
        Assert.Contains(("Responses", "F5:F22"), scales);
    }

    [Fact]
    public void Questions_sheet_shows_mean_and_the_distribution_of_levels_and_not_applicable()
    {
        using var workbook = Open(EngagementBytes(Engagement()));
        var sheet = workbook.Worksheet("Questions");

        Assert.Equal(
            ["Dimension", "Question id", "Question", "Mean", "1 Initial", "2 Development", "3 Definition", "4 Managed", "5 Optimized", "Not applicable"],
            Row(sheet, 4, 10));
        Assert.Equal(
            ["CX strategy and leadership", "strategy.vision", "How clearly is the customer-experience vision stated?", "2.00", "1", "0", "1", "0", "1", "0"],
            Row(sheet, 5, 10));
        Assert.Equal(["Voice of the customer", "voc.share", "How widely is customer feedback shared?", "3.25", "1", "0", "1", "0", "1", "1"], Row(sheet, 10, 10));
        Assert.True(sheet.Cell("C5").Style.Alignment.WrapText);
    }

    [Fact]
    public void Responses_sheet_has_one_row_per_respondent_and_question_in_a_filtered_table()
    {
        using var workbook = Open(EngagementBytes(Engagement()));
        var sheet = workbook.Worksheet("Responses");

        Assert.Equal(["Respondent", "Group", "Dimension", "Question id", "Question", "Level", "Stage", "Comment"], Row(sheet, 4, 8));
        Assert.Equal(
            ["Ada Lovelace", "Executive", "CX strategy and leadership", "strategy.vision", "How clearly is the customer-experience vision stated?", "1", "Initial", "Respondent comment 1: the vision is not written down"],
            Row(sheet, 5, 8));
        Assert.Equal(["Grace Hopper", "Frontline", "Voice of the customer", "voc.share", "How widely is customer feedback shared?", "", "Not applicable", ""], Row(sheet, 16, 8));
        Assert.Equal(["Alan Turing", "Management", "Voice of the customer", "voc.share", "How widely is customer feedback shared?", "3", "Definition", ""], Row(sheet, 22, 8));
        Assert.True(sheet.Cell("A23").IsEmpty());
        Assert.Equal("A4:H22", sheet.Table("tblResponses").RangeAddress.ToString());
        Assert.Equal(XLDataType.Number, sheet.Cell("F22").DataType);
    }

    [Fact]
    public void Streamed_response_rows_keep_the_formats_of_the_first_row()
    {
        using var workbook = Open(EngagementBytes(Engagement()));
        var sheet = workbook.Worksheet("Responses");

        for (var row = 5; row <= 22; row++)
        {
            Assert.Equal("0", FormatOf(sheet.Cell(row, 6)));
            Assert.Equal("@", FormatOf(sheet.Cell(row, 5)));
            Assert.Equal(XLAlignmentVerticalValues.Top, sheet.Cell(row, 1).Style.Alignment.Vertical);
        }
    }

    [Fact]
    public void Anonymised_workbook_names_respondents_R01_onwards_in_order_of_first_appearance_and_keeps_comments()
    {
        var data = Engagement() with { Responses = [.. Responses().OrderBy(r => r.RespondentName == "Grace Hopper" ? 0 : 1)] };
        var bytes = EngagementBytes(data, anonymise: true);
        using var workbook = Open(bytes);
        var sheet = workbook.Worksheet("Responses");

        Assert.Equal(
            Enumerable.Repeat("R01", 6).Concat(Enumerable.Repeat("R02", 6)).Concat(Enumerable.Repeat("R03", 6)),
            Enumerable.Range(5, 18).Select(r => sheet.Cell(r, 1).GetString()));
        Assert.Equal("Frontline", sheet.Cell("B5").GetString());
        Assert.Equal("Respondent comment 2: the vision is not written down", sheet.Cell("H5").GetString());

        var everyText = WorkbookFiles.AllTexts(bytes);
        foreach (var (_, name, _) in Respondents)
        {
            Assert.DoesNotContain(everyText, t => t.Contains(name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Anonymisation_tells_apart_two_respondents_with_the_same_name()
    {
        var data = Engagement() with
        {
            Responses =
            [
                new ResponseRow("a", "Sam Lee", "Executive", "D", "q1", "Q1", 3, "Definition", null),
                new ResponseRow("b", "Sam Lee", "Frontline", "D", "q1", "Q1", 2, "Development", null),
                new ResponseRow("a", "Sam Lee", "Executive", "D", "q2", "Q2", 4, "Managed", null),
            ],
        };

        using var workbook = Open(EngagementBytes(data, anonymise: true));
        var sheet = workbook.Worksheet("Responses");

        Assert.Equal(["R01", "R02", "R01"], Enumerable.Range(5, 3).Select(r => sheet.Cell(r, 1).GetString()));
    }

    [Fact]
    public void Anonymous_codes_grow_a_digit_past_99_respondents_so_that_they_sort()
    {
        var data = Engagement() with
        {
            Responses = [.. Enumerable.Range(1, 120).Select(i => new ResponseRow($"id{i}", $"Person {i}", "Executive", "D", "q1", "Q1", 3, "Definition", null))],
        };

        using var workbook = Open(EngagementBytes(data, anonymise: true));
        var sheet = workbook.Worksheet("Responses");

        Assert.Equal("R001", sheet.Cell("A5").GetString());
        Assert.Equal("R120", sheet.Cell("A124").GetString());
        Assert.Equal("A4:H124", sheet.Table("tblResponses").RangeAddress.ToString());
    }

    [Fact]
    public void Roadmap_sheet_lists_items_in_roadmap_order_with_priority_and_cumulative_pareto_share()
    {
        using var workbook = Open(EngagementBytes(Engagement()));
        var sheet = workbook.Worksheet("Roadmap");

        Assert.Equal(
            ["Order", "Horizon", "Dimension", "Transition", "Initiative", "Priority", "Impact", "Effort", "Status", "Owner", "Project", "Cumulative Pareto %"],
            Row(sheet, 4, 12));
        Assert.Equal(
            ["1", "Short term (0–6 months)", "CX strategy and leadership", "2 → 3", "Write a one-page CX vision", "1.23", "4", "2", "Accepted", "Jane Doe", "Vision sprint", "45.0%"],
            Row(sheet, 5, 12));
        Assert.Equal(["2", "Short term (0–6 months)", "Voice of the customer", "3 → 4", "Close the loop within 48 hours", "0.99", "3", "3", "Proposed", "", "", "81.0%"], Row(sheet, 6, 12));
        Assert.Equal(0.81, sheet.Cell("L6").GetDouble());
        Assert.Equal(1.23, sheet.Cell("F5").GetDouble());
    }

    [Fact]
    public void Raci_sheet_has_the_roles_as_columns_and_a_letter_per_role()
    {
        using var workbook = Open(EngagementBytes(Engagement()));
        var sheet = workbook.Worksheet("RACI");

        Assert.Equal(["Item", "Executive sponsor", "CX lead", "Journey owner"], Row(sheet, 4, 4));
        Assert.Equal(["Vision sprint", "A", "R", "C"], Row(sheet, 5, 4));
        Assert.Equal(["Close the loop within 48 hours", "I", "A", "R"], Row(sheet, 6, 4));
        Assert.Equal(unchecked((int)0xFFFFFFFF), sheet.Cell("B5").Style.Font.FontColor.Color.ToArgb());
    }

    [Fact]
    public void Kpis_sheet_shows_each_kpi_where_it_stands_then_every_measurement()
    {
        using var workbook = Open(EngagementBytes(Engagement()));
        var sheet = workbook.Worksheet("KPIs");

        Assert.Equal(
            [
                "KPI", "Kind", "Unit", "Direction", "Target", "Journey stage", "Frequency", "Owner", "Linked dimensions", "Latest date",
                "Latest value", "n", "Margin (±)", "Small sample", "Status", "Trend", "Change", "Next due", "Overdue",
            ],
            Row(sheet, 4, 19));
        Assert.Equal(
            [
                "Net Promoter Score", "NPS", "points", "Higher is better", "40.00", "Advocacy", "Monthly", "Jane Doe", "Voice of the customer", "2025-02-28",
                "30.00", "10", "48.41", "Yes", "Target not met", "No significant change", "-2.50", "2025-03-28", "Yes",
            ],
            Row(sheet, 5, 19));
        // A value typed in has no n, margin or small-sample flag.
        Assert.Equal(
            ["Customer effort", "CES", "", "Higher is better", "5.50", "", "Quarterly", "", "", "2025-03-31", "5.25", "", "", "", "Target not met", "First measurement", "", "2025-06-30", "No"],
            Row(sheet, 6, 19));
        Assert.Equal(
            ["Monthly churn", "Churn", "%", "Lower is better", "", "Retention", "Monthly", "", "CX strategy and leadership, Voice of the customer", "", "", "", "", "", "No target", "", "", "2025-04-10", "No"],
            Row(sheet, 7, 19));
        Assert.Equal(XLDataType.Number, sheet.Cell("L5").DataType);
        Assert.Equal(48.41, sheet.Cell("M5").GetDouble());
        Assert.Equal(unchecked((int)0xFFFFF2CC), sheet.Cell("S5").Style.Fill.BackgroundColor.Color.ToArgb());
        Assert.NotEqual(unchecked((int)0xFFFFF2CC), sheet.Cell("S6").Style.Fill.BackgroundColor.Color.ToArgb());

        Assert.Equal("Measurements", sheet.Cell("A9").GetString());
        Assert.Equal(["KPI", "Date", "Value", "n", "Margin (±)", "Small sample", "Source", "Note"], Row(sheet, 10, 8));
        Assert.Equal(["Net Promoter Score", "2025-01-31", "32.50", "", "", "", "Board pack", ""], Row(sheet, 11, 8));
        Assert.Equal(["Net Promoter Score", "2025-02-28", "30.00", "10", "48.41", "Yes", "Web survey", "Ten answers at the till"], Row(sheet, 12, 8));
        Assert.Equal(new DateTime(2025, 2, 28), sheet.Cell("B12").GetDateTime());
        Assert.Equal("A10:H13", sheet.Table("tblKpiMeasurements").RangeAddress.ToString());
    }

    [Fact]
    public void Projects_sheet_has_a_row_per_project_then_every_milestone()
    {
        using var workbook = Open(EngagementBytes(Engagement()));
        var sheet = workbook.Worksheet("Projects");

        Assert.Equal(
            ["Project", "Status", "Dimension", "Owner", "Start", "Due", "Late", "Milestones done", "Milestones", "KPIs", "Roadmap item"],
            Row(sheet, 4, 11));
        Assert.Equal(
            [
                "Vision sprint", "In progress", "CX strategy and leadership", "Jane Doe", "2025-04-01", "2025-06-30", "No", "1", "2",
                "Net Promoter Score, Customer effort", "Write a one-page CX vision",
            ],
            Row(sheet, 5, 11));
        Assert.Equal(["Feedback tooling", "Proposed", "", "", "", "2025-03-15", "Yes", "0", "0", "", ""], Row(sheet, 6, 11));
        Assert.Equal(unchecked((int)0xFFFFF2CC), sheet.Cell("G6").Style.Fill.BackgroundColor.Color.ToArgb());
        Assert.NotEqual(unchecked((int)0xFFFFF2CC), sheet.Cell("G5").Style.Fill.BackgroundColor.Color.ToArgb());

        Assert.Equal("Milestones", sheet.Cell("A8").GetString());
        Assert.Equal(["Project", "Milestone", "Due", "Done"], Row(sheet, 9, 4));
        Assert.Equal(["Vision sprint", "Draft vision", "2025-04-30", "Yes"], Row(sheet, 10, 4));
        Assert.Equal(["Vision sprint", "Board sign-off", "2025-06-15", "No"], Row(sheet, 11, 4));
        Assert.Equal("A9:D11", sheet.Table("tblMilestones").RangeAddress.ToString());
    }

    [Fact]
    public void Customer_gaps_sheet_is_the_pareto_table_with_the_vital_few_highlighted_then_the_register()
    {
        using var workbook = Open(EngagementBytes(Engagement()));
        var sheet = workbook.Worksheet("Customer gaps");

        Assert.Equal(["Root cause", "Problems", "Score", "Share", "Cumulative %", "Vital few"], Row(sheet, 4, 6));
        Assert.Equal(["Process", "3", "10.00", "50.0%", "50.0%", "Yes"], Row(sheet, 5, 6));
        Assert.Equal(["Technology", "2", "8.00", "40.0%", "90.0%", "Yes"], Row(sheet, 6, 6));
        Assert.Equal(["People", "1", "2.00", "10.0%", "100.0%", "No"], Row(sheet, 7, 6));
        Assert.Equal(0.9, sheet.Cell("E6").GetDouble());
        Assert.Equal(unchecked((int)0xFFFFF2CC), sheet.Cell("F6").Style.Fill.BackgroundColor.Color.ToArgb());
        Assert.NotEqual(unchecked((int)0xFFFFF2CC), sheet.Cell("A7").Style.Fill.BackgroundColor.Color.ToArgb());

        Assert.Equal("Register", sheet.Cell("A9").GetString());
        Assert.Equal(["Problem", "Source", "Root cause", "Score"], Row(sheet, 10, 4));
        Assert.Equal(["Refund takes two weeks", "Complaints", "Process", "5.00"], Row(sheet, 11, 4));
        Assert.Equal(["Wrong item delivered", "", "Technology", "2.00"], Row(sheet, 15, 4));
        Assert.Equal("A10:D16", sheet.Table("tblCustomerGapRegister").RangeAddress.ToString());
    }

    [Fact]
    public void Empty_governance_lists_still_give_well_formed_sheets_with_their_headers()
    {
        var data = Engagement() with
        {
            Responses = [],
            Roadmap = [],
            Raci = RaciMatrix.Empty,
            Kpis = [],
            KpiMeasurements = [],
            Projects = [],
            CustomerGaps = [],
            RootCauses = [],
        };

        using var workbook = Open(EngagementBytes(data));

        Assert.Equal(["Respondent", "Group", "Dimension", "Question id", "Question", "Level", "Stage", "Comment"], Row(workbook.Worksheet("Responses"), 4, 8));
        Assert.Equal("Order", workbook.Worksheet("Roadmap").Cell("A4").GetString());
        Assert.Equal(["Item"], Row(workbook.Worksheet("RACI"), 4, 1));
        Assert.Equal("KPI", workbook.Worksheet("KPIs").Cell("A4").GetString());
        Assert.Equal(["KPI", "Date", "Value", "n", "Margin (±)"], Row(workbook.Worksheet("KPIs"), 8, 5));
        Assert.Equal("Project", workbook.Worksheet("Projects").Cell("A4").GetString());
        Assert.Equal(["Project", "Milestone", "Due", "Done"], Row(workbook.Worksheet("Projects"), 8, 4));
        Assert.Equal("Root cause", workbook.Worksheet("Customer gaps").Cell("A4").GetString());
        Assert.Equal(["Problem", "Source", "Root cause", "Score"], Row(workbook.Worksheet("Customer gaps"), 8, 4));
        Assert.All(
            workbook.Worksheets.Skip(3).SelectMany(w => w.Tables),
            t => Assert.True(t.RangeAddress.RowSpan == 2, $"{t.Name} spans {t.RangeAddress.RowSpan} rows, not a header and one empty row."));
        Assert.True(workbook.Worksheet("Responses").Cell("A5").IsEmpty());
    }

    [Fact]
    public void A_single_response_is_written_without_streaming()
    {
        var data = Engagement() with { Responses = [Responses().First()] };

        using var workbook = Open(EngagementBytes(data));

        Assert.Equal("Ada Lovelace", workbook.Worksheet("Responses").Cell("A5").GetString());
        Assert.Equal("A4:H5", workbook.Worksheet("Responses").Table("tblResponses").RangeAddress.ToString());
    }

    [Fact]
    public void No_cell_in_the_workbook_holds_a_formula()
    {
        var data = WithUserText(Engagement(), "=1+2");

        var cells = WorkbookFiles.AllCells(EngagementBytes(data));

        Assert.NotEmpty(cells);
        Assert.DoesNotContain(cells, c => c.Cell.CellFormula is not null);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Click\")")]
    [InlineData("+1+1")]
    [InlineData("-1+1")]
    [InlineData("@SUM(1,1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void User_text_that_starts_like_a_formula_is_written_as_text_with_a_leading_apostrophe(string text)
    {
        var bytes = EngagementBytes(WithUserText(Engagement(), text));
        using var workbook = Open(bytes);
        var expected = ("'" + text).ReplaceLineEndings("\n");

        AssertText(workbook.Worksheet("Summary").Cell("B4"), expected);
        AssertText(workbook.Worksheet("Responses").Cell("H5"), expected);
        AssertText(workbook.Worksheet("Responses").Cell("H22"), expected);
        AssertText(workbook.Worksheet("Roadmap").Cell("J5"), expected);
        AssertNeutralised(workbook.Worksheet("RACI").Cell("B4"));
        AssertText(workbook.Worksheet("KPIs").Cell("H5"), expected);
        AssertText(workbook.Worksheet("KPIs").Cell("H11"), expected);
        AssertText(workbook.Worksheet("Projects").Cell("A5"), expected);
        AssertText(workbook.Worksheet("Projects").Cell("B10"), expected);
        AssertText(workbook.Worksheet("Customer gaps").Cell("A5"), expected);
        AssertText(workbook.Worksheet("Customer gaps").Cell("A11"), expected);
        Assert.DoesNotContain(WorkbookFiles.AllCells(bytes), c => c.Cell.CellFormula is not null);
    }

    [Theory]
    [InlineData("00123")]
    [InlineData("1/2")]
    [InlineData("2025-01-01")]
    [InlineData("1e5")]
    public void Text_that_looks_like_a_number_or_date_stays_text(string text)
    {
        using var workbook = Open(EngagementBytes(WithUserText(Engagement(), text)));

        AssertText(workbook.Worksheet("Summary").Cell("B4"), text);
        AssertText(workbook.Worksheet("Responses").Cell("H5"), text);
        AssertText(workbook.Worksheet("Responses").Cell("H22"), text);
        AssertText(workbook.Worksheet("Roadmap").Cell("J5"), text);
        AssertText(workbook.Worksheet("Projects").Cell("B10"), text);
        AssertText(workbook.Worksheet("KPIs").Cell("G11"), text);
    }

    [Fact]
    public void Text_longer_than_a_cell_holds_is_truncated_with_a_marker()
    {
        var text = new string('a', 40_000);

        using var workbook = Open(EngagementBytes(WithUserText(Engagement(), text)));

        foreach (var cell in new[] { workbook.Worksheet("Responses").Cell("H5"), workbook.Worksheet("Responses").Cell("H22"), workbook.Worksheet("Roadmap").Cell("J5") })
        {
            var value = cell.GetString();
            Assert.Equal(32_767, value.Length);
            Assert.EndsWith("… [truncated]", value);
        }
    }

    [Fact]
    public void Streamed_text_keeps_literal_escape_like_sequences_and_surrounding_spaces()
    {
        var data = WithUserText(Engagement(), "  _x0041_ literal  ");
        var bytes = EngagementBytes(data);

        var streamed = WorkbookFiles.AllCells(bytes).Single(c => c.Sheet == "Responses" && c.Reference == "H22").Cell;

        Assert.Equal("  _x005F_x0041_ literal  ", streamed.InlineString!.InnerText);
    }

    [Fact]
    public void Column_widths_follow_the_content_within_8_and_60_characters()
    {
        var data = WithUserText(Engagement(), new string('w', 200));

        using var workbook = Open(EngagementBytes(data));
        var responses = workbook.Worksheet("Responses");

        Assert.Equal(60, responses.Column(8).Width);
        Assert.Equal("Respondent".Length + 3 + 2, responses.Column(1).Width);
        Assert.Equal("Level".Length + 3 + 2, responses.Column(6).Width);
        Assert.Equal("How clearly is the customer-experience vision stated?".Length + 2, responses.Column(5).Width);
        Assert.Equal("CX strategy and leadership".Length + 2, workbook.Worksheet("Summary").Column(1).Width);
    }

    [Fact]
    public void Workbook_can_be_written_to_a_stream_that_cannot_seek()
    {
        using var buffer = new MemoryStream();

        EngagementWorkbookWriter.Write(Engagement(), new ForwardOnlyStream(buffer), anonymise: false);

        using var workbook = Open(buffer.ToArray());
        Assert.Equal("Alan Turing", workbook.Worksheet("Responses").Cell("A22").GetString());
    }

    [Fact]
    public void Level_counts_other_than_five_are_refused()
    {
        var data = Engagement() with { Questions = [new QuestionStatisticsRow("D", "q", "Q", 2, [1, 2, 3], 0)] };

        var error = Assert.Throws<ArgumentException>(() => EngagementBytes(data));

        Assert.Contains("needs five", error.Message);
    }

    [Fact]
    public void Raci_rows_with_a_letter_count_unlike_the_role_count_are_refused()
    {
        var data = Engagement() with { Raci = new RaciMatrix(["CX lead"], [new RaciRow("Item", ["A", "R"])]) };

        Assert.Throws<ArgumentException>(() => EngagementBytes(data));
    }

    /// <summary>Puts <paramref name="text"/> in a user-text field of every sheet that has one.</summary>
    private static EngagementWorkbookData WithUserText(EngagementWorkbookData data, string text)
    {
        var responses = data.Responses.ToList();
        responses[0] = responses[0] with { Comment = text };
        responses[^1] = responses[^1] with { Comment = text };
        return data with
        {
            Organisation = text,
            Responses = responses,
            Roadmap = [data.Roadmap[0] with { Owner = text }, .. data.Roadmap.Skip(1)],
            Raci = data.Raci with { Roles = [text, .. data.Raci.Roles.Skip(1)] },
            Kpis = [data.Kpis[0] with { Owner = text }, .. data.Kpis.Skip(1)],
            KpiMeasurements = [data.KpiMeasurements[0] with { Source = text, Note = text }, .. data.KpiMeasurements.Skip(1)],
            Projects =
            [
                data.Projects[0] with { Title = text, Milestones = [data.Projects[0].Milestones[0] with { Title = text }, .. data.Projects[0].Milestones.Skip(1)] },
                .. data.Projects.Skip(1),
            ],
            CustomerGaps = [data.CustomerGaps[0] with { Title = text }, .. data.CustomerGaps.Skip(1)],
            RootCauses = [data.RootCauses[0] with { RootCause = text }, .. data.RootCauses.Skip(1)],
        };
    }

    private static void AssertNeutralised(IXLCell cell)
    {
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.StartsWith("'", cell.GetString());
        Assert.False(cell.HasFormula);
    }

    private static void AssertText(IXLCell cell, string expected)
    {
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal(expected, cell.GetString());
        Assert.False(cell.HasFormula);
    }

    /// <summary>
    /// The cells of a row as a person sees them, formatted by ExcelNumberFormat (ClosedXML 0.95's GetFormattedString
    /// ignores the number format of a loaded cell).
    /// </summary>
    private static List<string> Row(IXLWorksheet sheet, int row, int columns) =>
        [.. Enumerable.Range(1, columns).Select(c => Shown(sheet.Cell(row, c)))];

    private static string Shown(IXLCell cell)
    {
        if (cell.IsEmpty() || cell.DataType == XLDataType.Text)
        {
            return cell.GetString();
        }

        var format = new ExcelNumberFormat.NumberFormat(FormatOf(cell));
        var number = cell.DataType == XLDataType.DateTime ? cell.GetDateTime().ToOADate() : cell.GetDouble();
        object value = format.IsDateTimeFormat ? DateTime.FromOADate(number) : number;
        return format.Format(value, CultureInfo.InvariantCulture);
    }

    /// <summary>The number format of a cell; ClosedXML reports built-in formats by id only.</summary>
    private static string FormatOf(IXLCell cell)
    {
        var style = cell.Style.NumberFormat;
        if (!string.IsNullOrEmpty(style.Format))
        {
            return style.Format;
        }

        return style.NumberFormatId switch
        {
            1 => "0",
            2 => "0.00",
            3 => "#,##0",
            4 => "#,##0.00",
            9 => "0%",
            10 => "0.00%",
            14 => "yyyy-mm-dd",
            49 => "@",
            _ => "General",
        };
    }

    /// <summary>Sheet and range of every 1 → 3 → 5 red-amber-green colour scale.</summary>
    private static List<(string Sheet, string Range)> ColourScales(byte[] bytes)
    {
        var scales = new List<(string, string)>();
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            foreach (var formatting in part.Worksheet.Elements<ConditionalFormatting>())
            {
                var scale = formatting.Descendants<ColorScale>().SingleOrDefault();
                if (scale is null)
                {
                    continue;
                }

                Assert.Equal(["1", "3", "5"], scale.Elements<ConditionalFormatValueObject>().Select(v => v.Val!.Value));
                Assert.Equal(["FFF8696B", "FFFFEB84", "FF63BE7B"], scale.Elements<DocumentFormat.OpenXml.Spreadsheet.Color>().Select(c => c.Rgb!.Value));
                var range = formatting.SequenceOfReferences!.InnerText ?? "";
                var ends = range.Split(':');
                scales.Add((sheet.Name!.Value!, ends.Length == 2 && ends[0] == ends[1] ? ends[0] : range));
            }
        }

        return scales;
    }
}
