using System.Globalization;
using System.Text.Json.Serialization;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Api;

namespace CxMaturity.Web.Features.Respondents;

/// <summary>A respondent to invite; an email of a member of the organisation links the respondent to that account.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AddRespondentDto(string Name, string Email, string Group);

/// <summary>A respondent just added. <paramref name="InvitationLink"/> holds a secret shown only in this response.</summary>
public sealed record RespondentCreatedDto(RespondentView Respondent, string InvitationLink);
