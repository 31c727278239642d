namespace CxMaturity.Assessment.Governance;

/// <summary>A role's part in one piece of work.</summary>
public enum RaciLetter
{
    /// <summary>Responsible: does the work.</summary>
    R,

    /// <summary>Accountable: answers for it; exactly one per row.</summary>
    A,

    /// <summary>Consulted before decisions.</summary>
    C,

    /// <summary>Informed of progress.</summary>
    I,
}

/// <summary>One cell of a RACI row: a role (by its name, for messages) and its letter.</summary>
public readonly record struct RaciCell(string Role, RaciLetter Letter);

/// <summary>
/// The RACI matrix's rule for every row (docs/RULES.md §8.1): exactly one role Accountable, at least one
/// Responsible, and each role at most once. A row with no letters at all is simply not assigned yet.
/// </summary>
public static class RaciRules
{
    /// <summary>The roles every organisation starts with, with what each is responsible for; renameable, and more can be added.</summary>
    public static readonly IReadOnlyList<(string Name, string Responsibilities)> DefaultRoles =
    [
        ("Executive sponsor", "Owns the CX ambition at the top table, funds the programme and removes blockers."),
        ("CX lead", "Runs the programme week to week: assessments, roadmap, projects, KPIs and reporting."),
        ("Journey owner", "Answers for one customer journey end to end and for the projects that change it."),
        ("Data and insight lead", "Measures the experience: surveys, KPIs, the customer-gap register and what they say."),
        ("Frontline champion", "Brings the frontline's view in and carries changes out to the people who meet customers."),
    ];

    /// <summary>The most roles an organisation may have.</summary>
    public const int MaxRoles = 20;

    /// <summary>The rule, as the grid explains it.</summary>
    public const string Rule = "Each row needs exactly one A (accountable) and at least one R (responsible); a role holds one letter per row.";

    /// <summary>Everything wrong with one row; empty when it keeps the rule or has no letters yet.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyCollection<RaciCell> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Count == 0)
        {
            return [];
        }

        var problems = new List<string>();
        foreach (var twice in row.GroupBy(c => c.Role, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"{twice.First().Role} appears {twice.Count()} times; a role holds one letter per row.");
        }

        var accountable = row.Where(c => c.Letter == RaciLetter.A).Select(c => c.Role).ToList();
        if (accountable.Count == 0)
        {
            problems.Add("No role is accountable (A): exactly one must be.");
        }
        else if (accountable.Count > 1)
        {
            problems.Add($"{accountable.Count} roles are accountable (A: {string.Join(", ", accountable)}): exactly one must be.");
        }

        if (!row.Any(c => c.Letter == RaciLetter.R))
        {
            problems.Add("No role is responsible (R): at least one must be.");
        }

        return problems;
    }
}
