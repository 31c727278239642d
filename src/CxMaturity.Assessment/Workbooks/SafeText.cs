using System.Text;

namespace CxMaturity.Assessment.Workbooks;

/// <summary>
/// Makes text safe to put in a spreadsheet cell (docs/SECURITY.md, "Workbooks"). Every string a workbook
/// writer puts in a cell passes through <see cref="ForCell"/>: text that begins with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return gets a leading apostrophe so that no spreadsheet — nor a CSV saved from
/// it — treats it as a formula; characters XML cannot carry are dropped; line breaks become line feeds; text
/// longer than a cell can hold is cut with a marker.
/// </summary>
public static class SafeText
{
    /// <summary>The most characters an Excel cell holds.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>Ends text that was cut to fit a cell.</summary>
    public const string TruncationMarker = "… [truncated]";

    /// <summary>The text to write for <paramref name="text"/>; empty for <c>null</c>.</summary>
    public static string ForCell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var safe = HasInvalidXmlCharacters(text) ? RemoveInvalidXmlCharacters(text) : text;
        if (StartsLikeFormula(safe))
        {
            safe = "'" + safe;
        }

        // A cell breaks lines with line feeds, and XML writers turn a lone carriage return into one anyway:
        // normalising here keeps every writer of a workbook in step.
        if (safe.Contains('\r', StringComparison.Ordinal))
        {
            safe = safe.ReplaceLineEndings("\n");
        }

        if (safe.Length > MaxCellLength)
        {
            var keep = MaxCellLength - TruncationMarker.Length;
            if (char.IsHighSurrogate(safe[keep - 1]))
            {
                keep--;
            }

            safe = string.Concat(safe.AsSpan(0, keep), TruncationMarker);
        }

        return safe;
    }

    /// <summary>
    /// <paramref name="text"/> without the characters XML cannot carry, for places that are not cells (document
    /// properties, sheet titles): whatever text was stored, the package can be written.
    /// </summary>
    public static string ForXml(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : HasInvalidXmlCharacters(text) ? RemoveInvalidXmlCharacters(text) : text;

    /// <summary>Whether a spreadsheet would read <paramref name="text"/> as the start of a formula.</summary>
    public static bool StartsLikeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>
    /// Undoes the apostrophe <see cref="ForCell"/> added, for values read back from a workbook this application wrote.
    /// </summary>
    internal static string Restore(string text) =>
        text.Length > 1 && text[0] == '\'' && StartsLikeFormula(text[1..]) ? text[1..] : text;

    private static bool HasInvalidXmlCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsValidAt(text, i, out var width))
            {
                return true;
            }

            i += width - 1;
        }

        return false;
    }

    private static string RemoveInvalidXmlCharacters(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsValidAt(text, i, out var width))
            {
                builder.Append(text, i, width);
            }

            i += width - 1;
        }

        return builder.ToString();
    }

    // XML 1.0 allows tab, line feed, carriage return, U+0020..U+D7FF, U+E000..U+FFFD and paired surrogates.
    private static bool IsValidAt(string text, int index, out int width)
    {
        var c = text[index];
        width = 1;
        if (char.IsHighSurrogate(c))
        {
            if (index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                width = 2;
                return true;
            }

            return false;
        }

        return c switch
        {
            '\t' or '\n' or '\r' => true,
            < ' ' => false,
            _ when char.IsLowSurrogate(c) => false,
            '\uFFFE' or '\uFFFF' => false,
            _ => true,
        };
    }
}
