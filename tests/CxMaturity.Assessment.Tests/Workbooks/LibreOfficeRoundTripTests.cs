using CxMaturity.Assessment.Workbooks;
using static CxMaturity.Assessment.Tests.Workbooks.WorkbookTestData;

namespace CxMaturity.Assessment.Tests.Workbooks;

/// <summary>LibreOffice as an independent reader: what it makes of our files is what a client's spreadsheet sees.</summary>
public sealed class LibreOfficeRoundTripTests
{
    [Fact]
    public void LibreOffice_reads_every_sheet_of_the_engagement_workbook_with_formula_like_text_as_text()
    {
        var data = Engagement();
        var responses = data.Responses.ToList();
        responses[^1] = responses[^1] with { Comment = "=1+2" };
        data = data with { Responses = responses, Roadmap = [data.Roadmap[0] with { Owner = "@SUM(1,1)" }, .. data.Roadmap.Skip(1)] };
        var input = Path.Combine(Path.GetTempPath(), $"engagement-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(input, EngagementBytes(data));

        string? output = null;
        try
        {
            output = LibreOffice.Convert(input, LibreOffice.CsvAllSheets);
            var baseName = Path.GetFileNameWithoutExtension(input);
            var sheets = EngagementWorkbookWriter.SheetNames.ToDictionary(
                name => name,
                name => File.ReadAllLines(Path.Combine(output, $"{baseName}-{name}.csv")));

            Assert.Equal("Organisation,Acme Retail,,,", sheets["Summary"][3]);
            Assert.Equal("Opens,2025-03-01,,,", sheets["Summary"][7]);
            Assert.Equal("Response rate,75.0%,,,", sheets["Summary"][11]);
            Assert.Equal("Overall score,2.46,,,", sheets["Summary"][12]);
            Assert.Equal("CX strategy and leadership,2.35,Development,Definition,0.66", sheets["Summary"][19]);
            Assert.Equal("CX strategy and leadership,All,3,2.35,2.50,1.50,3.00,0.62", sheets["Dimensions"][4]);
            Assert.Equal("Voice of the customer,Frontline,0,,,,,", sheets["Dimensions"][7]);
            Assert.Equal("Dimension,Question id,Question,Mean,1 Initial,2 Development,3 Definition,4 Managed,5 Optimized,Not applicable", sheets["Questions"][3]);
            Assert.Equal("Voice of the customer,voc.share,How widely is customer feedback shared?,3.25,1,0,1,0,1,1", sheets["Questions"][9]);
            Assert.Equal(22, sheets["Responses"].Length);
            Assert.Equal(
                "Grace Hopper,Frontline,Voice of the customer,voc.share,How widely is customer feedback shared?,,Not applicable,",
                sheets["Responses"][15]);
            Assert.Equal(
                "Alan Turing,Management,Voice of the customer,voc.share,How widely is customer feedback shared?,3,Definition,'=1+2",
                sheets["Responses"][21]);
            Assert.Equal(
                "1,Short term (0–6 months),CX strategy and leadership,2 → 3,Write a one-page CX vision,1.23,4,2,Accepted,\"'@SUM(1,1)\",Vision sprint,45.0%",
                sheets["Roadmap"][4]);
            Assert.Equal("Vision sprint,A,R,C", sheets["RACI"][4]);
            Assert.Equal(
                "Net Promoter Score,NPS,points,Higher is better,40.00,Advocacy,Monthly,Jane Doe,Voice of the customer,2025-02-28,30.00,10,48.41,Yes,Target not met,No significant change,-2.50,2025-03-28,Yes",
                sheets["KPIs"][4]);
            Assert.Equal("Net Promoter Score,2025-02-28,30.00,10,48.41,Yes,Web survey,Ten answers at the till,,,,,,,,,,,", sheets["KPIs"][11]);
            Assert.Equal(
                "Vision sprint,In progress,CX strategy and leadership,Jane Doe,2025-04-01,2025-06-30,No,1,2,\"Net Promoter Score, Customer effort\",Write a one-page CX vision",
                sheets["Projects"][4]);
            Assert.Equal("Vision sprint,Board sign-off,2025-06-15,No,,,,,,,", sheets["Projects"][10]);
            Assert.Equal("Technology,2,8.00,40.0%,90.0%,Yes", sheets["Customer gaps"][5]);
        }
        finally
        {
            File.Delete(input);
            if (output is not null)
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void A_questionnaire_filled_and_saved_again_by_LibreOffice_still_imports()
    {
        var filled = WorkbookFiles.Edit(QuestionnaireBytes(Questionnaire()), document =>
        {
            WorkbookFiles.SetText(document, "Questions", "D6", Options("strategy.vision")[2]);
            WorkbookFiles.SetText(document, "Questions", "E6", "00123");
            WorkbookFiles.SetText(document, "Questions", "D12", "Not applicable");
        });
        var folder = Path.Combine(Path.GetTempPath(), $"questionnaire-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, "answers.xlsx");
        File.WriteAllBytes(input, filled);

        try
        {
            var output = LibreOffice.Convert(input, "xlsx");
            byte[] resaved;
            try
            {
                resaved = File.ReadAllBytes(Path.Combine(output, "answers.xlsx"));
            }
            finally
            {
                Directory.Delete(output, recursive: true);
            }

            Assert.NotEqual(filled, resaved);

            var result = QuestionnaireImporter.Read(new MemoryStream(resaved), "answers.xlsx", Expectation(), Key);

            Assert.True(result.IsValid, string.Join("\n", result.Problems));
            Assert.Equal(new ImportedAnswer("strategy.vision", 3, "00123"), result.Answers["strategy.vision"]);
            Assert.Equal(new ImportedAnswer("voc.share", null, null), result.Answers["voc.share"]);
            Assert.Equal("r-ada", result.RespondentId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
