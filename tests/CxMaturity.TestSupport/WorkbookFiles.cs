using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace CxMaturity.TestSupport;

/// <summary>
/// Edits workbooks the way a person or another program would — with DocumentFormat.OpenXml, not through the code
/// under test — and crafts hostile files.
/// </summary>
public static class WorkbookFiles
{
    // A 1 × 1 PNG.
    private const string PngBase64 =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    public static byte[] Edit(byte[] workbook, Action<SpreadsheetDocument> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            edit(document);
        }

        return stream.ToArray();
    }

    public static WorksheetPart Sheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)workbook.GetPartById(sheet.Id!);
    }

    /// <summary>Types text into a cell, as an inline string.</summary>
    public static void SetText(SpreadsheetDocument document, string sheet, string reference, string text)
    {
        var cell = GetOrCreateCell(Sheet(document, sheet), reference);
        cell.RemoveAllChildren();
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>Puts a formula with a cached text result into a cell, as Excel saves one.</summary>
    public static void SetFormula(SpreadsheetDocument document, string sheet, string reference, string formula, string cachedText)
    {
        var cell = GetOrCreateCell(Sheet(document, sheet), reference);
        cell.RemoveAllChildren();
        cell.DataType = CellValues.String;
        cell.CellFormula = new CellFormula(formula);
        cell.CellValue = new CellValue(cachedText);
    }

    public static void SetNumber(SpreadsheetDocument document, string sheet, string reference, double value)
    {
        var cell = GetOrCreateCell(Sheet(document, sheet), reference);
        cell.RemoveAllChildren();
        cell.DataType = null;
        cell.CellValue = new CellValue(value);
    }

    /// <summary>Pastes a picture (a logo) onto a sheet: an image part anchored by a drawing.</summary>
    public static void AddPicture(SpreadsheetDocument document, string sheet)
    {
        var worksheetPart = Sheet(document, sheet);
        var drawingsPart = worksheetPart.AddNewPart<DrawingsPart>();
        var imagePart = drawingsPart.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(Convert.FromBase64String(PngBase64)))
        {
            imagePart.FeedData(png);
        }

        drawingsPart.WorksheetDrawing = new Xdr.WorksheetDrawing(
            new Xdr.TwoCellAnchor(
                new Xdr.FromMarker(new Xdr.ColumnId("6"), new Xdr.ColumnOffset("0"), new Xdr.RowId("0"), new Xdr.RowOffset("0")),
                new Xdr.ToMarker(new Xdr.ColumnId("8"), new Xdr.ColumnOffset("0"), new Xdr.RowId("3"), new Xdr.RowOffset("0")),
                new Xdr.Picture(
                    new Xdr.NonVisualPictureProperties(
                        new Xdr.NonVisualDrawingProperties { Id = 2U, Name = "Logo" },
                        new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                    new Xdr.BlipFill(
                        new A.Blip { Embed = drawingsPart.GetIdOfPart(imagePart) },
                        new A.Stretch(new A.FillRectangle())),
                    new Xdr.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 952500, Cy = 952500 }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
                new Xdr.ClientData()));

        var worksheet = worksheetPart.Worksheet;
        var drawing = new Drawing { Id = worksheetPart.GetIdOfPart(drawingsPart) };
        OpenXmlElement? anchor = worksheet.Elements<HeaderFooter>().FirstOrDefault()
            ?? (OpenXmlElement?)worksheet.Elements<PageSetup>().FirstOrDefault();
        if (anchor is null)
        {
            worksheet.Append(drawing);
        }
        else
        {
            worksheet.InsertAfter(drawing, anchor);
        }

    }

    public static Cell GetOrCreateCell(WorksheetPart part, string reference)
    {
        var rowIndex = uint.Parse(new string([.. reference.SkipWhile(char.IsLetter)]));
        var data = part.Worksheet.GetFirstChild<SheetData>()!;
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex!.Value < rowIndex);
            if (after is null)
            {
                data.PrependChild(row);
            }
            else
            {
                data.InsertAfter(row, after);
            }
        }

        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            var column = ColumnNumber(reference);
            var before = row.Elements<Cell>().FirstOrDefault(c => ColumnNumber(c.CellReference!.Value!) > column);
            if (before is null)
            {
                row.Append(cell);
            }
            else
            {
                row.InsertBefore(cell, before);
            }
        }

        return cell;
    }

    private static int ColumnNumber(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1));

    /// <summary>Every cell of every sheet, read with OpenXml: sheet name, reference, the raw cell.</summary>
    public static List<(string Sheet, string Reference, Cell Cell)> AllCells(byte[] workbook)
    {
        var cells = new List<(string, string, Cell)>();
        using var stream = new MemoryStream(workbook);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbookPart = document.WorkbookPart!;
        foreach (var sheet in workbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                cells.Add((sheet.Name!.Value!, cell.CellReference!.Value!, (Cell)cell.CloneNode(true)));
            }
        }

        return cells;
    }

    /// <summary>The text of every cell of every sheet, shared strings resolved.</summary>
    public static List<string> AllTexts(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        using var document = SpreadsheetDocument.Open(stream, false);
        var shared = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>()
            .Select(i => i.InnerText).ToList() ?? [];
        return
        [
            .. AllCells(workbook).Select(c => c.Cell switch
            {
                { InlineString: { } inline } => inline.InnerText,
                { DataType.Value: CellValues.SharedString, CellValue: { } index } => shared[int.Parse(index.Text)],
                _ => c.Cell.CellValue?.Text ?? "",
            }),
        ];
    }

    /// <summary>A zip whose single large entry is <paramref name="megabytes"/> MB of zeros.</summary>
    public static byte[] ZipOfZeros(int entries, int megabytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddContentTypes(zip);
            var zeros = new byte[1024 * 1024];
            for (var e = 0; e < entries; e++)
            {
                using var entry = zip.CreateEntry($"xl/worksheets/sheet{e + 1}.xml", CompressionLevel.SmallestSize).Open();
                for (var m = 0; m < megabytes; m++)
                {
                    entry.Write(zeros);
                }
            }
        }

        return stream.ToArray();
    }

    public static byte[] ZipWithEntry(string entryName)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddContentTypes(zip);
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write("owned");
        }

        return stream.ToArray();
    }

    private static void AddContentTypes(ZipArchive zip)
    {
        using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
    }
}

/// <summary>A stream that can only be read forward, like a request body.</summary>
public sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => inner.CanWrite;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
}
