using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using ClosedXML.Excel;
using CxMaturity.Assessment.Workbooks;
using CxMaturity.TestSupport;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CxMaturity.Benchmarks;

/// <summary>
/// The engagement workbook at 500 and 5,000 respondents × 54 questions (12 KPIs × 52 weekly measurements, 50
/// projects), against the floor: the same Responses sheet alone, written with OpenXmlWriter (SAX).
/// Goals: 500 respondents ≤ 1.5 s; 5,000 ≤ 6 s with a peak working set ≤ 1 GB (see <see cref="WorkbookBudgets"/>,
/// which measures that in a process of its own); workbook ÷ floor ≤ 4.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class EngagementWorkbookBenchmarks
{
    private EngagementWorkbookData _data = null!;

    [Params(500, 5_000)]
    public int Respondents { get; set; }

    [GlobalSetup]
    public void Setup() => _data = WorkbookBenchmarkData.Engagement(Respondents);

    [Benchmark(Baseline = true)]
    public long ResponsesSheetWithOpenXmlWriter()
    {
        using var output = new MemoryStream();
        WorkbookBenchmarkData.WriteResponsesWithSax(_data.Responses, output);
        return output.Length;
    }

    [Benchmark]
    public long EngagementWorkbook()
    {
        using var output = new MemoryStream();
        EngagementWorkbookWriter.Write(_data, output, anonymise: false);
        return output.Length;
    }
}

/// <summary>
/// Import of one filled questionnaire workbook (54 questions). Goal ≤ 50 ms. And the refusal of the same workbook
/// with its metadata sheet padded by 300,000 rows, which must not cost more than reading the metadata it expects.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class QuestionnaireImportBenchmarks
{
    private byte[] _filled = null!;
    private byte[] _padded = null!;
    private QuestionnaireImportExpectation _expected = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_filled, _expected) = WorkbookBenchmarkData.FilledQuestionnaire();
        _padded = WorkbookFiles.Edit(_filled, document =>
        {
            var part = WorkbookFiles.Sheet(document, "Metadata");
            string xml;
            using (var reader = new StreamReader(part.GetStream()))
            {
                xml = reader.ReadToEnd();
            }

            // ClosedXML may write the sheet's elements with a namespace prefix (x:); the rows added use the same one.
            var end = System.Text.RegularExpressions.Regex.Match(xml, "</(?<prefix>\\w+:)?sheetData>");
            var p = end.Groups["prefix"].Value;
            var rows = new System.Text.StringBuilder();
            for (var row = 2_000; row < 302_000; row++)
            {
                rows.Append(CultureInfo.InvariantCulture, $"<{p}row r=\"{row}\"><{p}c r=\"A{row}\" t=\"inlineStr\"><{p}is><{p}t>q{row}</{p}t></{p}is></{p}c></{p}row>");
            }

            using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml.Insert(end.Index, rows.ToString())));
            part.FeedData(content);
        });
    }

    [Benchmark]
    public int RefuseMetadataPaddedWith300000Rows()
    {
        var result = QuestionnaireImporter.Read(new MemoryStream(_padded), "answers.xlsx", _expected, WorkbookBenchmarkData.Key);
        return result.IsValid ? throw new InvalidOperationException("The padded workbook was accepted.") : result.Problems.Count;
    }

    [Benchmark]
    public int ImportFilledQuestionnaire()
    {
        var result = QuestionnaireImporter.Read(new MemoryStream(_filled), "answers.xlsx", _expected, WorkbookBenchmarkData.Key);
        return result.IsValid ? result.Answers.Count : throw new InvalidOperationException(string.Join("; ", result.Problems));
    }
}

/// <summary>
/// The workbook budgets measured with a stopwatch and Process.PeakWorkingSet64, one scenario per process so that
/// the peak belongs to that scenario: <c>WorkbookBudgets.Run("engagement-5000", Console.Out)</c>.
/// </summary>
public static class WorkbookBudgets
{
    public static readonly string[] Scenarios =
    [
        "engagement-500", "engagement-5000", "sax-500", "sax-5000", "closedxml-responses-500", "closedxml-responses-5000", "import",
    ];

    public static void Run(string scenario, TextWriter report)
    {
        Action operation = scenario switch
        {
            "engagement-500" => Engagement(500),
            "engagement-5000" => Engagement(5_000),
            "sax-500" => Sax(500),
            "sax-5000" => Sax(5_000),
            "closedxml-responses-500" => ClosedXmlResponses(500),
            "closedxml-responses-5000" => ClosedXmlResponses(5_000),
            "import" => Import(),
            _ => throw new ArgumentException($"Unknown scenario {scenario}; known: {string.Join(", ", Scenarios)}.", nameof(scenario)),
        };

        operation();
        var timings = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            operation();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        using var process = Process.GetCurrentProcess();
        report.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{scenario,-26} best {timings.Min(),9:0.0} ms   median {timings.Order().ElementAt(1),9:0.0} ms   peak working set {process.PeakWorkingSet64 / (1024.0 * 1024.0),7:0} MB"));
    }

