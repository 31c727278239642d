using System.Globalization;
using System.Text;

namespace CxMaturity.Assessment.Common;

/// <summary>
/// What text a person types may hold. Unicode's non-characters (U+FFFE, U+FFFF, U+FDD0..U+FDEF and the last two
/// code points of every plane) and halves of surrogate pairs are never text: no keyboard produces them, XML cannot
/// carry them (so no workbook could be written), and they are refused where text comes in.
/// </summary>
public static class UserText
{
    /// <summary>
    /// A sentence naming the first character <paramref name="text"/> may not hold and where it is, or <c>null</c>
    /// when the text is well formed.
    /// </summary>
    public static string? CharacterProblem(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var position = 0;
        foreach (var status in Enumerate(text))
        {
            position++;
            if (status is { } bad)
            {
                return $"Character {position} ({bad}) is not a character text may hold; type the text again without it.";
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="text"/> holds no non-character and no unpaired surrogate.</summary>
    public static bool IsWellFormed(string? text) => CharacterProblem(text) is null;

    /// <summary><paramref name="text"/> without its non-characters and unpaired surrogates: for text stored before it was checked.</summary>
    public static string WellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsWellFormed(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (!IsNonCharacter(char.ConvertToUtf32(text[i], text[i + 1])))
                {
                    builder.Append(text, i, 2);
                }

                i++;
            }
            else if (!char.IsSurrogate(text[i]) && !IsNonCharacter(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    // One entry per code point: null when it is fine, else how to name it ("U+FFFE").
    private static IEnumerable<string?> Enumerate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                i++;
                yield return IsNonCharacter(codePoint) ? Name(codePoint) : null;
            }
            else if (char.IsSurrogate(c))
            {
                yield return $"{Name(c)}, half of a pair";
            }
            else
            {
                yield return IsNonCharacter(c) ? Name(c) : null;
            }
        }
    }

    private static bool IsNonCharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static string Name(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
}
