using System.Globalization;

namespace CxMaturity.Assessment.Workbooks;

/// <summary>A1-style cell references: column letters and numbers, and parsing "D7".</summary>
internal static class CellReference
{
    private static readonly string[] Names = Enumerable.Range(1, 64).Select(Compute).ToArray();

    public static string ColumnName(int column) => column <= Names.Length ? Names[column - 1] : Compute(column);

    public static string Of(int row, int column) =>
        ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    public static int ColumnOf(string reference) => TryParse(reference, out _, out var column) ? column : 0;

    /// <summary>Parses "D7" into row 7, column 4.</summary>
    public static bool TryParse(string reference, out int row, out int column)
    {
        row = 0;
        column = 0;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16_384)
            {
                return false;
            }

            i++;
        }

        if (i == 0 || i == reference.Length)
        {
            return false;
        }

        return int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row) && row > 0;
    }

    private static string Compute(int column)
    {
        var name = "";
        while (column > 0)
        {
            var remainder = (column - 1) % 26;
            name = (char)('A' + remainder) + name;
            column = (column - 1) / 26;
        }

        return name;
    }
}
