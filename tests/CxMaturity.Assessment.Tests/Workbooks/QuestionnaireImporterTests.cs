using ClosedXML.Excel;
using CxMaturity.Assessment.Workbooks;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using static CxMaturity.Assessment.Tests.Workbooks.WorkbookTestData;

namespace CxMaturity.Assessment.Tests.Workbooks;

public sealed class QuestionnaireImporterTests
{
    private static string Statement(string questionId, int level) => Options(questionId)[level - 1];

    /// <summary>Ada's answers: four answered (one Not applicable), two left empty.</summary>
    private static readonly (string Cell, string Text)[] AdaAnswers =
    [
        ("D6", Statement("strategy.vision", 3)),
        ("E6", "We have a vision deck"),
        ("D7", "Not applicable"),
        ("D10", Statement("voc.listen", 5)),
        ("D11", Statement("voc.loops", 1)),
        ("E11", "  Only for complaints  "),
    ];

    private static byte[] Filled(byte[] workbook, params (string Cell, string Text)[] cells) =>
        WorkbookFiles.Edit(workbook, document =>
        {
            foreach (var (cell, text) in cells)
            {
                WorkbookFiles.SetText(document, "Questions", cell, text);
            }
        });

    private static QuestionnaireImportResult Import(
        byte[] file,
        string fileName = "answers.xlsx",
        QuestionnaireImportExpectation? expected = null) =>
        QuestionnaireImporter.Read(new MemoryStream(file), fileName, expected ?? Expectation(), Key);

    private static ImportProblem SingleProblem(QuestionnaireImportResult result)
    {
        Assert.False(result.IsValid);
        Assert.Empty(result.Answers);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void A_filled_workbook_imports_every_answer_and_comment()
    {
        var result = Import(Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal("r-ada", result.RespondentId);
        Assert.Equal("Ada Lovelace", result.RespondentName);
        Assert.Equal(
            [
                new ImportedAnswer("strategy.vision", 3, "We have a vision deck"),
                new ImportedAnswer("strategy.sponsor", null, null),
                new ImportedAnswer("voc.listen", 5, null),
                new ImportedAnswer("voc.loops", 1, "Only for complaints"),
            ],
            result.Answers.Values.OrderBy(a => Array.FindIndex(Questions, q => q.QuestionId == a.QuestionId)));
        Assert.Equal(["strategy.sponsor", "strategy.vision", "voc.listen", "voc.loops"], result.Answers.Keys.Order());
    }

    [Fact]
    public void A_workbook_filled_and_saved_by_another_library_imports_with_shared_strings()
    {
        var blank = QuestionnaireBytes(Questionnaire());
        using var buffer = new MemoryStream();
        using (var workbook = new XLWorkbook(new MemoryStream(blank)))
        {
            var sheet = workbook.Worksheet("Questions");
            sheet.Cell("D6").SetValue(Statement("strategy.vision", 2));
            sheet.Cell("D12").SetValue(Statement("voc.share", 4));
            sheet.Cell("E12").SetValue("Shared in the monthly review");
            workbook.SaveAs(buffer);
        }

        var result = Import(buffer.ToArray());

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(2, result.Answers["strategy.vision"].Level);
        Assert.Equal(new ImportedAnswer("voc.share", 4, "Shared in the monthly review"), result.Answers["voc.share"]);
        Assert.Equal(2, result.Answers.Count);
    }

    [Fact]
    public void A_blank_workbook_leaves_naming_the_respondent_to_the_importer()
    {
        var blank = QuestionnaireBytes(Questionnaire(respondentId: null, respondentName: null));

        var result = Import(Filled(blank, ("D6", Statement("strategy.vision", 4))));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Null(result.RespondentId);
        Assert.Null(result.RespondentName);
        Assert.Equal(4, result.Answers["strategy.vision"].Level);
    }

    [Fact]
    public void A_workbook_with_a_picture_pasted_in_imports()
    {
        var filled = Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers);
        var withLogo = WorkbookFiles.Edit(filled, document => WorkbookFiles.AddPicture(document, "Questions"));
        using (var document = SpreadsheetDocument.Open(new MemoryStream(withLogo), false))
        {
            Assert.Single(WorkbookFiles.Sheet(document, "Questions").DrawingsPart!.ImageParts);
        }

        var result = Import(withLogo);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(4, result.Answers.Count);
    }

    [Fact]
    public void A_tampered_signature_is_refused()
    {
        var tampered = WorkbookFiles.Edit(
            Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers),
            document => WorkbookFiles.SetText(document, "Metadata", "B7", "Grace Hopper"));

        var problem = SingleProblem(Import(tampered));

        Assert.Equal("Metadata!B8", problem.Location);
        Assert.StartsWith("The workbook's signature does not match its contents", problem.Message);
    }

