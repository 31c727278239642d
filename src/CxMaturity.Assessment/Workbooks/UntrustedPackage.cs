using System.Globalization;
using System.IO.Compression;

namespace CxMaturity.Assessment.Workbooks;

/// <summary>
/// The checks an uploaded file passes before any Open XML code opens it: its size, and at the zip level the
/// number of entries, their names, and how far they expand — counted by inflating every entry, since the sizes a
/// zip declares can lie. A zip bomb or a path-traversal entry never reaches the package reader.
/// </summary>
internal static class UntrustedPackage
{
    public const long MaxFileBytes = 10L * 1024 * 1024;
    public const long MaxExpandedBytes = 50L * 1024 * 1024;
    public const int MaxEntries = 10_000;
    public const int MaxCompressionRatio = 100;

    // Small entries may compress as densely as they like: a few hundred kilobytes cannot hurt, and real sheets
    // full of repeated markup do reach high ratios.
    public const long RatioCheckedAbove = 1024 * 1024;

    private const int ChunkSize = 81_920;

    /// <summary>Reads the file into memory, refusing it as soon as it passes the size limit.</summary>
    public static MemoryStream? ReadWithinLimit(Stream file, string displayName, out ImportProblem? problem)
    {
        problem = null;
        if (file.CanSeek && file.Length - file.Position > MaxFileBytes)
        {
            problem = TooLarge(displayName, file.Length - file.Position);
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = file.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                problem = TooLarge(displayName, null);
                buffer.Dispose();
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Checks the zip structure; returns the first problem, or <c>null</c> when the package may be opened.</summary>
    public static ImportProblem? Check(MemoryStream buffer, string displayName)
    {
        buffer.Position = 0;
        try
        {
            using var archive = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.Count > MaxEntries)
            {
                return new ImportProblem(null, null,
                    $"{displayName} holds {archive.Entries.Count.ToString("N0", CultureInfo.InvariantCulture)} files; " +
                    $"a questionnaire workbook holds a few dozen, and more than {MaxEntries.ToString("N0", CultureInfo.InvariantCulture)} are refused as a possible zip bomb.");
            }

            var chunk = new byte[ChunkSize];
            long expanded = 0;
            foreach (var entry in archive.Entries)
            {
                if (IsUnsafeName(entry.FullName))
                {
                    return new ImportProblem(null, null,
                        $"{displayName} contains a file with an unsafe name (\"{Excerpt(entry.FullName)}\"); no Excel workbook does, so it is refused.");
                }

                using var content = entry.Open();
                long entryBytes = 0;
                int read;
                while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
                {
                    entryBytes += read;
                    expanded += read;
                    if (expanded > MaxExpandedBytes)
                    {
                        return new ImportProblem(null, null,
                            $"{displayName} expands to more than {MaxExpandedBytes / (1024 * 1024)} MB when unpacked; it is refused as a possible zip bomb.");
                    }

                    if (entryBytes > RatioCheckedAbove && entryBytes > MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                    {
                        return new ImportProblem(null, null,
                            $"{displayName} contains a part (\"{Excerpt(entry.FullName)}\") compressed more than {MaxCompressionRatio} to 1; it is refused as a possible zip bomb.");
                    }
                }
            }

            return null;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return NotAWorkbook(displayName);
        }
        finally
        {
            buffer.Position = 0;
        }
    }

    public static ImportProblem NotAWorkbook(string displayName) =>
        new(null, null,
            $"{displayName} is not an Excel workbook: its content is not an .xlsx package (a file renamed to .xlsx is not one). Save the questionnaire from Excel or LibreOffice as an Excel Workbook (.xlsx).");

    private static ImportProblem TooLarge(string displayName, long? bytes)
    {
        var size = bytes is { } b
            ? $"is {(b / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture)} MB"
            : "is larger than that";
        return new ImportProblem(null, null,
            $"{displayName} {size}; questionnaire workbooks over {MaxFileBytes / (1024 * 1024)} MB are refused. A filled questionnaire is far smaller: remove anything pasted into it and save it again.");
    }

    private static bool IsUnsafeName(string name) =>
        name.Length == 0
        || name[0] is '/' or '\\'
        || name.Contains(':', StringComparison.Ordinal)
        || name.Contains('\\', StringComparison.Ordinal)
        || name.Split('/').Any(segment => segment == "..");

    internal static string Excerpt(string text, int length = 60) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
}
