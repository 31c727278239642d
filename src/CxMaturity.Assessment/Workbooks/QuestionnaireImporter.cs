using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static CxMaturity.Assessment.Workbooks.QuestionnaireLayout;

namespace CxMaturity.Assessment.Workbooks;

/// <summary>
/// Reads a filled questionnaire workbook defensively, with DocumentFormat.OpenXml only. The checks come
/// in three stages, and a stage that finds a problem ends the import:
/// the file (.xlsx name, at most 10 MB, a sound zip that expands to at most 50 MB with no entry compressed beyond
/// 100:1 and no unsafe entry name, a workbook that is not macro-enabled); the signed metadata (signature, round,
/// model and version); and the answers, where every problem is collected and reported at once with its cell.
/// Formulas are never evaluated: a formula where an answer or comment belongs is a problem.
/// </summary>
public static class QuestionnaireImporter
{
    /// <summary>The largest file accepted, in bytes (10 MB).</summary>
    public const long MaxFileBytes = UntrustedPackage.MaxFileBytes;

    /// <summary>The most the package may expand to when unpacked, in bytes (50 MB).</summary>
    public const long MaxExpandedBytes = UntrustedPackage.MaxExpandedBytes;

    /// <summary>The most characters the Open XML reader reads from any one part.</summary>
    public const long MaxCharactersInPart = 20_000_000;

    /// <summary>
    /// Reads <paramref name="file"/> (named <paramref name="fileName"/> by the user) and checks it against
    /// <paramref name="expected"/>, verifying its signature with <paramref name="hmacKey"/>.
    /// </summary>
    public static QuestionnaireImportResult Read(
        Stream file,
        string fileName,
        QuestionnaireImportExpectation expected,
        byte[] hmacKey)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(hmacKey);

