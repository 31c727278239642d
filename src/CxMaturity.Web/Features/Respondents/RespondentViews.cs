using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Web.Features.Respondents;

/// <summary>A respondent with their progress (RULES.md §5.11).</summary>
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
    Guid Version);

/// <summary>A respondent just added, with the invitation link (a path; the secret in it is shown only now).</summary>
public sealed record RespondentCreatedView(RespondentView Respondent, string InvitationPath);
