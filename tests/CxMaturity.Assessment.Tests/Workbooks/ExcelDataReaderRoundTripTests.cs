using System.Text;
using CxMaturity.Assessment.Workbooks;
using ExcelDataReader;
using static CxMaturity.Assessment.Tests.Workbooks.WorkbookTestData;

namespace CxMaturity.Assessment.Tests.Workbooks;

/// <summary>
/// ExcelDataReader as a second independent reader: it shares no code with ClosedXML or the Open XML SDK, so a value
/// that only our own stack reads back right shows up here.
/// </summary>
public sealed class ExcelDataReaderRoundTripTests
{
    [Fact]
    public void ExcelDataReader_reads_the_streamed_Responses_rows_with_names_levels_and_stages()
    {
        var sheets = ReadAll(EngagementBytes(Engagement()));
        var responses = sheets["Responses"];

        Assert.Equal(22, responses.Count);
        Assert.Equal(["Respondent", "Group", "Dimension", "Question id", "Question", "Level", "Stage", "Comment"], Row(responses, 4));
        Assert.Equal(
            ["Ada Lovelace", "Executive", "CX strategy and leadership", "strategy.vision", "How clearly is the customer-experience vision stated?", 1.0, "Initial", "Respondent comment 1: the vision is not written down"],
            Row(responses, 5));
        Assert.Equal(
            ["Grace Hopper", "Frontline", "CX strategy and leadership", "strategy.vision", "How clearly is the customer-experience vision stated?", 2.0, "Development", "Respondent comment 2: the vision is not written down"],
            Row(responses, 11));
        Assert.Equal(["Grace Hopper", "Frontline", "Voice of the customer", "voc.share", "How widely is customer feedback shared?", null, "Not applicable", null], Row(responses, 16));
        Assert.Equal(["Alan Turing", "Management", "Voice of the customer", "voc.share", "How widely is customer feedback shared?", 3.0, "Definition", null], Row(responses, 22));
    }

    [Fact]
    public void ExcelDataReader_reads_pseudonyms_and_not_names_in_an_anonymised_workbook()
    {
        var responses = ReadAll(EngagementBytes(Engagement(), anonymise: true))["Responses"];

        Assert.Equal(
            Enumerable.Repeat("R01", 6).Concat(Enumerable.Repeat("R02", 6)).Concat(Enumerable.Repeat("R03", 6)),
            Enumerable.Range(5, 18).Select(r => Row(responses, r)[0]));
        Assert.Equal(["R02", "Frontline", 2.0, "Development"], Row(responses, 11).Where((_, c) => c is 0 or 1 or 5 or 6));
    }

    [Fact]
    public void ExcelDataReader_reads_the_Summary_RACI_and_KPI_values_as_written()
    {
        var sheets = ReadAll(EngagementBytes(Engagement()));

        Assert.Equal(EngagementWorkbookWriter.SheetNames, sheets.Keys);
        var summary = sheets["Summary"];
        Assert.Equal("CX maturity assessment: Acme Retail", Row(summary, 1)[0]);
        Assert.Equal(["Organisation", "Acme Retail"], Row(summary, 4)[..2]);
        Assert.Equal(["Model version", "1.0"], Row(summary, 7)[..2]);
        Assert.Equal(["Opens", new DateTime(2025, 3, 1)], Row(summary, 8)[..2]);
        Assert.Equal(["Respondents submitted", 3.0], Row(summary, 10)[..2]);
        Assert.Equal(["Response rate", 0.75], Row(summary, 12)[..2]);
        Assert.Equal(["Overall score", 2.46], Row(summary, 13)[..2]);
        Assert.Equal(["CX strategy and leadership", 2.35, "Development", "Definition", 0.66], Row(summary, 20)[..5]);

        Assert.Equal(["Vision sprint", "A", "R", "C"], Row(sheets["RACI"], 5)[..4]);
        Assert.Equal(["Net Promoter Score", new DateTime(2025, 2, 28), 41.33, 40.0, "On target"], Row(sheets["KPIs"], 11)[..5]);
    }

    /// <summary>Every sheet by name, each as its rows from row 1, each row as its cells from column A.</summary>
    private static Dictionary<string, List<object?[]>> ReadAll(byte[] workbook)
    {
        // ExcelDataReader 3.6's configuration looks up code page 1252 (its fallback for legacy .xls) even for .xlsx. The
        // provider ships in .NET's shared framework, so no System.Text.Encoding.CodePages package; registering it twice is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var sheets = new Dictionary<string, List<object?[]>>(StringComparer.Ordinal);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(workbook));
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var c = 0; c < row.Length; c++)
                {
                    row[c] = reader.IsDBNull(c) ? null : reader.GetValue(c);
                }

                rows.Add(row);
            }

            sheets.Add(reader.Name, rows);
        }
        while (reader.NextResult());

        return sheets;
    }

    private static object?[] Row(List<object?[]> rows, int number) => rows[number - 1];
}
