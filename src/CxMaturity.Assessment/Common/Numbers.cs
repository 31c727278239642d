using System.Globalization;

namespace CxMaturity.Assessment.Common;

/// <summary>
/// How a number a person types is read: a point or a comma as the decimal separator (people paste from spreadsheets
/// set up either way), but never a thousands separator, which would misread "1,500" as 1.5. A comma followed by
/// exactly three digits, or more than one separator, is ambiguous and refused.
/// </summary>
public static class Numbers
{
    /// <summary>What to tell someone whose number could not be read.</summary>
    public const string Hint = "write it with digits and at most one decimal point, without thousands separators (1500, 1.5)";

    /// <summary>Reads <paramref name="text"/> as a number; false when it is not one or is ambiguous.</summary>
    public static bool TryParse(string? text, out double value)
    {
        value = 0;
        var trimmed = (text ?? "").Trim();
        var separators = trimmed.Count(c => c is ',' or '.');
        if (trimmed.Length == 0 || separators > 1)
        {
            return false;
        }

        var comma = trimmed.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0 && trimmed.Length - comma - 1 == 3 && trimmed[(comma + 1)..].All(char.IsAsciiDigit))
        {
            return false; // "1,500": a thousand and a half, or one and a half?
        }

        return double.TryParse(trimmed.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }
}
