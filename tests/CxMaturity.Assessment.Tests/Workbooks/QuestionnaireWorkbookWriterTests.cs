using ClosedXML.Excel;
using CxMaturity.Assessment.Workbooks;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static CxMaturity.Assessment.Tests.Workbooks.WorkbookTestData;

namespace CxMaturity.Assessment.Tests.Workbooks;

public sealed class QuestionnaireWorkbookWriterTests
{
    private static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    [Fact]
    public void Workbook_has_instructions_and_questions_and_very_hidden_lists_and_metadata()
    {
        using var workbook = Open(QuestionnaireBytes(Questionnaire()));

        Assert.Equal(["Instructions", "Questions", "Lists", "Metadata"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(
            [XLWorksheetVisibility.Visible, XLWorksheetVisibility.Visible, XLWorksheetVisibility.VeryHidden, XLWorksheetVisibility.VeryHidden],
            workbook.Worksheets.Select(w => w.Visibility));
    }

    [Fact]
    public void Questions_are_grouped_under_a_heading_row_per_dimension_in_model_order()
    {
        using var workbook = Open(QuestionnaireBytes(Questionnaire()));
        var sheet = workbook.Worksheet("Questions");

        Assert.Equal(
            ["Dimension", "Question id", "Question", "Answer", "Comment", "Help"],
            Enumerable.Range(1, 6).Select(c => sheet.Cell(4, c).GetString()));
        Assert.Equal("1. CX strategy and leadership", sheet.Cell("A5").GetString());
        Assert.Equal(
            ["strategy.vision", "strategy.sponsor", "strategy.budget"],
            Enumerable.Range(6, 3).Select(r => sheet.Cell(r, 2).GetString()));
        Assert.Equal("CX strategy and leadership", sheet.Cell("A6").GetString());
        Assert.Equal("How clearly is the customer-experience vision stated?", sheet.Cell("C6").GetString());
        Assert.Equal("Think of the last twelve months (strategy.vision).", sheet.Cell("F6").GetString());
        Assert.True(sheet.Cell("D6").IsEmpty());
        Assert.Equal("2. Voice of the customer", sheet.Cell("A9").GetString());
        Assert.Equal(
            ["voc.listen", "voc.loops", "voc.share"],
            Enumerable.Range(10, 3).Select(r => sheet.Cell(r, 2).GetString()));
        Assert.True(sheet.Cell("A13").IsEmpty());
        Assert.Equal(4, sheet.SheetView.SplitRow);
    }

    [Fact]
    public void Every_answer_cell_offers_its_five_statements_and_Not_applicable_as_a_drop_down_list()
    {
        var bytes = QuestionnaireBytes(Questionnaire());

        var lists = DropDowns(bytes);

        Assert.Equal(["D6", "D7", "D8", "D10", "D11", "D12"], lists.Keys);
        Assert.Equal([.. Options("strategy.vision"), "Not applicable"], lists["D6"]);
        Assert.Equal([.. Options("voc.share"), "Not applicable"], lists["D12"]);
    }

    [Fact]
    public void Statements_longer_than_the_255_characters_of_an_inline_list_are_offered_through_a_range()
    {
        var longStatement = "We " + new string('o', 300) + "n it.";
        var data = Questionnaire();
        var first = data.Dimensions[0];
        data = data with
        {
            Dimensions = [first with { Questions = [first.Questions[0] with { Options = [longStatement, "b", "c", "d", "e"] }, .. first.Questions.Skip(1)] }, .. data.Dimensions.Skip(1)],
        };

        var lists = DropDowns(QuestionnaireBytes(data));

        Assert.Equal([longStatement, "b", "c", "d", "e", "Not applicable"], lists["D6"]);
    }

    [Fact]
    public void Only_the_answer_and_comment_cells_are_editable_and_the_sheets_are_protected()
    {
        var bytes = QuestionnaireBytes(Questionnaire());
        using var workbook = Open(bytes);
        var sheet = workbook.Worksheet("Questions");

        Assert.True(sheet.IsProtected);
        Assert.True(workbook.Worksheet("Metadata").IsProtected);
        Assert.True(workbook.Worksheet("Lists").IsProtected);
        Assert.True(workbook.Worksheet("Instructions").IsProtected);
        foreach (var row in new[] { 6, 7, 8, 10, 11, 12 })
        {
            Assert.False(sheet.Cell(row, 4).Style.Protection.Locked);
            Assert.False(sheet.Cell(row, 5).Style.Protection.Locked);
            Assert.True(sheet.Cell(row, 2).Style.Protection.Locked);
            Assert.True(sheet.Cell(row, 3).Style.Protection.Locked);
        }

        Assert.True(sheet.Cell("D5").Style.Protection.Locked);
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.True(document.WorkbookPart!.Workbook.WorkbookProtection?.LockStructure?.Value);
    }

    [Fact]
    public void Metadata_names_model_round_and_respondent_and_is_signed_over_them_and_the_question_rows()
    {
        using var workbook = Open(QuestionnaireBytes(Questionnaire()));
        var sheet = workbook.Worksheet("Metadata");

        var fields = Enumerable.Range(1, 8).ToDictionary(r => sheet.Cell(r, 1).GetString(), r => sheet.Cell(r, 2).GetString());
        Assert.Equal("cxmaturity-questionnaire/1", fields["Format"]);
        Assert.Equal("cx-maturity", fields["Model id"]);
        Assert.Equal("1.0", fields["Model version"]);
        Assert.Equal("7", fields["Round id"]);
        Assert.Equal("Spring 2025", fields["Round name"]);
        Assert.Equal("r-ada", fields["Respondent id"]);
        Assert.Equal("Ada Lovelace", fields["Respondent name"]);
        var rows = Enumerable.Range(11, 6)
            .Select(r => new QuestionnaireStampRow(sheet.Cell(r, 1).GetString(), (int)sheet.Cell(r, 2).GetDouble()))
            .ToList();
        Assert.Equal(
            [new("strategy.vision", 6), new("strategy.sponsor", 7), new("strategy.budget", 8), new("voc.listen", 10), new("voc.loops", 11), new("voc.share", 12)],
            rows);
        var stamp = new QuestionnaireStamp("cx-maturity", "1.0", "7", "Spring 2025", "r-ada", "Ada Lovelace", rows);
        Assert.True(QuestionnaireSignature.Verify(Key, stamp, fields["Signature"]));
    }

    [Fact]
    public void A_blank_workbook_names_no_respondent()
    {
        using var workbook = Open(QuestionnaireBytes(Questionnaire(respondentId: null, respondentName: null)));

        Assert.True(workbook.Worksheet("Metadata").Cell("B6").IsEmpty());
        Assert.True(workbook.Worksheet("Metadata").Cell("B7").IsEmpty());
        Assert.Equal("Round Spring 2025 · blank workbook", workbook.Worksheet("Questions").Cell("A2").GetString());
        Assert.StartsWith("Respondent: not named.", workbook.Worksheet("Instructions").Cell("A3").GetString());
    }

    [Fact]
    public void Instructions_say_how_to_answer_and_how_to_return_the_workbook()
    {
        using var workbook = Open(QuestionnaireBytes(Questionnaire()));
        var lines = workbook.Worksheet("Instructions").Column(1).CellsUsed().Select(c => c.GetString()).ToList();

        Assert.Equal("CX maturity: questionnaire", lines[0]);
        Assert.Contains("Round: Spring 2025", lines);
        Assert.Contains("Respondent: Ada Lovelace", lines);
        Assert.Contains("How to answer", lines);
        Assert.Contains("How to return it", lines);
        Assert.Contains(lines, l => l.Contains(".xlsx", StringComparison.Ordinal) && l.Contains("10 MB", StringComparison.Ordinal));
        Assert.Contains("1. CX strategy and leadership: 3 questions", lines);
    }

    [Fact]
    public void A_respondent_name_that_starts_like_a_formula_is_neutralised_everywhere()
    {
        var bytes = QuestionnaireBytes(Questionnaire(respondentName: "=cmd|' /C calc'!A0"));
        using var workbook = Open(bytes);

        Assert.Equal("'=cmd|' /C calc'!A0", workbook.Worksheet("Metadata").Cell("B7").GetString());
        Assert.Equal("Respondent: =cmd|' /C calc'!A0", workbook.Worksheet("Instructions").Cell("A3").GetString());
        Assert.DoesNotContain(WorkbookFiles.AllCells(bytes), c => c.Cell.CellFormula is not null);
    }

    [Fact]
    public void A_question_without_five_statements_is_refused()
    {
        var data = Questionnaire();
        var first = data.Dimensions[0];
        data = data with { Dimensions = [first with { Questions = [first.Questions[0] with { Options = ["a", "b"] }] }] };

        var error = Assert.Throws<ArgumentException>(() => QuestionnaireBytes(data));

        Assert.Contains("needs five", error.Message);
    }

    [Fact]
    public void A_signing_key_shorter_than_16_bytes_is_refused()
    {
        using var output = new MemoryStream();

        Assert.Throws<ArgumentException>(() => QuestionnaireWorkbookWriter.Write(Questionnaire(), output, new byte[8]));
    }

    /// <summary>Answer cell → the values its drop-down offers, read through the validation's range on the Lists sheet.</summary>
    private static Dictionary<string, List<string>> DropDowns(byte[] bytes)
    {
        using var workbook = Open(bytes);
        var lists = workbook.Worksheet("Lists");
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = WorkbookFiles.Sheet(document, "Questions");
        var result = new Dictionary<string, List<string>>();
        foreach (var validation in part.Worksheet.Descendants<DataValidation>())
        {
            Assert.Equal(DataValidationValues.List, validation.Type!.Value);
            Assert.True(validation.ShowErrorMessage?.Value);
            var formula = validation.Formula1!.Text;
            Assert.StartsWith("Lists!$B$", formula);
            var range = lists.Range(formula["Lists!".Length..].Replace("$", "", StringComparison.Ordinal));
            Assert.Equal(1, range.RowCount());
            result[validation.SequenceOfReferences!.InnerText!.Split(':')[0]] = [.. range.Cells().Select(c => c.GetString())];
        }

        return result;
    }
}
