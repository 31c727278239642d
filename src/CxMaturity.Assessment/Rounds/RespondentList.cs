using CxMaturity.Assessment.Common;

namespace CxMaturity.Assessment.Rounds;

/// <summary>One person of a respondent list, from the line it was on.</summary>
public sealed record RespondentLine(int Line, string Name, string Email, string Group);

/// <summary>What is wrong on one line of a respondent list (line 0: the list as a whole).</summary>
public sealed record RespondentLineProblem(int Line, string Message);

/// <summary>A respondent list read and checked: the people on it, and every problem, by line.</summary>
public sealed record RespondentListResult(IReadOnlyList<RespondentLine> People, IReadOnlyList<RespondentLineProblem> Problems)
{
    /// <summary>Nothing is wrong: the people can be added.</summary>
    public bool IsClean => Problems.Count == 0;
}

/// <summary>
/// Reads a list of respondents pasted or uploaded as CSV (docs/RULES.md §3): name, email and group on each line;
/// comma or semicolon between them; a header row optional (its columns may come in any order); UTF-8 with or without
/// a byte-order mark. Every problem is reported with its line, and nothing is taken from a list that has one.
/// </summary>
public static class RespondentList
{
    /// <summary>The most people one list may add.</summary>
    public const int MaxPeople = 5000;

    private static readonly string[] Columns = ["name", "email", "group"];

    /// <summary>Reads a file's bytes: UTF-8, with or without a byte-order mark.</summary>
    public static RespondentListResult Read(
        byte[] content,
        IReadOnlyList<string> groups,
        IReadOnlyCollection<string> emailsInRound)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (CsvRecords.Decode(content) is not { } text)
        {
            return new RespondentListResult([], [new RespondentLineProblem(0, CsvRecords.NotUtf8)]);
        }

        return Read(text, groups, emailsInRound);
    }

    /// <summary>
    /// Reads pasted text. <paramref name="groups"/> are the round's groups (matched ignoring case);
    /// <paramref name="emailsInRound"/> the addresses of its respondents already.
    /// </summary>
    public static RespondentListResult Read(
        string text,
        IReadOnlyList<string> groups,
        IReadOnlyCollection<string> emailsInRound)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(emailsInRound);
        var problems = new List<RespondentLineProblem>();
        var people = new List<RespondentLine>();
        var records = CsvRecords.Read(text);
        if (records.Count == 0)
        {
            return new RespondentListResult([], [new RespondentLineProblem(0, "The list is empty: give one person a line, as name, email, group.")]);
        }

        var (order, first) = HeaderOf(records[0].Fields) is { } header ? (header, 1) : ([0, 1, 2], 0);
        var existing = emailsInRound.Select(EmailAddresses.Key).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in records.Skip(first).Select(r => (r.Line, r.Fields)))
        {
            if (fields.Count < 3)
            {
                problems.Add(new(line, $"Give name, email and group, separated by commas or semicolons; this line has {fields.Count} {(fields.Count == 1 ? "column" : "columns")}."));
                continue;
            }

            var errors = new List<string>();
            var name = Field(fields, order[0]);
            var email = Field(fields, order[1]);
            var typedGroup = Field(fields, order[2]);
            var checkedName = new ValidationErrors();
            checkedName.Text("name", name, FieldLimits.Name, "the respondent's name", required: true);
            if (checkedName.Any)
            {
                errors.AddRange(checkedName.ToException().Errors["name"]);
            }

            if (!EmailAddresses.IsValid(email))
            {
                errors.Add(email.Length == 0 ? "The email is empty." : $"“{email}” is not a valid email address.");
            }
            else if (seen.TryGetValue(EmailAddresses.Key(email), out var earlier))
            {
                errors.Add($"{email} is already on line {earlier}.");
            }
            else if (existing.Contains(EmailAddresses.Key(email)))
            {
                errors.Add($"{email} is already a respondent in this round.");
            }
            else
            {
                seen[EmailAddresses.Key(email)] = line;
            }

            var group = groups.FirstOrDefault(g => string.Equals(g, typedGroup, StringComparison.OrdinalIgnoreCase));
            if (group is null)
            {
                errors.Add(typedGroup.Length == 0
                    ? $"The group is empty; use one of the round's groups: {string.Join(", ", groups)}."
                    : $"“{typedGroup}” is not one of the round's groups: {string.Join(", ", groups)}.");
            }

            if (errors.Count > 0)
            {
                problems.AddRange(errors.Select(e => new RespondentLineProblem(line, e)));
            }
            else
            {
                people.Add(new RespondentLine(line, name, email, group!));
            }
        }

        if (people.Count + problems.Select(p => p.Line).Distinct().Count() > MaxPeople)
        {
            problems.Insert(0, new RespondentLineProblem(0, $"A list can add at most {MaxPeople:N0} people at once; split it."));
        }

        return new RespondentListResult(people, problems);
    }

    // The columns' positions when the first record names them all (name, email, group in any order); else null.
    private static int[]? HeaderOf(IReadOnlyList<string> fields)
    {
        var positions = Columns.Select(c => CsvRecords.IndexOf(fields, c)).ToArray();
        return positions.All(p => p >= 0) ? positions : null;
    }

    private static string Field(IReadOnlyList<string> fields, int index) => index < fields.Count ? fields[index].Trim() : "";
}
