using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Web.Features.Respondents;

/// <summary>
/// A respondent with their progress (RULES.md §5.11): <paramref name="Completion"/> is answered ÷ in-scope questions,
/// 0..1. Pages show it and the API returns it as it is.
/// </summary>
public sealed record RespondentView(
    int Id,
    string Name,
    string Email,
    string Group,
    RespondentStatus Status,
    bool IsMember,
    int Answered,
    int Questions,
    double Completion,
    DateTime? StartedUtc,
    DateTime? SubmittedUtc,
    DateTime? LastActivityUtc = null);

/// <summary>A respondent just added, with the invitation link (a path; the secret in it is shown only now).</summary>
public sealed record RespondentCreatedView(RespondentView Respondent, string InvitationPath);

/// <summary>A respondent list as checked: the people it would add, and every problem by line (none: it can be added).</summary>
public sealed record RespondentListView(IReadOnlyList<RespondentLine> People, IReadOnlyList<RespondentLineProblem> Problems);

/// <summary>A member of the organisation who does not answer the round yet.</summary>
public sealed record MemberToAddView(string UserId, string DisplayName, string Email);
