using ClosedXML.Excel;
using static CxMaturity.Assessment.Workbooks.QuestionnaireLayout;

namespace CxMaturity.Assessment.Workbooks;

/// <summary>
/// Writes the questionnaire workbook for answering offline: an Instructions sheet; a Questions sheet with
/// one row per question grouped under dimension headings, the answer chosen from a drop-down list of the five
/// statements and "Not applicable", and a comment column — only those two columns editable; and a very hidden,
/// protected Metadata sheet naming model, version, round and respondent, signed with an HMAC
/// (<see cref="QuestionnaireSignature"/>) so that the workbook cannot be pointed at another round.
/// </summary>
public static class QuestionnaireWorkbookWriter
{
    /// <summary>The answer that stands for NotApplicable.</summary>
    public const string NotApplicableAnswer = NotApplicable;

    private static readonly XLColor AnswerFill = XLColor.FromHtml("#FFF2CC");
    private static readonly XLColor DimensionFill = XLColor.FromHtml("#D9E1F2");

    /// <summary>Writes the workbook for <paramref name="data"/> to <paramref name="output"/>, signed with <paramref name="hmacKey"/>.</summary>
    public static void Write(QuestionnaireWorkbookData data, Stream output, byte[] hmacKey)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(hmacKey);
        Validate(data);

        using var workbook = new XLWorkbook(XLEventTracking.Disabled);
        workbook.Properties.Title = SafeText.ForXml($"{data.ModelTitle}: {data.RoundName}");
        workbook.Properties.Author = "CxMaturity";

        var instructions = workbook.AddWorksheet(InstructionsSheet);
        var questions = workbook.AddWorksheet(QuestionsSheet);
        var lists = workbook.AddWorksheet(ListsSheet);
        var metadata = workbook.AddWorksheet(MetadataSheet);

        WriteInstructions(instructions, data);
        var rows = WriteQuestions(questions, lists, data);
        var stamp = new QuestionnaireStamp(
            SafeText.ForCell(data.ModelId),
            SafeText.ForCell(data.ModelVersion),
            SafeText.ForCell(data.RoundId),
            SafeText.ForCell(data.RoundName),
            SafeText.ForCell(data.RespondentId),
            SafeText.ForCell(data.RespondentName),
            rows);
        WriteMetadata(metadata, stamp, QuestionnaireSignature.Compute(hmacKey, stamp));

