using System.Text;
using CsvHelper;

namespace CxMaturity.Assessment.Common;

/// <summary>One record of a CSV text: the line it starts on and its fields as written.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>The field at <paramref name="index"/>, trimmed; empty when the line is shorter.</summary>
    public string Field(int index) => index >= 0 && index < Fields.Count ? Fields[index].Trim() : "";
}

/// <summary>
/// How every list the app takes as CSV is read (respondents, ratings, customer gaps): UTF-8 with or without a
/// byte-order mark, comma or semicolon between fields (whichever the text uses), quoted fields allowed, blank lines
/// skipped, each record with the line it starts on for messages.
/// </summary>
public static class CsvRecords
{
    /// <summary>The text of a file's bytes, or null when they are not UTF-8.</summary>
    public static string? Decode(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>What to tell someone whose file is not UTF-8.</summary>
    public const string NotUtf8 = "The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.";

    /// <summary>Every record with at least one non-blank field, in order.</summary>
    public static IReadOnlyList<CsvRecord> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Recover,
        };
        var records = new List<CsvRecord>();
        using var reader = CsvReader.FromText(text.TrimStart('\uFEFF'), options);
        while (reader.Read())
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
            if (!fields.All(string.IsNullOrWhiteSpace))
            {
                records.Add(new CsvRecord((int)reader.LineNumber, fields));
            }
        }

        return records;
    }

    /// <summary>The position of the column named <paramref name="names"/> (any of them, ignoring case) in a header, or −1.</summary>
    public static int IndexOf(IReadOnlyList<string> header, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(header);
        for (var i = 0; i < header.Count; i++)
        {
            if (names.Any(n => string.Equals(header[i].Trim(), n, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }
}
