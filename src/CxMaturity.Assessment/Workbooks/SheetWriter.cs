using System.Globalization;
using ClosedXML.Excel;
using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Workbooks;

/// <summary>How a table column's values are written and formatted.</summary>
internal enum ColumnKind
{
    /// <summary>Short text, one line.</summary>
    Text,

    /// <summary>Text that wraps inside its column.</summary>
    LongText,

    /// <summary>A single centred letter or word (RACI letters, flags).</summary>
    Flag,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A score, exported with two decimals, never onto a stage boundary it has not reached (RULES.md §5.10).</summary>
    Score,

    /// <summary>Any other measure, two decimals with thousands separators.</summary>
    Number,

    /// <summary>A spread or a difference, two decimals, never onto the 1.0 flag threshold it has not reached.</summary>
    Difference,

    /// <summary>A fraction shown as a percentage.</summary>
    Percent,

    /// <summary>A calendar day.</summary>
    Date,

    /// <summary>A UTC date and time.</summary>
    DateTime,
}

/// <summary>A column of a table: its header, how it is written, and how a row yields its value.</summary>
internal sealed record SheetColumn<T>(string Header, ColumnKind Kind, Func<T, object?> Value, bool ColourScale = false);

/// <summary>
/// The building blocks every workbook sheet shares: title and subtitle, section headings, typed cells, Excel tables
/// with filters, number formats, the 1 red → 3 amber → 5 green colour scale. Text always goes through
/// <see cref="SafeText"/> and <c>SetValue&lt;string&gt;</c>, which stores it as text: assigning a string through
/// <c>IXLCell.Value</c> would let ClosedXML guess a type ("00123" becomes 123, "1/2" a date).
/// </summary>
internal static class SheetWriter
{
    public const int TitleRow = 1;
    public const int SubtitleRow = 2;
    public const int NoteRow = 3;
    public const int HeaderRow = 4;

    public const string ScoreFormat = "0.00";
    public const string IntegerFormat = "0";
    public const string NumberFormat = "#,##0.00";
    public const string PercentFormat = "0.0%";
    public const string DateFormat = "yyyy-mm-dd";
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm";
    public const string TextFormat = "@";

    public static readonly XLColor Ink = XLColor.FromHtml("#1F3864");
    public static readonly XLColor Muted = XLColor.FromHtml("#595959");
    public static readonly XLColor ScaleLow = XLColor.FromHtml("#F8696B");
    public static readonly XLColor ScaleMiddle = XLColor.FromHtml("#FFEB84");
    public static readonly XLColor ScaleHigh = XLColor.FromHtml("#63BE7B");
    public static readonly XLColor Highlight = XLColor.FromHtml("#FFF2CC");

    private const int FilterButtonCharacters = 3;

    public static void Heading(IXLWorksheet sheet, string title, string subtitle)
    {
        var titleCell = sheet.Cell(TitleRow, 1);
        Text(titleCell, title);
        titleCell.Style.Font.SetBold().Font.SetFontSize(16).Font.SetFontColor(Ink);
        sheet.Row(TitleRow).Height = 24;

        var subtitleCell = sheet.Cell(SubtitleRow, 1);
        Text(subtitleCell, subtitle);
        subtitleCell.Style.Font.SetItalic().Font.SetFontSize(10).Font.SetFontColor(Muted);

        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
    }

    public static void Note(IXLWorksheet sheet, int row, string text)
    {
        var cell = sheet.Cell(row, 1);
        Text(cell, text);
        cell.Style.Font.SetFontSize(10).Font.SetFontColor(Muted);
    }

    public static void Section(IXLWorksheet sheet, int row, string heading)
    {
        var cell = sheet.Cell(row, 1);
        Text(cell, heading);
        cell.Style.Font.SetBold().Font.SetFontSize(12).Font.SetFontColor(Ink);
    }

    /// <summary>Writes text as text, neutralised and truncated; nothing for empty text.</summary>
    public static void Text(IXLCell cell, string? text)
    {
        var safe = SafeText.ForCell(text);
        if (safe.Length > 0)
        {
            cell.SetValue(safe);
        }
    }

