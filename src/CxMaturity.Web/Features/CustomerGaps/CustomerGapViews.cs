namespace CxMaturity.Web.Features.CustomerGaps;

/// <summary>A problem to add to the register, or the register's problem as edited; the score defaults to 1.</summary>
public sealed record CustomerGapRequest(string Title, string RootCause, string? Source = null, double? Score = null);

/// <summary>One problem of the register.</summary>
public sealed record CustomerGapView(int Id, string Title, string Source, string RootCause, double Score, DateTime CreatedUtc, Guid Version);

/// <summary>
/// The register: every problem, newest first; the Pareto of its root causes (docs/RULES.md §8.5); the categories.
/// <paramref name="Version"/> is the organisation's, for editing the categories.
/// </summary>
public sealed record CustomerGapRegisterView(
    int OrganisationId,
    string OrganisationName,
    OrganisationRole YourRole,
    IReadOnlyList<CustomerGapView> Gaps,
    IReadOnlyList<RootCauseShare> Pareto,
    IReadOnlyList<string> RootCauses,
    Guid Version);

/// <summary>A list checked without adding: the problems it would add, and every fault by line.</summary>
public sealed record CustomerGapListCheckView(IReadOnlyList<CustomerGapLine> Gaps, IReadOnlyList<CustomerGapListProblem> Problems);

/// <summary>A fault of a list, by line (0: the list as a whole).</summary>
public sealed record CustomerGapListProblem(int Line, string Message);