    private static Action Engagement(int respondents)
    {
        var data = WorkbookBenchmarkData.Engagement(respondents);
        return () =>
        {
            using var output = new MemoryStream();
            EngagementWorkbookWriter.Write(data, output, anonymise: false);
        };
    }

    private static Action Sax(int respondents)
    {
        var data = WorkbookBenchmarkData.Engagement(respondents);
        return () =>
        {
            using var output = new MemoryStream();
            WorkbookBenchmarkData.WriteResponsesWithSax(data.Responses, output);
        };
    }

    // What the Responses sheet costs when ClosedXML writes every cell: the reason the writer streams its rows.
    private static Action ClosedXmlResponses(int respondents)
    {
        var data = WorkbookBenchmarkData.Engagement(respondents);
        return () =>
        {
            using var workbook = new XLWorkbook(XLEventTracking.Disabled);
            var sheet = workbook.AddWorksheet("Responses");
            var row = 1;
            foreach (var r in data.Responses)
            {
                sheet.Cell(row, 1).SetValue(r.RespondentName);
                sheet.Cell(row, 2).SetValue(r.Group);
                sheet.Cell(row, 3).SetValue(r.Dimension);
                sheet.Cell(row, 4).SetValue(r.QuestionId);
                sheet.Cell(row, 5).SetValue(r.QuestionText);
                if (r.Level is { } level)
                {
                    sheet.Cell(row, 6).SetValue(level);
                }

                sheet.Cell(row, 7).SetValue(r.Stage ?? "");
                sheet.Cell(row, 8).SetValue(r.Comment ?? "");
                row++;
            }

            using var output = new MemoryStream();
            workbook.SaveAs(output);
        };
    }

    private static Action Import()
    {
        var (filled, expected) = WorkbookBenchmarkData.FilledQuestionnaire();
        return () => QuestionnaireImporter.Read(new MemoryStream(filled), "answers.xlsx", expected, WorkbookBenchmarkData.Key);
    }
}

