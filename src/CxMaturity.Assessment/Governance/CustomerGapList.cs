using System.Globalization;
using CxMaturity.Assessment.Common;

namespace CxMaturity.Assessment.Governance;

/// <summary>One problem of a customer-gap list, from the line it was on.</summary>
public sealed record CustomerGapLine(int Line, string Title, string Source, string RootCause, double Score);

/// <summary>A customer-gap list read and checked: the problems on it, and every fault, by line (0: the list as a whole).</summary>
public sealed record CustomerGapListResult(IReadOnlyList<CustomerGapLine> Gaps, IReadOnlyList<(int Line, string Message)> Problems)
{
    /// <summary>Nothing is wrong: the problems can be added.</summary>
    public bool IsClean => Problems.Count == 0;
}

/// <summary>
/// Reads customer problems pasted or uploaded as CSV (docs/RULES.md §8.5): title, source, root cause and an optional
/// score on each line, in that order, or in any order under a header row naming them ("title", "source", "root
/// cause", "score"). The root cause must be one of the organisation's categories (matched ignoring case); the score
/// is a positive number, 1 (one occurrence) when left out. Every fault is reported by line and nothing is taken from
/// a list that has one.
/// </summary>
public static class CustomerGapList
{
    /// <summary>The most problems one list may add.</summary>
    public const int MaxGaps = 10_000;

    /// <summary>The highest score one problem may carry.</summary>
    public const double MaxScore = 1_000_000;

    /// <summary>Reads a file's bytes (UTF-8, with or without a byte-order mark).</summary>
    public static CustomerGapListResult Read(byte[] content, IReadOnlyList<string> rootCauses) =>
        CsvRecords.Decode(content) is { } text ? Read(text, rootCauses) : new([], [(0, CsvRecords.NotUtf8)]);

    /// <summary>Reads pasted text against the organisation's <paramref name="rootCauses"/>.</summary>
    public static CustomerGapListResult Read(string text, IReadOnlyList<string> rootCauses)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rootCauses);
        var records = CsvRecords.Read(text);
        if (records.Count == 0)
        {
            return new([], [(0, "The list is empty: give one problem a line, as title, source, root cause and score.")]);
        }

        var header = records[0].Fields;
        var positions = new[]
        {
            CsvRecords.IndexOf(header, "title", "problem"),
            CsvRecords.IndexOf(header, "source"),
            CsvRecords.IndexOf(header, "root cause", "rootcause", "root-cause", "cause"),
            CsvRecords.IndexOf(header, "score", "occurrences"),
        };
        var hasHeader = positions[0] >= 0 && positions[2] >= 0;
        var (order, first) = hasHeader ? (positions, 1) : (new[] { 0, 1, 2, 3 }, 0);
        var gaps = new List<CustomerGapLine>();
        var problems = new List<(int, string)>();
        foreach (var record in records.Skip(first))
        {
            var errors = new List<string>();
            var checkedText = new ValidationErrors();
            var title = checkedText.Text("title", record.Field(order[0]), FieldLimits.Title, "the problem's title", required: true);
            var source = checkedText.Text("source", record.Field(order[1]), FieldLimits.Name, "the source", required: false) ?? "";
            if (checkedText.Any)
            {
                errors.AddRange(checkedText.ToException().Errors.Values.SelectMany(m => m));
            }

            var typedCause = record.Field(order[2]);
            var cause = rootCauses.FirstOrDefault(c => string.Equals(c, typedCause, StringComparison.OrdinalIgnoreCase));
            if (cause is null)
            {
                errors.Add(typedCause.Length == 0
                    ? $"The root cause is empty; use one of: {string.Join(", ", rootCauses)}."
                    : $"“{typedCause}” is not one of the root causes: {string.Join(", ", rootCauses)}.");
            }

            var typedScore = order[3] >= 0 ? record.Field(order[3]) : "";
            var score = 1.0;
            if (typedScore.Length > 0 && !Numbers.TryParse(typedScore, out score))
            {
                errors.Add($"The score “{typedScore}” could not be read: {Numbers.Hint}.");
            }
            else if (typedScore.Length > 0 && !IsScore(score))
            {
                errors.Add($"The score “{typedScore}” is not a number above 0 and at most {MaxScore:N0}.");
            }

            if (errors.Count > 0)
            {
                problems.AddRange(errors.Select(e => (record.Line, e)));
            }
            else
            {
                gaps.Add(new CustomerGapLine(record.Line, title!, source, cause!, score));
            }
        }

        if (gaps.Count == 0 && problems.Count == 0)
        {
            problems.Add((0, "The list holds only its header: give one problem a line."));
        }

        if (gaps.Count + problems.Select(p => p.Item1).Distinct().Count() > MaxGaps)
        {
            problems.Insert(0, (0, $"A list can add at most {MaxGaps:N0} problems at once; split it."));
        }

        return new CustomerGapListResult(problems.Count == 0 ? gaps : [], problems);
    }

    /// <summary>True when <paramref name="score"/> can be a problem's score: above 0, at most <see cref="MaxScore"/>.</summary>
    public static bool IsScore(double score) => double.IsFinite(score) && score > 0 && score <= MaxScore;

    /// <summary>The root-cause categories an organisation starts with.</summary>
    public static readonly IReadOnlyList<string> DefaultRootCauses = ["Process", "People", "Technology", "Policy", "Communication", "Product"];

    /// <summary>The most root-cause categories an organisation may have.</summary>
    public const int MaxRootCauses = 20;
}
