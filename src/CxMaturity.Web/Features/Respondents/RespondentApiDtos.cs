using System.Globalization;
using System.Text.Json.Serialization;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Api;

namespace CxMaturity.Web.Features.Respondents;

/// <summary>A respondent to invite; an email of a member of the organisation links the respondent to that account.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AddRespondentDto(string Name, string Email, string Group);

/// <summary>A respondent; <paramref name="Completion"/> is answered ÷ in-scope questions, 0..1 (RULES.md §5.11).</summary>
public sealed record RespondentDto(
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
    DateTime? SubmittedUtc)
{
    public static RespondentDto From(RespondentView view) => new(
        view.Id, view.Name, view.Email, view.Group, view.Status, view.IsMember, view.Answered, view.Questions,
        view.Completion, view.StartedUtc, view.SubmittedUtc);
}

/// <summary>A respondent just added. <paramref name="InvitationLink"/> holds a secret shown only in this response.</summary>
public sealed record RespondentCreatedDto(RespondentDto Respondent, string InvitationLink);