        var displayName = string.IsNullOrWhiteSpace(fileName) ? "The file" : $"\"{UntrustedPackage.Excerpt(Path.GetFileName(fileName))}\"";
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension == ".xlsm")
        {
            return Refused(
                $"{displayName} is a macro-enabled workbook (.xlsm), and macro-enabled workbooks are refused. Save it as an Excel Workbook (.xlsx) and import that.");
        }

        if (extension != ".xlsx")
        {
            return Refused($"{displayName} is not an Excel workbook: only .xlsx files can be imported.");
        }

        using var buffer = UntrustedPackage.ReadWithinLimit(file, displayName, out var sizeProblem);
        if (buffer is null)
        {
            return QuestionnaireImportResult.Refused([sizeProblem!]);
        }

        if (UntrustedPackage.Check(buffer, displayName) is { } packageProblem)
        {
            return QuestionnaireImportResult.Refused([packageProblem]);
        }

        try
        {
            using var document = SpreadsheetDocument.Open(
                buffer,
                false,
                new OpenSettings { MaxCharactersInPart = MaxCharactersInPart, AutoSave = false });
            return Read(document, displayName, expected, hmacKey);
        }
        catch (XmlException)
        {
            return Refused(
                $"{displayName} could not be read: one of its parts is not well-formed, or larger than the {MaxCharactersInPart.ToString("N0", CultureInfo.InvariantCulture)} characters CxMaturity reads from a part.");
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException
                                      or IOException or InvalidOperationException or NotSupportedException
                                      or UriFormatException or KeyNotFoundException or ArgumentException)
        {
            return QuestionnaireImportResult.Refused([UntrustedPackage.NotAWorkbook(displayName)]);
        }
    }

    private static QuestionnaireImportResult Read(
        SpreadsheetDocument document,
        string displayName,
        QuestionnaireImportExpectation expected,
        byte[] hmacKey)
    {
        switch (document.DocumentType)
        {
            case SpreadsheetDocumentType.MacroEnabledWorkbook or SpreadsheetDocumentType.MacroEnabledTemplate:
                return Refused(
                    $"{displayName} is a macro-enabled workbook under an .xlsx name, and macro-enabled workbooks are refused. Save it as an Excel Workbook (.xlsx) and import that.");
            case not SpreadsheetDocumentType.Workbook:
                return Refused(
                    $"{displayName} is an Excel template or add-in, not a workbook. Save it as an Excel Workbook (.xlsx) and import that.");
        }

        if (document.WorkbookPart is not { } workbook)
        {
            return QuestionnaireImportResult.Refused([UntrustedPackage.NotAWorkbook(displayName)]);
        }

        if (workbook.VbaProjectPart is not null)
        {
            return Refused($"{displayName} contains macros, and workbooks with macros are refused. Save it as an Excel Workbook (.xlsx) and import that.");
        }

        using var sharedStrings = new SharedStringTable(workbook);

        if (Sheet(workbook, MetadataSheet) is not { } metadataPart)
        {
            return Refused(
                $"{displayName} is not a CxMaturity questionnaire workbook: it has no metadata sheet. Download the questionnaire workbook for this round from CxMaturity and answer in that one.");
        }

        // Only the metadata is read before the signature is checked, and only as far as its shape allows.
        var (stamp, signature) = ReadStamp(metadataPart, sharedStrings, out var format);
        if (format != FormatValue || stamp is null)
        {
            return Refused(
                $"{displayName} is not a CxMaturity questionnaire workbook, or comes from a version this one cannot read. Download the questionnaire workbook for this round from CxMaturity and answer in that one.");
        }

        if (!QuestionnaireSignature.Verify(hmacKey, stamp, signature))
        {
            return QuestionnaireImportResult.Refused(
            [
                new ImportProblem(MetadataSheet, Cell(MetadataLastFieldRow, MetadataValueColumn),
                    "The workbook's signature does not match its contents: its hidden metadata was changed, or it was not produced by this CxMaturity installation. Download a fresh questionnaire workbook for this round."),
            ]);
        }

        var roundProblems = CheckRound(stamp, expected);
        if (roundProblems.Count > 0)
        {
            return QuestionnaireImportResult.Refused(roundProblems);
        }

        if (Sheet(workbook, QuestionsSheet) is not { } questionsPart)
        {
            return Refused($"{displayName} has no {QuestionsSheet} sheet; it was renamed or deleted. Download a fresh questionnaire workbook for this round.");
        }

        var problems = new List<ImportProblem>();
        var answers = ReadAnswers(questionsPart, sharedStrings, stamp, expected, problems);
        if (problems.Count == 0 && answers.Count == 0)
        {
            problems.Add(new ImportProblem(QuestionsSheet, null,
                "No question is answered: choose an answer in the Answer column for at least one question."));
        }

        var respondentId = SafeText.Restore(stamp.RespondentId ?? "");
        var respondentName = SafeText.Restore(stamp.RespondentName ?? "");
        return problems.Count > 0
            ? new QuestionnaireImportResult(problems, NullIfEmpty(respondentId), NullIfEmpty(respondentName), new Dictionary<string, ImportedAnswer>())
            : new QuestionnaireImportResult([], NullIfEmpty(respondentId), NullIfEmpty(respondentName), answers);
    }

    // The stamp is null when the sheet is not exactly the shape the writer makes: each label on its own row, and no
    // more rows than MetadataMaxQuestions questions need (a sheet padded past them is not read to its end).
    private static (QuestionnaireStamp? Stamp, string? Signature) ReadStamp(
        WorksheetPart part,
        SharedStringTable sharedStrings,
        out string? format)
    {
        var cells = SheetCells.Read(part, sharedStrings, (_, column) => column <= MetadataValueColumn, MetadataLastRow, out var beyond);
        format = Text(cells, 1, 1) == FormatLabel ? Text(cells, 1, MetadataValueColumn) : null;
        var shapeFits = !beyond && MetadataLabels.Select((label, i) => Text(cells, i + 1, 1) == label).All(fits => fits);
        if (!shapeFits)
        {
            return (null, null);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var row = 1; row <= MetadataLastFieldRow; row++)
        {
            fields.Add(MetadataLabels[row - 1], Text(cells, row, MetadataValueColumn) ?? "");
        }

        var questions = new List<QuestionnaireStampRow>();
        for (var row = MetadataFirstQuestionRow; Text(cells, row, 1) is { Length: > 0 } id; row++)
        {
            // A row that does not parse cannot be what was signed; 0 makes the signature fail.
            var number = int.TryParse(Text(cells, row, 2), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
            questions.Add(new QuestionnaireStampRow(id, number));
        }

        string Field(string label) => fields[label];
        var stamp = new QuestionnaireStamp(
            Field(ModelIdLabel),
            Field(ModelVersionLabel),
            Field(RoundIdLabel),
            Field(RoundNameLabel),
            Field(RespondentIdLabel),
            Field(RespondentNameLabel),
            questions);
        return (stamp, fields[SignatureLabel]);
    }

    private static List<ImportProblem> CheckRound(QuestionnaireStamp stamp, QuestionnaireImportExpectation expected)
    {
        var problems = new List<ImportProblem>();
        if (stamp.RoundId != SafeText.ForCell(expected.RoundId))
        {
            problems.Add(new ImportProblem(MetadataSheet, Cell(4, MetadataValueColumn),
                $"This workbook belongs to round \"{SafeText.Restore(stamp.RoundName)}\" (id {SafeText.Restore(stamp.RoundId)}), not to round \"{expected.RoundName}\" (id {expected.RoundId}) that you are importing into. Import it into its own round, or download the questionnaire workbook for \"{expected.RoundName}\"."));
        }

        if (stamp.ModelId != SafeText.ForCell(expected.ModelId))
        {
            problems.Add(new ImportProblem(MetadataSheet, Cell(2, MetadataValueColumn),
                $"This workbook was made for model \"{SafeText.Restore(stamp.ModelId)}\", but the round uses model \"{expected.ModelId}\". Download the questionnaire workbook for this round."));
        }
        else if (stamp.ModelVersion != SafeText.ForCell(expected.ModelVersion))
        {
            problems.Add(new ImportProblem(MetadataSheet, Cell(3, MetadataValueColumn),
                $"This workbook was made for version {SafeText.Restore(stamp.ModelVersion)} of model \"{expected.ModelId}\", but the round uses version {expected.ModelVersion}; its questions may differ. Download the questionnaire workbook for this round."));
        }

        return problems;
    }

    private static Dictionary<string, ImportedAnswer> ReadAnswers(
        WorksheetPart part,
        SharedStringTable sharedStrings,
        QuestionnaireStamp stamp,
        QuestionnaireImportExpectation expected,
        List<ImportProblem> problems)
    {
        var rows = stamp.Questions.Select(q => q.Row).ToHashSet();
        var cells = SheetCells.Read(part, sharedStrings,
            (row, column) => rows.Contains(row) && column is QuestionIdColumn or AnswerColumn or CommentColumn);
        var questions = expected.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var answers = new Dictionary<string, ImportedAnswer>(StringComparer.Ordinal);

        foreach (var (signedId, row) in stamp.Questions)
        {
            var id = SafeText.Restore(signedId);
            if (!questions.TryGetValue(id, out var question))
            {
                problems.Add(new ImportProblem(QuestionsSheet, QuestionId(row),
                    $"Question {id} is not part of round \"{expected.RoundName}\"; download the questionnaire workbook for this round."));
                continue;
            }

            var idCell = Get(cells, row, QuestionIdColumn);
            if (idCell.Kind != SheetCellKind.Text || idCell.Text != signedId)
            {
                problems.Add(new ImportProblem(QuestionsSheet, QuestionId(row),
                    $"This cell should hold question id {id}, but holds \"{UntrustedPackage.Excerpt(idCell.Text)}\": rows must not be moved, inserted, deleted or edited outside the Answer and Comment columns."));
                continue;
            }

            var answerOk = TryReadAnswer(Get(cells, row, AnswerColumn), question, row, problems, out var answered, out var level);
            var commentOk = TryReadComment(Get(cells, row, CommentColumn), row, problems, out var comment);
            if (!answerOk || !commentOk)
            {
                continue;
            }

            if (answered)
            {
                answers[id] = new ImportedAnswer(id, level, comment);
            }
            else if (comment is not null)
            {
                problems.Add(new ImportProblem(QuestionsSheet, Comment(row),
                    $"Question {id} has a comment but no answer; choose an answer in {Answer(row)} (\"Not applicable\" if it does not apply), or clear the comment."));
            }
        }

        return answers;
    }

    private static bool TryReadAnswer(
        SheetCell cell,
        QuestionnaireQuestion question,
        int row,
        List<ImportProblem> problems,
        out bool answered,
        out int? level)
    {
        answered = false;
        level = null;
        switch (cell.Kind)
        {
            case SheetCellKind.Empty:
                return true;
            case SheetCellKind.Formula:
                problems.Add(new ImportProblem(QuestionsSheet, Answer(row),
                    $"The answer to question {question.Id} is a formula, and formulas are never evaluated; choose the answer from the drop-down list instead."));
                return false;
        }

        var value = Normalise(cell.Text);
        if (cell.Kind == SheetCellKind.Text && value.Length == 0)
        {
            return true;
        }

        if (cell.Kind == SheetCellKind.Text)
        {
            if (value == NotApplicable)
            {
                answered = true;
                return true;
            }

            for (var i = 0; i < question.Options.Count; i++)
            {
                if (value == Normalise(question.Options[i]) || value == Normalise(SafeText.ForCell(question.Options[i])))
                {
                    answered = true;
                    level = i + 1;
                    return true;
                }
            }
        }

        problems.Add(new ImportProblem(QuestionsSheet, Answer(row),
            $"\"{UntrustedPackage.Excerpt(cell.Text)}\" is not one of the answers offered for question {question.Id}; choose one of its five statements, or \"Not applicable\", from the drop-down list."));
        return false;
    }

    private static bool TryReadComment(SheetCell cell, int row, List<ImportProblem> problems, out string? comment)
    {
        comment = null;
        switch (cell.Kind)
        {
            case SheetCellKind.Formula:
                problems.Add(new ImportProblem(QuestionsSheet, Comment(row),
                    "The comment is a formula, and formulas are never evaluated; type the comment as plain text."));
                return false;
            case SheetCellKind.Error:
                problems.Add(new ImportProblem(QuestionsSheet, Comment(row),
                    $"The comment holds the error value {UntrustedPackage.Excerpt(cell.Text)}; type the comment as plain text."));
                return false;
            default:
                var text = cell.Text.Trim();
                comment = text.Length == 0 ? null : text;
                return true;
        }
    }

    private static WorksheetPart? Sheet(WorkbookPart workbook, string name)
    {
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == name);
        return sheet?.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) ? part as WorksheetPart : null;
    }

    private static SheetCell Get(Dictionary<(int Row, int Column), SheetCell> cells, int row, int column) =>
        cells.TryGetValue((row, column), out var cell) ? cell : SheetCell.Empty;

    private static string? Text(Dictionary<(int Row, int Column), SheetCell> cells, int row, int column) =>
        cells.TryGetValue((row, column), out var cell) && cell.Kind is SheetCellKind.Text or SheetCellKind.Number
            ? cell.Text
            : null;

    private static string Cell(int row, int column) => CellReference.Of(row, column);

    private static string Normalise(string text) => text.ReplaceLineEndings("\n").Trim();

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static QuestionnaireImportResult Refused(string message) =>
        QuestionnaireImportResult.Refused([new ImportProblem(null, null, message)]);
}
