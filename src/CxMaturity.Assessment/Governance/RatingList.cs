using System.Globalization;
using CxMaturity.Assessment.Common;

namespace CxMaturity.Assessment.Governance;

/// <summary>What is wrong with one rating, and where: <c>line 4</c> in a list, <c>ratings[7]</c> in an API call.</summary>
public sealed record RatingProblem(string Where, string Message);

/// <summary>Ratings read and checked: the ratings when there is no problem, else every problem and no ratings.</summary>
public sealed record RatingListResult(IReadOnlyList<int> Ratings, IReadOnlyList<RatingProblem> Problems)
{
    /// <summary>Nothing is wrong: the ratings can be used.</summary>
    public bool IsClean => Problems.Count == 0;
}

/// <summary>
/// Reads raw ratings typed in, pasted, or uploaded (docs/RULES.md §8.2): whole numbers on the KPI's scale, one or
/// more a line (separated by commas, semicolons, spaces or tabs), or one column of a CSV file chosen by its name.
/// Every bad rating is reported where it is; a list with any problem gives no ratings. Blank lines at the end are
/// ignored, a blank line between ratings is a problem (a value went missing).
/// </summary>
public static class RatingList
{
    /// <summary>The most ratings one list may hold.</summary>
    public const int MaxRatings = 2_000_000;

    /// <summary>At most this many problems are listed one by one; the rest are counted.</summary>
    public const int MaxProblemsListed = 100;

    private static readonly char[] Separators = [',', ';', ' ', '\t'];

    /// <summary>Reads a file's bytes (UTF-8, with or without a byte-order mark) as a plain list.</summary>
    public static RatingListResult Read(byte[] content, RatingScale scale) =>
        CsvRecords.Decode(content) is { } text ? Read(text, scale) : NotUtf8();

    /// <summary>Reads typed or pasted text: ratings separated by line breaks, commas, semicolons, spaces or tabs.</summary>
    public static RatingListResult Read(string text, RatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scale);
        var lines = text.TrimStart('\uFEFF').Split('\n');
        var last = lines.Length - 1;
        while (last >= 0 && string.IsNullOrWhiteSpace(lines[last]))
        {
            last--;
        }

        var problems = new Problems();
        var ratings = new List<int>();
        for (var i = 0; i <= last; i++)
        {
            var where = $"line {i + 1}";
            var tokens = lines[i].Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (tokens.Length == 0)
            {
                problems.Add(where, "The line is empty: give a rating or remove the line.");
                continue;
            }

            foreach (var token in tokens)
            {
                Take(token, where, scale, ratings, problems);
            }
        }

        return Result(ratings, problems, empty: "There are no ratings: give one or more, one a line.");
    }

    /// <summary>
    /// The column names of a CSV file whose first line names its columns (at least one of them not a number), or
    /// none when the file is a plain list.
    /// </summary>
    public static IReadOnlyList<string> Columns(byte[] content)
    {
        if (CsvRecords.Decode(content) is not { } text || CsvRecords.Read(text) is not [var header, ..])
        {
            return [];
        }

        var fields = header.Fields.Select(f => f.Trim()).ToList();
        return fields.Any(f => f.Length > 0 && !int.TryParse(f, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)) ? fields : [];
    }

    /// <summary>Reads the column named <paramref name="column"/> (ignoring case) of a CSV file with a header line.</summary>
    public static RatingListResult ReadColumn(byte[] content, string column, RatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(scale);
        if (CsvRecords.Decode(content) is not { } text)
        {
            return NotUtf8();
        }

        var problems = new Problems();
        var ratings = new List<int>();
        var records = CsvRecords.Read(text);
        if (records.Count == 0)
        {
            return Result(ratings, problems, empty: "The file is empty.");
        }

        var names = records[0].Fields.Select(f => f.Trim()).ToList();
        var index = CsvRecords.IndexOf(names, column.Trim());
        if (index < 0)
        {
            return new RatingListResult([], [new RatingProblem("file", $"The file has no column “{column}”; its columns are {string.Join(", ", names.Select(n => $"“{n}”"))}.")]);
        }

        foreach (var record in records.Skip(1))
        {
            var where = $"line {record.Line}";
            var value = record.Field(index);
            if (value.Length == 0)
            {
                problems.Add(where, $"The “{names[index]}” column is empty on this line.");
                continue;
            }

            Take(value, where, scale, ratings, problems);
        }

        return Result(ratings, problems, empty: $"The “{names[index]}” column holds no ratings.");
    }

    /// <summary>Checks ratings sent as numbers (an API call); problems are named <c>ratings[i]</c>, counting from 0.</summary>
    public static RatingListResult Check(IReadOnlyList<int> ratings, RatingScale scale)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(scale);
        var problems = new Problems();
        for (var i = 0; i < ratings.Count; i++)
        {
            if (!scale.Contains(ratings[i]))
            {
                problems.Add($"ratings[{i}]", $"{ratings[i]} is not a rating from {scale.Description}.");
            }
        }

        return Result([.. ratings], problems, empty: "There are no ratings.");
    }

    private static void Take(string token, string where, RatingScale scale, List<int> ratings, Problems problems)
    {
        if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rating))
        {
            problems.Add(where, double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? $"“{Clip(token)}” is not a whole number; ratings are whole numbers from {scale.Description}."
                : $"“{Clip(token)}” is not a rating; give whole numbers from {scale.Description}.");
        }
        else if (!scale.Contains(rating))
        {
            problems.Add(where, $"{rating} is not a rating from {scale.Description}.");
        }
        else
        {
            ratings.Add(rating);
        }
    }

    private static RatingListResult Result(List<int> ratings, Problems problems, string empty)
    {
        if (problems.Count == 0 && ratings.Count == 0)
        {
            problems.Add("list", empty);
        }

        if (ratings.Count > MaxRatings)
        {
            problems.Add("list", $"A list can hold at most {MaxRatings:N0} ratings; split it.");
        }

        return problems.Count == 0 ? new RatingListResult(ratings, []) : new RatingListResult([], problems.ToList());
    }

    private static RatingListResult NotUtf8() =>
        new([], [new RatingProblem("file", CsvRecords.NotUtf8)]);

    private static string Clip(string token) => token.Length <= 20 ? token : token[..20] + "…";

    // Every problem counted; the first MaxProblemsListed kept, then one line saying how many more.
    private sealed class Problems
    {
        private readonly List<RatingProblem> _listed = [];

        public int Count { get; private set; }

        public void Add(string where, string message)
        {
            Count++;
            if (_listed.Count < MaxProblemsListed)
            {
                _listed.Add(new RatingProblem(where, message));
            }
        }

        public IReadOnlyList<RatingProblem> ToList() =>
            Count <= _listed.Count
                ? _listed
                : [.. _listed, new RatingProblem("list", $"… and {Count - _listed.Count:N0} more problems like these.")];
    }
}