/// <summary>Generated inputs of realistic size for the workbook benchmarks.</summary>
public static class WorkbookBenchmarkData
{
    public static readonly byte[] Key = [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 13))];

    private static readonly string[] Groups = ["Executive", "Management", "Frontline", "Customer-facing partner"];

    public static EngagementWorkbookData Engagement(int respondents)
    {
        var dimensions = Enumerable.Range(1, 9).Select(d => (Id: $"dim{d}", Title: $"Dimension {d}: customer experience practice area")).ToList();
        var questions = dimensions
            .SelectMany((d, di) => Enumerable.Range(1, 6).Select(q => (Dimension: d.Title, Id: $"{d.Id}.q{q}", Text: $"How consistently does the organisation handle practice {q} of area {di + 1} across every channel and team?")))
            .ToList();
        var random = new Random(42);
        var responses = new List<ResponseRow>(respondents * questions.Count);
        for (var r = 0; r < respondents; r++)
        {
            var group = Groups[r % Groups.Length];
            foreach (var question in questions)
            {
                int? level = random.Next(20) == 0 ? null : random.Next(1, 6);
                var comment = random.Next(5) == 0 ? $"Respondent {r} notes that this works in some teams but not in others, depending on the manager." : null;
                responses.Add(new ResponseRow($"r{r}", $"Respondent {r:00000}", group, question.Dimension, question.Id, question.Text, level,
                    level is { } l ? ModelBuilder.StageNames[l - 1] : "Not applicable", comment));
            }
        }

        var measurements = Enumerable.Range(1, 12)
            .SelectMany(k => Enumerable.Range(0, 52).Select(w => new KpiMeasurementRow(
                $"KPI {k}", new DateOnly(2025, 1, 6).AddDays(7 * w), 40 + random.NextDouble() * 20, 250, 6.2, false, "Weekly survey", null)))
            .ToList();
        var kpis = Enumerable.Range(1, 12)
            .Select(k => new KpiRow($"KPI {k}", k % 3 == 0 ? "NPS" : "CSAT", "points", "Higher is better", 50, "Use", "Weekly", "Owner name", ["Dimension 1"],
                measurements[(52 * k) - 1], "Target not met", "No significant change", -1.5, new DateOnly(2026, 1, 5), false))
            .ToList();
        var projects = Enumerable.Range(1, 50)
            .Select(p => new ProjectRow($"Project {p}", "In progress", "Dimension 2", "Owner name", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), p % 7 == 0,
                ["KPI 1", "KPI 2"], $"Initiative {p}",
                [.. Enumerable.Range(1, 4).Select(m => new MilestoneRow($"Milestone {m}", new DateOnly(2025, 3 * m, 1), m < 3))]))
            .ToList();

        return new EngagementWorkbookData
        {
            Organisation = "Benchmark Org",
            RoundName = "Benchmark round",
            ModelId = "cx-maturity",
            ModelVersion = "1.0",
            ModelTitle = "CX maturity",
            OpensOn = new DateOnly(2025, 1, 1),
            ClosesOn = new DateOnly(2025, 1, 31),
            GeneratedAtUtc = new DateTime(2025, 2, 1, 8, 0, 0, DateTimeKind.Utc),
            RespondentsSubmitted = respondents,
            RespondentsInvited = respondents + 10,
            OverallScore = 2.87,
            OverallStage = "Definition",
            FoundationStage = "Development",
            StageNames = ModelBuilder.StageNames,
            Dimensions = [.. dimensions.Select(d => new DimensionSummaryRow(d.Id, d.Title, 2.5, "Definition", "Managed", 1.5))],
            DimensionStatistics = [.. dimensions.SelectMany(d => Groups.Prepend("All").Select(g => new DimensionStatisticsRow(d.Title, g, respondents, 2.5, 2.5, 1, 5, 0.9)))],
            Questions = [.. questions.Select(q => new QuestionStatisticsRow(q.Dimension, q.Id, q.Text, 2.9, [10, 20, 30, 20, 10], 5))],
            Responses = responses,
            Roadmap = [.. Enumerable.Range(1, 36).Select(i => new RoadmapRow(i, "Short term (0–6 months)", "Dimension 1", "2 → 3", $"Initiative {i}", 1.5, 3, 2, "Proposed", "Owner name", null, i / 36.0))],
            Raci = new RaciMatrix(
                ["Executive sponsor", "CX lead", "Journey owner", "Data and insight lead", "Frontline champion"],
                [.. Enumerable.Range(1, 50).Select(p => new RaciRow($"Project {p}", ["A", "R", "C", "I", null]))]),
            Kpis = kpis,
            KpiMeasurements = measurements,
            Projects = projects,
            CustomerGaps = [.. Enumerable.Range(1, 200).Select(g => new CustomerGapRow($"Problem {g}", "Complaints", $"Root cause {(g % 12) + 1}", 1 + (g % 5)))],
            RootCauses = [.. Enumerable.Range(1, 12).Select(g => new RootCauseRow($"Root cause {g}", 17, 13 - g, (13 - g) / 78.0, g / 12.0, g < 6))],
        };
    }

    /// <summary>The floor: only the Responses rows, as inline strings, through OpenXmlWriter.</summary>
    public static void WriteResponsesWithSax(IReadOnlyList<ResponseRow> responses, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(worksheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            var rowIndex = 1;
            foreach (var response in responses)
            {
                writer.WriteStartElement(new Row { RowIndex = (uint)rowIndex });
                WriteText(writer, response.RespondentName);
                WriteText(writer, response.Group);
                WriteText(writer, response.Dimension);
                WriteText(writer, response.QuestionId);
                WriteText(writer, response.QuestionText);
                if (response.Level is { } level)
                {
                    writer.WriteElement(new Cell { CellValue = new CellValue(level) });
                }

                WriteText(writer, response.Stage);
                WriteText(writer, response.Comment);
                writer.WriteEndElement();
                rowIndex++;
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = "Responses", SheetId = 1, Id = workbookPart.GetIdOfPart(worksheetPart) }));
    }

    private static void WriteText(OpenXmlWriter writer, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
        }
    }

    /// <summary>A questionnaire of 54 questions, every one answered with a statement and a comment.</summary>
    public static (byte[] Workbook, QuestionnaireImportExpectation Expected) FilledQuestionnaire()
    {
        var dimensions = Enumerable.Range(1, 9)
            .Select(d => new QuestionnaireDimension($"dim{d}", $"Dimension {d}",
                [.. Enumerable.Range(1, 6).Select(q => new QuestionnaireQuestion($"dim{d}.q{q}", $"Question {q} of dimension {d}?",
                    [.. Enumerable.Range(1, 5).Select(l => $"Statement for level {l} of question {q} in dimension {d}, written as an executive would read it.")]))]))
            .ToList();
        var data = new QuestionnaireWorkbookData("cx-maturity", "1.0", "CX maturity", "1", "Benchmark round", "r1", "Respondent 1", dimensions);
        using var blank = new MemoryStream();
        QuestionnaireWorkbookWriter.Write(data, blank, Key);

        using var filled = new MemoryStream();
        using (var workbook = new XLWorkbook(new MemoryStream(blank.ToArray())))
        {
            var sheet = workbook.Worksheet("Questions");
            foreach (var row in sheet.RowsUsed().Where(r => r.Cell(2).GetString().Contains(".q", StringComparison.Ordinal)))
            {
                var question = dimensions.SelectMany(d => d.Questions).Single(q => q.Id == row.Cell(2).GetString());
                row.Cell(4).SetValue(question.Options[row.RowNumber() % 5]);
                row.Cell(5).SetValue("A comment typed by the respondent about this question.");
            }

            workbook.SaveAs(filled);
        }

        var expected = new QuestionnaireImportExpectation("cx-maturity", "1.0", "1", "Benchmark round", [.. dimensions.SelectMany(d => d.Questions)]);
        return (filled.ToArray(), expected);
    }
}
