using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CxMaturity.Assessment.Workbooks;

/// <summary>What a cell of an untrusted workbook holds, as far as an import cares.</summary>
internal enum SheetCellKind
{
    Empty,
    Text,
    Number,
    Boolean,
    Error,
    Formula,
}

/// <summary>A cell read from an untrusted workbook: its kind and its text (never a formula's result).</summary>
internal readonly record struct SheetCell(SheetCellKind Kind, string Text)
{
    public static SheetCell Empty { get; } = new(SheetCellKind.Empty, "");
}

/// <summary>
/// Reads cells of an untrusted workbook with OpenXmlReader (SAX), one part at a time, keeping only the cells asked
/// for. Never loads the workbook into ClosedXML (no part-size limit, and System.Drawing for any picture) and never
/// evaluates a formula: a cell with a formula is reported as such, whatever value it cached.
/// </summary>
internal static partial class SheetCells
{
    public static Dictionary<(int Row, int Column), SheetCell> Read(
        WorksheetPart part,
        SharedStringTable sharedStrings,
        Func<int, int, bool> wanted) =>
        Read(part, sharedStrings, wanted, int.MaxValue, out _);

    /// <summary>
    /// Reads the wanted cells of rows up to <paramref name="lastRow"/>, and stops at the first cell past it that holds
    /// anything (<paramref name="beyond"/> is then true): a sheet that should be small is never read to its end.
    /// </summary>
    public static Dictionary<(int Row, int Column), SheetCell> Read(
        WorksheetPart part,
        SharedStringTable sharedStrings,
        Func<int, int, bool> wanted,
        int lastRow,
        out bool beyond)
    {
        beyond = false;
        var cells = new Dictionary<(int Row, int Column), SheetCell>();
        using var reader = OpenXmlReader.Create(part);
        var row = 0;
        var column = 0;

        // LoadCurrentElement and Skip leave the reader on the next element: read on only after anything else.
        var more = reader.Read();
        while (more)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(Row))
            {
                row = Attribute(reader, "r") is { } r && int.TryParse(r, out var index) ? index : row + 1;
                column = 0;
                more = reader.Read();
            }
            else if (reader.IsStartElement && reader.ElementType == typeof(Cell))
            {
                if (Attribute(reader, "r") is { } reference && CellReference.TryParse(reference, out var cellRow, out var cellColumn))
                {
                    row = cellRow;
                    column = cellColumn;
                }
                else
                {
                    column++;
                }

                if (row > lastRow)
                {
                    // Past the last row only whether the cell holds anything matters: an empty one may be formatting.
                    if (Interpret((Cell)reader.LoadCurrentElement()!, sharedStrings).Kind != SheetCellKind.Empty)
                    {
                        beyond = true;
                        return cells;
                    }
                }
                else if (wanted(row, column))
                {
                    cells[(row, column)] = Interpret((Cell)reader.LoadCurrentElement()!, sharedStrings);
                }
                else
                {
                    reader.Skip();
                }

                more = !reader.EOF;
            }
            else
            {
                more = reader.Read();
            }
        }

        return cells;
    }

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == name && string.IsNullOrEmpty(attribute.NamespaceUri))
            {
                return attribute.Value;
            }
        }

        return null;
    }

    private static SheetCell Interpret(Cell cell, SharedStringTable sharedStrings)
    {
        if (cell.CellFormula is not null)
        {
            return new SheetCell(SheetCellKind.Formula, cell.CellFormula.Text ?? "");
        }

        var value = cell.CellValue?.Text;
        if (value is null && cell.InlineString is null)
        {
            // Some writers give empty formatted cells a type but no value.
            return SheetCell.Empty;
        }

        var type = cell.DataType?.Value;
        var result = type switch
        {
            CellValues.SharedString => int.TryParse(value, out var index) && sharedStrings.TryGet(index, out var shared)
                ? new SheetCell(SheetCellKind.Text, shared)
                : new SheetCell(SheetCellKind.Error, value ?? ""),
            CellValues.InlineString => new SheetCell(SheetCellKind.Text, cell.InlineString is { } inline ? TextOf(inline) : ""),
            CellValues.String => new SheetCell(SheetCellKind.Text, Decode(value ?? "")),
            CellValues.Boolean => new SheetCell(SheetCellKind.Boolean, value == "1" ? "TRUE" : "FALSE"),
            CellValues.Error => new SheetCell(SheetCellKind.Error, value ?? ""),
            _ => new SheetCell(SheetCellKind.Number, value ?? ""),
        };
        return result.Text.Length == 0 && result.Kind is SheetCellKind.Text or SheetCellKind.Number
            ? SheetCell.Empty
            : result;
    }

    // Text of a shared or inline string: its own text and its runs, without phonetic guides.
    internal static string TextOf(OpenXmlCompositeElement item)
    {
        var text = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            switch (child)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case Run run:
                    text.Append(run.Text?.Text);
                    break;
            }
        }

        return Decode(text.ToString());
    }

    // Spreadsheets escape characters XML cannot carry as _xHHHH_ (and a literal "_x" sequence as _x005F_x…).
    internal static string Decode(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? EscapedCharacter().Replace(text, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString())
            : text;

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex EscapedCharacter();
}
