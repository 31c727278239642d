using ClosedXML.Excel;

namespace CxMaturity.Assessment.Workbooks;

/// <summary>
/// Column widths computed from the content the writer puts in each column, because ClosedXML 0.95's
/// AdjustToContents measures text with System.Drawing, which needs libgdiplus on Linux and must never be called.
/// A width is the longest line (in characters) plus padding, clamped to a range.
/// </summary>
internal sealed class ColumnWidths
{
    public const int DefaultMin = 8;
    public const int DefaultMax = 60;

    private const int Padding = 2;

    private readonly Dictionary<int, int> _longest = [];

    public void Observe(int column, int characters)
    {
        if (!_longest.TryGetValue(column, out var current) || characters > current)
        {
            _longest[column] = characters;
        }
    }

    public void ObserveText(int column, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            Observe(column, LongestLine(text));
        }
    }

    public void Apply(IXLWorksheet sheet, int min = DefaultMin, int max = DefaultMax)
    {
        foreach (var (column, characters) in _longest)
        {
            sheet.Column(column).Width = WidthFor(characters, min, max);
        }
    }

    public static double WidthFor(int characters, int min = DefaultMin, int max = DefaultMax) =>
        Math.Clamp(characters + Padding, min, max);

    public static int LongestLine(string text)
    {
        var longest = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            longest = Math.Max(longest, end - start);
            start = end + 1;
        }

        return longest;
    }
}
