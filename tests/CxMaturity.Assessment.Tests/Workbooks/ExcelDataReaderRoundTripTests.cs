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
    }

    [Fact]
    public void ExcelDataReader_reads_a_kpi_with_its_n_and_margin_a_project_and_the_vital_few_root_causes()
    {
        var sheets = ReadAll(EngagementBytes(Engagement()));

        // NPS from 10, 9, 9, 10, 9, 7, 8, 8, 3, 6: 5 promoters and 2 detractors of 10, NPS 50 − 20 = 30;
        // margin 1.96 × √((0.5 + 0.2 − 0.3²) / 10) × 100 = 1.96 × √0.061 × 100 = 48.41; fewer than 30 ratings.
        Assert.Equal(
            [
                "Net Promoter Score", "NPS", "points", "Higher is better", 40.0, "Advocacy", "Monthly", "Jane Doe", "Voice of the customer",
                new DateTime(2025, 2, 28), 30.0, 10.0, 48.41, "Yes", "Target not met", "No significant change", -2.5, new DateTime(2025, 3, 28), "Yes",
            ],
            Row(sheets["KPIs"], 5));
        Assert.Equal(
            ["Net Promoter Score", new DateTime(2025, 2, 28), 30.0, 10.0, 48.41, "Yes", "Web survey", "Ten answers at the till"],
            Row(sheets["KPIs"], 12)[..8]);
        // A value typed in: no n, no margin, no small-sample flag.
        Assert.Equal(["Customer effort", new DateTime(2025, 3, 31), 5.25, null, null, null, null, null], Row(sheets["KPIs"], 13)[..8]);

        Assert.Equal(
            [
                "Vision sprint", "In progress", "CX strategy and leadership", "Jane Doe", new DateTime(2025, 4, 1), new DateTime(2025, 6, 30), "No", 1.0, 2.0,
                "Net Promoter Score, Customer effort", "Write a one-page CX vision",
            ],
            Row(sheets["Projects"], 5)[..11]);
        Assert.Equal(["Vision sprint", "Board sign-off", new DateTime(2025, 6, 15), "No"], Row(sheets["Projects"], 11)[..4]);

        // Process 5 + 3 + 2 = 10, Technology 6 + 2 = 8, People 2 of 20: cumulative 50 %, 90 %, 100 %. Technology
        // starts below 80 % and so is one of the vital few; People is not.
        var gaps = sheets["Customer gaps"];
        Assert.Equal(["Process", 3.0, 10.0, 0.5, 0.5, "Yes"], Row(gaps, 5)[..6]);
        Assert.Equal(["Technology", 2.0, 8.0, 0.4, 0.9, "Yes"], Row(gaps, 6)[..6]);
        Assert.Equal(["People", 1.0, 2.0, 0.1, 1.0, "No"], Row(gaps, 7)[..6]);
        Assert.Equal(["Invoice shows the wrong address", "Complaints", "Process", 3.0], Row(gaps, 14)[..4]);
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
