using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CxMaturity.Assessment.Workbooks;

/// <summary>
/// Appends rows to one sheet of a workbook ClosedXML has already saved, writing them forward only with an
/// <see cref="XmlWriter"/> while <see cref="PortablePackage"/> copies the package to the output, and in its spelling:
/// SpreadsheetML in the default namespace. ClosedXML 0.95 keeps an object per cell and needs about 20 s and
/// 3 GB for the Responses sheet of 5,000 respondents × 54 questions, and even an empty table over that many rows
/// costs it seconds; streamed, the rows cost about as much as writing the XML.
/// ClosedXML still lays the sheet out — title, header, a table over the header and the first data row, formats,
/// colour scale — and writes that first data row, whose cell styles the streamed rows reuse column by column.
/// The sheet's tables and conditional formats that end at that row are extended down to the last streamed row.
/// </summary>
internal static class StreamedRows
{
    /// <summary>
    /// Copies <paramref name="workbook"/> to <paramref name="output"/>; in the sheet named
    /// <paramref name="sheetName"/>, keeps the rows up to <paramref name="templateRow"/> and writes
    /// <paramref name="count"/> more rows after it, row i by <paramref name="writeRow"/>(i, writer).
    /// </summary>
    public static void Write(
        MemoryStream workbook,
        Stream output,
        string sheetName,
        int templateRow,
        int count,
        Action<int, StreamedRowWriter> writeRow)
    {
        var sheet = FindSheet(workbook, sheetName);
        var lastRow = templateRow + count;

        PortablePackage.Copy(workbook, output, (name, to) =>
        {
            if (name == sheet.EntryName)
            {
                WriteSheet(to, sheet.Worksheet, templateRow, count, writeRow);
                return true;
            }

            if (sheet.Tables.TryGetValue(name, out var table))
            {
                WriteTable(to, table, templateRow, lastRow);
                return true;
            }

            return false;
        });
    }

    private sealed record SheetParts(string EntryName, Worksheet Worksheet, Dictionary<string, Table> Tables);