        // Hidden sheets must stay hidden and the sheets keep their names: the import looks for them.
        lists.Visibility = XLWorksheetVisibility.VeryHidden;
        metadata.Visibility = XLWorksheetVisibility.VeryHidden;
        lists.Protect();
        metadata.Protect();
        instructions.Protect();
        questions.Protect()
            .AllowElement(XLSheetProtectionElements.FormatColumns)
            .AllowElement(XLSheetProtectionElements.FormatRows);
        workbook.Protect();
        questions.SetTabActive();

        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer, new SaveOptions { ValidatePackage = false, EvaluateFormulasBeforeSaving = false });
        // The same portable spelling as the engagement workbook: default namespaces, relative targets (exceljs and the like).
        PortablePackage.Copy(buffer, output);
    }

    private static void Validate(QuestionnaireWorkbookData data)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in data.Dimensions.SelectMany(d => d.Questions))
        {
            if (question.Options.Count != 5)
            {
                throw new ArgumentException(
                    $"Question '{question.Id}' has {question.Options.Count} option statements; it needs five, level 1 first.",
                    nameof(data));
            }

            if (!ids.Add(question.Id))
            {
                throw new ArgumentException($"Question '{question.Id}' appears twice in the questionnaire.", nameof(data));
            }
        }

        if (ids.Count == 0)
        {
            throw new ArgumentException("The questionnaire has no questions.", nameof(data));
        }
    }

    private static void WriteInstructions(IXLWorksheet sheet, QuestionnaireWorkbookData data)
    {
        sheet.ShowGridLines = false;
        sheet.Column(1).Width = 100;
        sheet.Column(1).Style.Alignment.WrapText = true;
        sheet.Column(1).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;

        var row = 1;
        void Line(string text, bool bold = false, double size = 11)
        {
            var cell = sheet.Cell(row++, 1);
            SheetWriter.Text(cell, text);
            cell.Style.Font.SetFontSize(size);
            if (bold)
            {
                cell.Style.Font.SetBold().Font.SetFontColor(SheetWriter.Ink);
            }
        }

        Line($"{data.ModelTitle}: questionnaire", bold: true, size: 16);
        Line($"Round: {data.RoundName}");
        Line(data.RespondentName is { Length: > 0 } name
            ? $"Respondent: {name}"
            : "Respondent: not named. This is a blank workbook: whoever imports it into CxMaturity says whose answers these are.");
        Line($"Model: {data.ModelId}, version {data.ModelVersion}");
        row++;
        Line("How to answer", bold: true, size: 12);
        Line("1. Open the Questions sheet. Each row is one question; the questions are grouped by dimension.");
        Line("2. In the yellow Answer column, choose from the drop-down list the statement that best describes your organisation today. Choose \"Not applicable\" when the question does not apply to you.");
        Line("3. Add a comment in the yellow Comment column if you wish: an example, evidence, a caveat.");
        Line("4. Leave the answer empty for a question you prefer not to answer.");
        Line("5. Do not type formulas, and do not move, insert or delete rows: the import refuses a workbook whose answers are formulas or whose rows were moved.");
        row++;
        Line("How to return it", bold: true, size: 12);
        Line("1. Save it as an Excel Workbook (.xlsx), not as a macro-enabled workbook; it must stay under 10 MB.");
        Line("2. Send it to your CX lead, or import it in CxMaturity on the round's page.");
        Line($"3. It can only be imported into the round \"{data.RoundName}\": it is signed for that round and cannot be used for another.");
        row++;
        Line("Dimensions in this questionnaire", bold: true, size: 12);
        var number = 1;
        foreach (var dimension in data.Dimensions)
        {
            Line($"{number++}. {dimension.Title}: {dimension.Questions.Count} questions");
        }
    }

    private static List<QuestionnaireStampRow> WriteQuestions(
        IXLWorksheet sheet,
        IXLWorksheet lists,
        QuestionnaireWorkbookData data)
    {
        var subtitle = data.RespondentName is { Length: > 0 } name
            ? $"Round {data.RoundName} · answers of {name}"
            : $"Round {data.RoundName} · blank workbook";
        SheetWriter.Heading(sheet, $"{data.ModelTitle}: questionnaire", subtitle);
        SheetWriter.Note(sheet, SheetWriter.NoteRow, "Choose an answer in the yellow Answer column and, if you wish, add a comment. See the Instructions sheet.");

        string[] headers = ["Dimension", "Question id", "Question", "Answer", "Comment", "Help"];
        var widths = new ColumnWidths();
        for (var c = 0; c < headers.Length; c++)
        {
            var cell = sheet.Cell(HeaderRow, c + 1);
            cell.SetValue(headers[c]);
            widths.ObserveText(c + 1, headers[c]);
        }

        var header = sheet.Range(HeaderRow, 1, HeaderRow, headers.Length).Style;
        header.Font.SetBold().Font.SetFontColor(XLColor.White);
        header.Fill.BackgroundColor = SheetWriter.Ink;
        header.Alignment.Vertical = XLAlignmentVerticalValues.Center;

        var rows = new List<QuestionnaireStampRow>();
        var row = HeaderRow + 1;
        var listRow = 1;
        var dimensionNumber = 1;
        foreach (var dimension in data.Dimensions)
        {
            var heading = sheet.Cell(row, DimensionColumn);
            SheetWriter.Text(heading, $"{dimensionNumber++}. {dimension.Title}");
            var headingStyle = sheet.Range(row, 1, row, headers.Length).Style;
            headingStyle.Fill.BackgroundColor = DimensionFill;
            headingStyle.Font.SetBold().Font.SetFontColor(SheetWriter.Ink);
            row++;

            foreach (var question in dimension.Questions)
            {
                Cell(sheet, row, DimensionColumn, dimension.Title, widths);
                Cell(sheet, row, QuestionIdColumn, question.Id, widths);
                Cell(sheet, row, QuestionColumn, question.Text, widths);
                Cell(sheet, row, HelpColumn, question.Help, widths);
                sheet.Cell(row, HelpColumn).Style.Font.SetFontColor(SheetWriter.Muted);

                SheetWriter.Text(lists.Cell(listRow, 1), question.Id);
                for (var level = 1; level <= 5; level++)
                {
                    SheetWriter.Text(lists.Cell(listRow, level + 1), question.Options[level - 1]);
                    widths.ObserveText(AnswerColumn, question.Options[level - 1]);
                }

                lists.Cell(listRow, 7).SetValue(NotApplicable);

                var answer = sheet.Cell(row, AnswerColumn);
                var validation = answer.SetDataValidation();
                validation.List(lists.Range(listRow, 2, listRow, 7), true);
                validation.IgnoreBlanks = true;
                validation.ShowInputMessage = true;
                validation.InputTitle = "Answer";
                validation.InputMessage = "Choose the statement that best describes your organisation today, or Not applicable.";
                validation.ShowErrorMessage = true;
                validation.ErrorStyle = XLErrorStyle.Stop;
                validation.ErrorTitle = "Not one of the answers";
                validation.ErrorMessage = "Choose one of the five statements, or Not applicable, from the drop-down list.";

                var editable = sheet.Range(row, AnswerColumn, row, CommentColumn).Style;
                editable.Protection.SetLocked(false);
                editable.Fill.BackgroundColor = AnswerFill;
                editable.NumberFormat.Format = SheetWriter.TextFormat;
                editable.Border.OutsideBorder = XLBorderStyleValues.Thin;
                editable.Border.InsideBorder = XLBorderStyleValues.Thin;
                editable.Border.OutsideBorderColor = XLColor.FromHtml("#BFBFBF");
                editable.Border.InsideBorderColor = XLColor.FromHtml("#BFBFBF");

                var all = sheet.Range(row, 1, row, headers.Length).Style;
                all.Alignment.Vertical = XLAlignmentVerticalValues.Top;
                all.Alignment.WrapText = true;

                rows.Add(new QuestionnaireStampRow(SafeText.ForCell(question.Id), row));
                row++;
                listRow++;
            }
        }

        widths.Observe(CommentColumn, 40);
        widths.Apply(sheet);
        sheet.SheetView.FreezeRows(HeaderRow);
        sheet.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        return rows;
    }

    private static void Cell(IXLWorksheet sheet, int row, int column, string? text, ColumnWidths widths)
    {
        var safe = SafeText.ForCell(text);
        if (safe.Length > 0)
        {
            sheet.Cell(row, column).SetValue(safe);
            widths.ObserveText(column, safe);
        }
    }

    private static void WriteMetadata(IXLWorksheet sheet, QuestionnaireStamp stamp, string signature)
    {
        (string Label, string? Value)[] fields =
        [
            (FormatLabel, FormatValue),
            (ModelIdLabel, stamp.ModelId),
            (ModelVersionLabel, stamp.ModelVersion),
            (RoundIdLabel, stamp.RoundId),
            (RoundNameLabel, stamp.RoundName),
            (RespondentIdLabel, stamp.RespondentId),
            (RespondentNameLabel, stamp.RespondentName),
            (SignatureLabel, signature),
        ];
        for (var i = 0; i < fields.Length; i++)
        {
            sheet.Cell(i + 1, 1).SetValue(fields[i].Label);
            if (!string.IsNullOrEmpty(fields[i].Value))
            {
                // Already made safe: the signature covers exactly what the cells hold.
                sheet.Cell(i + 1, MetadataValueColumn).SetValue(fields[i].Value!);
            }
        }

        sheet.Cell(MetadataQuestionHeaderRow, 1).SetValue("Question id");
        sheet.Cell(MetadataQuestionHeaderRow, 2).SetValue("Row");
        var row = MetadataFirstQuestionRow;
        foreach (var question in stamp.Questions)
        {
            sheet.Cell(row, 1).SetValue(question.QuestionId);
            sheet.Cell(row, 2).SetValue(question.Row);
            row++;
        }

        sheet.Column(1).Width = 20;
        sheet.Column(2).Width = 50;
    }
}
