using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CxMaturity.Assessment.Workbooks;

/// <summary>
/// The shared strings of an untrusted workbook, read (SAX) only as far as a cell asks: the signed metadata is checked
/// before the rest of a large table is read, and a file whose signature fails never has it read at all.
/// </summary>
internal sealed class SharedStringTable(WorkbookPart workbook) : IDisposable
{
    private readonly List<string> _strings = [];
    private OpenXmlReader? _reader;
    private bool _ended = workbook.SharedStringTablePart is null;

    /// <summary>The string at <paramref name="index"/>; false when the table has no such entry.</summary>
    public bool TryGet(int index, out string text)
    {
        while (index >= _strings.Count && !_ended)
        {
            ReadNext();
        }

        var found = index >= 0 && index < _strings.Count;
        text = found ? _strings[index] : "";
        return found;
    }

    public void Dispose() => _reader?.Dispose();

    // LoadCurrentElement leaves the reader on the element after the one it loaded: read on only otherwise.
    private void ReadNext()
    {
        if (_reader is null)
        {
            _reader = OpenXmlReader.Create(workbook.SharedStringTablePart!);
            if (!_reader.Read())
            {
                _ended = true;
                return;
            }
        }

        while (!_reader.EOF)
        {
            if (_reader.IsStartElement && _reader.ElementType == typeof(SharedStringItem))
            {
                _strings.Add(SheetCells.TextOf((SharedStringItem)_reader.LoadCurrentElement()!));
                _ended = _reader.EOF;
                return;
            }

            if (!_reader.Read())
            {
                break;
            }
        }

        _ended = true;
    }
}