    /// <summary>Writes a value of the given kind and returns how many characters it shows, for column widths.</summary>
    public static int Value(IXLCell cell, ColumnKind kind, object? value)
    {
        switch (kind, value)
        {
            case (_, null):
                return 0;
            case (ColumnKind.Text or ColumnKind.LongText or ColumnKind.Flag, string text):
                var safe = SafeText.ForCell(text);
                if (safe.Length > 0)
                {
                    cell.SetValue(safe);
                }

                return ColumnWidths.LongestLine(safe);
            case (ColumnKind.Integer, int number):
                cell.SetValue(number);
                return number.ToString(CultureInfo.InvariantCulture).Length;
            case (ColumnKind.Integer, long number):
                cell.SetValue(number);
                return number.ToString(CultureInfo.InvariantCulture).Length;
            case (ColumnKind.Score, double score):
                var rounded = Stages.ScoreForExport(score);
                cell.SetValue(rounded);
                return rounded.ToString("0.00", CultureInfo.InvariantCulture).Length;
            case (ColumnKind.Difference, double difference):
                var shown = Stages.DifferenceForExport(difference);
                cell.SetValue(shown);
                return shown.ToString("0.00", CultureInfo.InvariantCulture).Length;
            case (ColumnKind.Number, double number):
                var exported = Stages.ForExport(number);
                cell.SetValue(exported);
                return exported.ToString("#,##0.00", CultureInfo.InvariantCulture).Length;
            case (ColumnKind.Percent, double fraction):
                // Two decimals of the percentage, like every other exported figure.
                cell.SetValue(Math.Round(fraction, 4, MidpointRounding.AwayFromZero));
                return fraction.ToString("0.0%", CultureInfo.InvariantCulture).Length;
            case (ColumnKind.Date, DateOnly day):
                cell.SetValue(day.ToDateTime(TimeOnly.MinValue));
                return DateFormat.Length;
            case (ColumnKind.DateTime, DateTime moment):
                cell.SetValue(moment);
                return DateTimeFormat.Length;
            default:
                throw new ArgumentException(
                    $"A {value.GetType().Name} cannot be written in a {kind} column.", nameof(value));
        }
    }

    public static void Format(IXLStyle style, ColumnKind kind)
    {
        style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        switch (kind)
        {
            case ColumnKind.Text:
                style.NumberFormat.Format = TextFormat;
                break;
            case ColumnKind.LongText:
                style.NumberFormat.Format = TextFormat;
                style.Alignment.WrapText = true;
                break;
            case ColumnKind.Flag:
                style.NumberFormat.Format = TextFormat;
                style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                break;
            case ColumnKind.Integer:
                style.NumberFormat.Format = IntegerFormat;
                break;
            case ColumnKind.Score:
            case ColumnKind.Difference:
                style.NumberFormat.Format = ScoreFormat;
                break;
            case ColumnKind.Number:
                style.NumberFormat.Format = NumberFormat;
                break;
            case ColumnKind.Percent:
                style.NumberFormat.Format = PercentFormat;
                break;
            case ColumnKind.Date:
                style.DateFormat.Format = DateFormat;
                break;
            case ColumnKind.DateTime:
                style.DateFormat.Format = DateTimeFormat;
                break;
        }
    }

    /// <summary>
    /// Writes a table: header row at <paramref name="headerRow"/>, then <paramref name="rows"/>, as an Excel table with
    /// filters; a table with no rows keeps one empty row, as Excel requires. Returns the last row of the table.
    /// </summary>
    public static int Table<T>(
        IXLWorksheet sheet,
        int headerRow,
        string tableName,
        IReadOnlyList<SheetColumn<T>> columns,
        IReadOnlyList<T> rows,
        ColumnWidths widths)
    {
        var headers = UniqueHeaders(columns.Select(c => c.Header));
        for (var c = 0; c < columns.Count; c++)
        {
            var header = SafeText.ForCell(headers[c]);
            sheet.Cell(headerRow, c + 1).SetValue(header);
            widths.Observe(c + 1, header.Length + FilterButtonCharacters);
        }

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                var shown = Value(sheet.Cell(headerRow + 1 + r, c + 1), column.Kind, column.Value(rows[r]));
                widths.Observe(c + 1, shown);
            }
        }

        var lastTableRow = headerRow + Math.Max(1, rows.Count);
        for (var c = 0; c < columns.Count; c++)
        {
            Format(sheet.Range(headerRow + 1, c + 1, lastTableRow, c + 1).Style, columns[c].Kind);
            if (columns[c].ColourScale)
            {
                ColourScale(sheet.Range(headerRow + 1, c + 1, lastTableRow, c + 1));
            }
        }

        var table = sheet.Range(headerRow, 1, lastTableRow, columns.Count).CreateTable(tableName);
        table.Theme = XLTableTheme.TableStyleMedium2;
        table.ShowAutoFilter = true;
        sheet.Row(headerRow).Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        return lastTableRow;
    }

    /// <summary>The colour scale on scores: 1 red, 3 amber, 5 green.</summary>
    public static void ColourScale(IXLRange range) =>
        range.AddConditionalFormat().ColorScale()
            .Minimum(XLCFContentType.Number, "1", ScaleLow)
            .Midpoint(XLCFContentType.Number, "3", ScaleMiddle)
            .Maximum(XLCFContentType.Number, "5", ScaleHigh);

    /// <summary>Excel table headers must be unique and not empty.</summary>
    public static IReadOnlyList<string> UniqueHeaders(IEnumerable<string> headers)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var header in headers)
        {
            var name = string.IsNullOrWhiteSpace(header) ? $"Column {result.Count + 1}" : header.ReplaceLineEndings(" ").Trim();
            var candidate = name;
            for (var n = 2; !seen.Add(candidate); n++)
            {
                candidate = $"{name} ({n})";
            }

            result.Add(candidate);
        }

        return result;
    }
}
