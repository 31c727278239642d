namespace CxMaturity.Web.Features.Respondents;

/// <summary>A respondent to add. When the email belongs to a member of the organisation, the respondent is linked to their account.</summary>
public sealed record AddRespondentRequest(string Name, string Email, string Group);

/// <summary>Members of the organisation to add to a round, all in one group.</summary>
public sealed record AddMembersRequest(IReadOnlyList<string> MemberUserIds, string Group);

/// <summary>A respondent's details as edited. A member's email is their account's and is not changed here.</summary>
public sealed record UpdateRespondentRequest(string Name, string? Email, string Group);