    [Fact]
    public void A_workbook_pointed_at_another_round_by_editing_its_metadata_is_refused_by_the_signature()
    {
        var repointed = WorkbookFiles.Edit(
            Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers),
            document =>
            {
                WorkbookFiles.SetText(document, "Metadata", "B4", "9");
                WorkbookFiles.SetText(document, "Metadata", "B5", "Autumn 2025");
            });

        var problem = SingleProblem(Import(repointed, expected: Expectation(roundId: "9", roundName: "Autumn 2025")));

        Assert.StartsWith("The workbook's signature does not match its contents", problem.Message);
    }

    [Fact]
    public void A_moved_question_row_in_the_metadata_is_refused_by_the_signature()
    {
        var moved = WorkbookFiles.Edit(
            Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers),
            document => WorkbookFiles.SetNumber(document, "Metadata", "B11", 7));

        Assert.StartsWith("The workbook's signature does not match its contents", SingleProblem(Import(moved)).Message);
    }

    [Fact]
    public void Another_rounds_workbook_is_refused_naming_both_rounds()
    {
        var filled = Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers);

        var problem = SingleProblem(Import(filled, expected: Expectation(roundId: "9", roundName: "Autumn 2025")));

        Assert.Equal("Metadata!B4", problem.Location);
        Assert.Equal(
            "This workbook belongs to round \"Spring 2025\" (id 7), not to round \"Autumn 2025\" (id 9) that you are importing into. Import it into its own round, or download the questionnaire workbook for \"Autumn 2025\".",
            problem.Message);
    }

    [Fact]
    public void A_workbook_for_another_model_version_is_refused()
    {
        var filled = Filled(QuestionnaireBytes(Questionnaire(modelVersion: "1.0")), AdaAnswers);

        var problem = SingleProblem(Import(filled, expected: Expectation(modelVersion: "1.1")));

        Assert.Equal("Metadata!B3", problem.Location);
        Assert.Equal(
            "This workbook was made for version 1.0 of model \"cx-maturity\", but the round uses version 1.1; its questions may differ. Download the questionnaire workbook for this round.",
            problem.Message);
    }

    [Fact]
    public void An_answer_that_is_not_one_of_the_offered_statements_is_refused_with_its_cell()
    {
        var filled = Filled(QuestionnaireBytes(Questionnaire()), [.. AdaAnswers, ("D12", "Pretty good, I think")]);

        var problem = SingleProblem(Import(filled));

        Assert.Equal("Questions!D12", problem.Location);
        Assert.Equal(
            "\"Pretty good, I think\" is not one of the answers offered for question voc.share; choose one of its five statements, or \"Not applicable\", from the drop-down list.",
            problem.Message);
    }

    [Fact]
    public void Another_questions_statement_is_not_an_answer()
    {
        var filled = Filled(QuestionnaireBytes(Questionnaire()), ("D6", Statement("voc.share", 2)));

        Assert.Equal("Questions!D6", SingleProblem(Import(filled)).Location);
    }

    [Fact]
    public void A_formula_in_an_answer_cell_is_refused_and_never_evaluated()
    {
        var filled = WorkbookFiles.Edit(
            Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers),
            document => WorkbookFiles.SetFormula(document, "Questions", "D8", "Lists!B3", Statement("strategy.budget", 1)));

        var problem = SingleProblem(Import(filled));

        Assert.Equal("Questions!D8", problem.Location);
        Assert.Equal(
            "The answer to question strategy.budget is a formula, and formulas are never evaluated; choose the answer from the drop-down list instead.",
            problem.Message);
    }

    [Fact]
    public void Every_problem_in_the_answers_is_reported_at_once_with_its_cell()
    {
        var filled = WorkbookFiles.Edit(
            Filled(QuestionnaireBytes(Questionnaire()), ("D6", "Maybe"), ("E11", "A comment without an answer")),
            document =>
            {
                WorkbookFiles.SetFormula(document, "Questions", "D7", "1+1", "2");
                WorkbookFiles.SetNumber(document, "Questions", "D10", 3);
                WorkbookFiles.SetFormula(document, "Questions", "E12", "HYPERLINK(\"http://evil\")", "click");
                WorkbookFiles.SetText(document, "Questions", "B8", "voc.listen");
            });

        var result = Import(filled);

        Assert.False(result.IsValid);
        Assert.Empty(result.Answers);
        Assert.Equal(
            ["Questions!D6", "Questions!D7", "Questions!B8", "Questions!D10", "Questions!E11", "Questions!E12"],
            result.Problems.Select(p => p.Location));
        Assert.Contains("\"3\" is not one of the answers offered for question voc.listen", result.Problems[3].Message);
        Assert.StartsWith("This cell should hold question id strategy.budget, but holds \"voc.listen\"", result.Problems[2].Message);
        Assert.StartsWith("Question voc.loops has a comment but no answer", result.Problems[4].Message);
        Assert.StartsWith("The comment is a formula", result.Problems[5].Message);
    }

    [Fact]
    public void A_workbook_without_answers_is_refused()
    {
        var problem = SingleProblem(Import(QuestionnaireBytes(Questionnaire())));

        Assert.Equal("Questions", problem.Location);
        Assert.StartsWith("No question is answered", problem.Message);
    }

    [Fact]
    public void A_question_outside_the_round_is_refused()
    {
        var expected = Expectation() with { Questions = [.. Expectation().Questions.Where(q => q.Id != "voc.share")] };

        var problem = SingleProblem(Import(Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers), expected: expected));

        Assert.Equal("Questions!B12", problem.Location);
    }

    [Fact]
    public void A_macro_enabled_workbook_named_xlsm_is_refused()
    {
        var problem = SingleProblem(Import(Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers), fileName: "answers.xlsm"));

        Assert.Null(problem.Location);
        Assert.Equal(
            "\"answers.xlsm\" is a macro-enabled workbook (.xlsm), and macro-enabled workbooks are refused. Save it as an Excel Workbook (.xlsx) and import that.",
            problem.Message);
    }

    [Fact]
    public void A_macro_enabled_workbook_renamed_to_xlsx_is_refused()
    {
        var macroEnabled = WorkbookFiles.Edit(
            Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers),
            document => document.ChangeDocumentType(SpreadsheetDocumentType.MacroEnabledWorkbook));

        var problem = SingleProblem(Import(macroEnabled));

        Assert.Equal(
            "\"answers.xlsx\" is a macro-enabled workbook under an .xlsx name, and macro-enabled workbooks are refused. Save it as an Excel Workbook (.xlsx) and import that.",
            problem.Message);
    }

    [Fact]
    public void A_text_file_renamed_to_xlsx_is_refused()
    {
        var text = "Question,Answer\nstrategy.vision,3\n"u8.ToArray();

        var problem = SingleProblem(Import(text));

        Assert.Equal(
            "\"answers.xlsx\" is not an Excel workbook: its content is not an .xlsx package (a file renamed to .xlsx is not one). Save the questionnaire from Excel or LibreOffice as an Excel Workbook (.xlsx).",
            problem.Message);
    }

    [Theory]
    [InlineData("answers.txt")]
    [InlineData("answers.xls")]
    [InlineData("answers")]
    public void A_file_not_named_xlsx_is_refused(string fileName)
    {
        var problem = SingleProblem(Import(QuestionnaireBytes(Questionnaire()), fileName: fileName));

        Assert.Equal($"\"{fileName}\" is not an Excel workbook: only .xlsx files can be imported.", problem.Message);
    }

    [Fact]
    public void A_file_over_10_MB_is_refused_with_its_size()
    {
        var file = new byte[11 * 1024 * 1024];
        new Random(11).NextBytes(file);

        var problem = SingleProblem(Import(file));

        Assert.Equal(
            "\"answers.xlsx\" is 11.0 MB; questionnaire workbooks over 10 MB are refused. A filled questionnaire is far smaller: remove anything pasted into it and save it again.",
            problem.Message);
    }

    [Fact]
    public void A_file_over_10_MB_arriving_as_a_forward_only_stream_is_refused_after_10_MB()
    {
        var file = new byte[11 * 1024 * 1024];

        var result = QuestionnaireImporter.Read(new ForwardOnlyStream(new MemoryStream(file)), "answers.xlsx", Expectation(), Key);

        Assert.StartsWith("\"answers.xlsx\" is larger than that; questionnaire workbooks over 10 MB are refused.", SingleProblem(result).Message);
    }

    [Fact]
    public void A_zip_bomb_whose_part_inflates_past_the_limit_is_refused()
    {
        var bomb = WorkbookFiles.ZipOfZeros(entries: 1, megabytes: 60);
        Assert.True(bomb.Length < 200 * 1024, $"The bomb is {bomb.Length} bytes; it should be small.");

        var problem = SingleProblem(Import(bomb));

        Assert.Equal(
            "\"answers.xlsx\" contains a part (\"xl/worksheets/sheet1.xml\") compressed more than 100 to 1; it is refused as a possible zip bomb.",
            problem.Message);
    }

    [Fact]
    public void A_zip_bomb_of_many_small_parts_expanding_past_50_MB_is_refused()
    {
        var bomb = WorkbookFiles.ZipOfZeros(entries: 60, megabytes: 1);
        Assert.True(bomb.Length < 1024 * 1024, $"The bomb is {bomb.Length} bytes; it should be small.");

        var problem = SingleProblem(Import(bomb));

        Assert.Equal(
            "\"answers.xlsx\" expands to more than 50 MB when unpacked; it is refused as a possible zip bomb.",
            problem.Message);
    }

    [Fact]
    public void A_zip_with_more_than_10000_entries_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i <= 10_000; i++)
            {
                zip.CreateEntry($"xl/media/{i}.bin");
            }
        }

        var problem = SingleProblem(Import(stream.ToArray()));

        Assert.Equal(
            "\"answers.xlsx\" holds 10,001 files; a questionnaire workbook holds a few dozen, and more than 10,000 are refused as a possible zip bomb.",
            problem.Message);
    }

    [Fact]
    public void A_part_longer_than_the_reader_allows_is_refused_without_being_loaded()
    {
        // 21 million characters from a four-letter alphabet: compressed about 4 to 1, so it passes the zip checks
        // (5 MB file, 21 MB unpacked) and only the reader's MaxCharactersInPart stops it.
        var random = new Random(21);
        var letters = new char[21_000_000];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('a' + random.Next(4));
        }

        var huge = WorkbookFiles.Edit(Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers), document =>
        {
            var xml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                + new string(letters) + "</t></is></c></row></sheetData></worksheet>";
            using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
            WorkbookFiles.Sheet(document, "Metadata").FeedData(content);
        });
        Assert.InRange(huge.Length, 1024 * 1024, 10 * 1024 * 1024);

        var problem = SingleProblem(Import(huge));

        Assert.Equal(
            "\"answers.xlsx\" could not be read: one of its parts is not well-formed, or larger than the 20,000,000 characters CxMaturity reads from a part.",
            problem.Message);
    }

    [Theory]
    [InlineData("../../etc/cron.d/evil")]
    [InlineData("xl/../../evil.xml")]
    [InlineData("/etc/passwd")]
    [InlineData("\\windows\\evil.dll")]
    [InlineData("C:/evil.xml")]
    public void A_zip_with_an_unsafe_entry_name_is_refused(string entryName)
    {
        var problem = SingleProblem(Import(WorkbookFiles.ZipWithEntry(entryName)));

        Assert.StartsWith("\"answers.xlsx\" contains a file with an unsafe name", problem.Message);
    }

    [Fact]
    public void A_metadata_sheet_padded_with_300000_rows_is_refused_as_not_the_expected_shape()
    {
        var padded = WorkbookFiles.Edit(Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers), document =>
        {
            // The signed rows as they are, then 300,000 more rows of question ids after them.
            var part = WorkbookFiles.Sheet(document, "Metadata");
            var rows = new System.Text.StringBuilder();
            for (var row = 2_000; row < 302_000; row++)
            {
                rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{row}\"><c r=\"A{row}\" t=\"inlineStr\"><is><t>q{row}</t></is></c></row>");
            }

            var xml = ReadPart(part).Replace("</sheetData>", rows + "</sheetData>", StringComparison.Ordinal);
            using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
            part.FeedData(content);
        });

        var problem = SingleProblem(Import(padded));

        Assert.StartsWith("\"answers.xlsx\" is not a CxMaturity questionnaire workbook, or comes from a version this one cannot read.", problem.Message);
    }

    [Theory]
    [InlineData("A2", "Round id")]
    [InlineData("A8", "")]
    [InlineData("A9", "Signature")]
    public void A_metadata_sheet_with_a_label_moved_or_missing_is_refused_as_not_the_expected_shape(string cell, string label)
    {
        var moved = WorkbookFiles.Edit(Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers), document =>
        {
            WorkbookFiles.SetText(document, "Metadata", cell, label);
            if (cell == "A9")
            {
                WorkbookFiles.SetText(document, "Metadata", "A8", "Signed");
            }
        });

        var problem = SingleProblem(Import(moved));

        Assert.StartsWith("\"answers.xlsx\" is not a CxMaturity questionnaire workbook", problem.Message);
    }

    [Fact]
    public void The_signature_is_checked_before_the_rest_of_the_shared_strings_is_read()
    {
        // A tampered workbook whose shared-string table breaks off after its last entry: reading the whole table
        // first would refuse it as unreadable; checking the signature first refuses it for what it is.
        var tampered = WorkbookFiles.Edit(Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers), document =>
        {
            WorkbookFiles.SetText(document, "Metadata", "B7", "Grace Hopper");
            var part = document.WorkbookPart!.SharedStringTablePart!;
            var xml = ReadPart(part).Replace("</sst>", "<si><t>never closed", StringComparison.Ordinal);
            using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
            part.FeedData(content);
        });

        var problem = SingleProblem(Import(tampered));

        Assert.StartsWith("The workbook's signature does not match its contents", problem.Message);
    }

    private static string ReadPart(DocumentFormat.OpenXml.Packaging.OpenXmlPart part)
    {
        using var reader = new StreamReader(part.GetStream());
        return reader.ReadToEnd();
    }

    [Fact]
    public void A_workbook_not_made_by_CxMaturity_is_refused()
    {
        using var buffer = new MemoryStream();
        using (var workbook = new XLWorkbook())
        {
            workbook.AddWorksheet("Questions").Cell("D6").SetValue("Anything");
            workbook.SaveAs(buffer);
        }

        var problem = SingleProblem(Import(buffer.ToArray()));

        Assert.StartsWith("\"answers.xlsx\" is not a CxMaturity questionnaire workbook: it has no metadata sheet.", problem.Message);
    }

    [Fact]
    public void A_zip_that_is_not_a_package_is_refused_as_not_a_workbook()
    {
        var problem = SingleProblem(Import(WorkbookFiles.ZipWithEntry("readme.txt")));

        Assert.StartsWith("\"answers.xlsx\" is not an Excel workbook", problem.Message);
    }

    [Fact]
    public void A_respondent_name_that_starts_like_a_formula_comes_back_as_typed()
    {
        var bytes = QuestionnaireBytes(Questionnaire(respondentName: "=Ada"));

        var result = Import(Filled(bytes, AdaAnswers));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal("=Ada", result.RespondentName);
    }

    [Fact]
    public void Import_of_a_filled_questionnaire_stays_well_within_its_time_budget()
    {
        var filled = Filled(QuestionnaireBytes(Questionnaire()), AdaAnswers);
        Import(filled);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = Import(filled);
        watch.Stop();

        Assert.True(result.IsValid);
        Assert.True(watch.ElapsedMilliseconds < 500, $"Import took {watch.ElapsedMilliseconds} ms.");
    }
}