    private static SheetParts FindSheet(MemoryStream workbook, string sheetName)
    {
        workbook.Position = 0;
        using var document = SpreadsheetDocument.Open(workbook, false);
        var workbookPart = document.WorkbookPart
            ?? throw new InvalidOperationException("The workbook ClosedXML wrote has no workbook part.");
        var sheet = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name == sheetName)
            ?? throw new InvalidOperationException($"The workbook ClosedXML wrote has no sheet named {sheetName}.");
        var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
        return new SheetParts(
            EntryName(part),
            (Worksheet)part.Worksheet.CloneNode(true),
            part.TableDefinitionParts.ToDictionary(EntryName, t => (Table)t.Table.CloneNode(true)));
    }

    private static string EntryName(OpenXmlPart part) => part.Uri.OriginalString.TrimStart('/');

    private static void WriteTable(Stream stream, Table table, int templateRow, int lastRow)
    {
        table.Reference = ExtendDown(table.Reference?.Value, templateRow, lastRow);
        if (table.AutoFilter is { } filter)
        {
            filter.Reference = ExtendDown(filter.Reference?.Value, templateRow, lastRow);
        }

        using var writer = PortablePackage.CreateWriter(stream);
        writer.WriteStartDocument(standalone: true);
        PortablePackage.WriteElement(writer, table);
    }

    private static void WriteSheet(
        Stream stream,
        Worksheet worksheet,
        int templateRow,
        int count,
        Action<int, StreamedRowWriter> writeRow)
    {
        using var writer = PortablePackage.CreateWriter(stream);
        writer.WriteStartDocument(standalone: true);
        writer.WriteStartElement("", "worksheet", PortablePackage.SpreadsheetMain);
        foreach (var (prefix, uri) in worksheet.NamespaceDeclarations.Where(d => d.Value != PortablePackage.SpreadsheetMain))
        {
            writer.WriteAttributeString("xmlns", prefix, null, uri);
        }

        foreach (var attribute in worksheet.GetAttributes())
        {
            writer.WriteAttributeString(attribute.Prefix, attribute.LocalName, attribute.NamespaceUri, attribute.Value);
        }

        var lastRow = templateRow + count;
        foreach (var child in worksheet.ChildElements)
        {
            switch (child)
            {
                case SheetDimension dimension:
                    PortablePackage.WriteElement(writer, new SheetDimension { Reference = ExtendDown(dimension.Reference?.Value, templateRow, lastRow) });
                    break;
                case ConditionalFormatting formatting:
                    var ranges = formatting.SequenceOfReferences?.Items.Select(r => ExtendDown(r.Value, templateRow, lastRow)) ?? [];
                    formatting.SequenceOfReferences = new ListValue<StringValue>(ranges.Select(r => new StringValue(r)));
                    PortablePackage.WriteElement(writer, formatting);
                    break;
                case SheetData data:
                    writer.WriteStartElement("", "sheetData", PortablePackage.SpreadsheetMain);
                    var styles = new Dictionary<int, string>();
                    foreach (var row in data.Elements<Row>().Where(r => r.RowIndex is null || r.RowIndex.Value <= templateRow))
                    {
                        if (row.RowIndex?.Value == templateRow)
                        {
                            foreach (var cell in row.Elements<Cell>())
                            {
                                styles[CellReference.ColumnOf(cell.CellReference!.Value!)] =
                                    (cell.StyleIndex?.Value ?? 0).ToString(CultureInfo.InvariantCulture);
                            }
                        }

                        PortablePackage.WriteElement(writer, row);
                    }

                    var rowWriter = new StreamedRowWriter(writer, styles);
                    for (var i = 0; i < count; i++)
                    {
                        rowWriter.BeginRow(templateRow + 1 + i);
                        writeRow(i, rowWriter);
                        rowWriter.EndRow();
                    }

                    writer.WriteEndElement();
                    break;
                default:
                    PortablePackage.WriteElement(writer, child);
                    break;
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>"A4:H5" or "F5" ending at <paramref name="templateRow"/> becomes "A4:H<paramref name="lastRow"/>"; other ranges stay.</summary>
    internal static string? ExtendDown(string? reference, int templateRow, int lastRow)
    {
        if (reference is null)
        {
            return null;
        }

        var ends = reference.Split(':');
        if (ends.Length > 2
            || !CellReference.TryParse(ends[^1], out var endRow, out var endColumn)
            || endRow != templateRow)
        {
            return reference;
        }

        return $"{ends[0]}:{CellReference.Of(lastRow, endColumn)}";
    }
}

/// <summary>Writes the cells of one streamed row, left to right, in the styles of the template row.</summary>
internal sealed partial class StreamedRowWriter
{
    private const string Main = PortablePackage.SpreadsheetMain;
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private readonly XmlWriter _writer;
    private readonly IReadOnlyDictionary<int, string> _styles;
    private string _rowNumber = "";
    private int _column;

    internal StreamedRowWriter(XmlWriter writer, IReadOnlyDictionary<int, string> styles)
    {
        _writer = writer;
        _styles = styles;
    }

    internal void BeginRow(int rowIndex)
    {
        _rowNumber = rowIndex.ToString(CultureInfo.InvariantCulture);
        _column = 0;
        _writer.WriteStartElement("", "row", Main);
        _writer.WriteAttributeString("r", _rowNumber);
    }

    internal void EndRow() => _writer.WriteEndElement();

    /// <summary>Writes text through <see cref="SafeText"/> as an inline string; nothing for empty text.</summary>
    public void Text(string? text)
    {
        _column++;
        var safe = SafeText.ForCell(text);
        if (safe.Length == 0)
        {
            BlankCell();
            return;
        }

        StartCell("inlineStr");
        _writer.WriteStartElement("", "is", Main);
        _writer.WriteStartElement("", "t", Main);
        if (char.IsWhiteSpace(safe[0]) || char.IsWhiteSpace(safe[^1]))
        {
            _writer.WriteAttributeString("xml", "space", XmlNamespace, "preserve");
        }

        _writer.WriteString(EscapeForSpreadsheet(safe));
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    /// <summary>Writes a number; nothing for <c>null</c>.</summary>
    public void Number(double? value)
    {
        _column++;
        if (value is not { } number)
        {
            BlankCell();
            return;
        }

        StartCell(null);
        _writer.WriteElementString("", "v", Main, number.ToString("R", CultureInfo.InvariantCulture));
        _writer.WriteEndElement();
    }

    // A blank cell still carries its column's format, as the rows ClosedXML wrote do: text typed into it later stays text.
    private void BlankCell()
    {
        if (_styles.ContainsKey(_column))
        {
            StartCell(null);
            _writer.WriteEndElement();
        }
    }

    private void StartCell(string? type)
    {
        _writer.WriteStartElement("", "c", Main);
        _writer.WriteAttributeString("r", CellReference.ColumnName(_column) + _rowNumber);
        if (_styles.TryGetValue(_column, out var style))
        {
            _writer.WriteAttributeString("s", style);
        }

        if (type is not null)
        {
            _writer.WriteAttributeString("t", type);
        }
    }

    // Spreadsheets read "_xHHHH_" in a string as an escaped character; a literal one keeps its underscore as _x005F_.
    internal static string EscapeForSpreadsheet(string text) =>
        text.Contains("_x", StringComparison.Ordinal) ? EscapedCharacter().Replace(text, "_x005F_") : text;

    [GeneratedRegex("_(?=x[0-9A-Fa-f]{4}_)")]
    private static partial Regex EscapedCharacter();
}
