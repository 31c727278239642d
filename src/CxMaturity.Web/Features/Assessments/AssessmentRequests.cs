namespace CxMaturity.Web.Features.Assessments;

/// <summary>A new round: opened at once. <paramref name="DimensionsInScope"/> null or empty means every dimension.</summary>
public sealed record CreateRoundRequest(
    string ModelId,
    string Name,
    DateOnly? OpensOn = null,
    DateOnly? ClosesOn = null,
    IReadOnlyList<string>? DimensionsInScope = null,
    bool RespondentsSeeResults = false);

/// <summary>A round's editable settings, with the <paramref name="Version"/> the editor read (a stale one is a conflict).</summary>
public sealed record UpdateRoundRequest(
    string Name,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    bool RespondentsSeeResults,
    Guid Version);

/// <summary>A respondent to add. When the email belongs to a member of the organisation, the respondent is linked to their account.</summary>
public sealed record AddRespondentRequest(string Name, string Email, string Group);

/// <summary>One answer: <paramref name="Level"/> 1..5, or null for NotApplicable.</summary>
public sealed record AnswerInput(string QuestionId, int? Level, string? Comment = null, string? Evidence = null);

/// <summary>
/// Answers to save together (one transaction). <paramref name="Submit"/> hands the questionnaire in;
/// <paramref name="Importance"/> optionally rates dimensions 1..5.
/// </summary>
public sealed record SaveAnswersRequest(
    IReadOnlyList<AnswerInput> Answers,
    bool Submit = false,
    IReadOnlyDictionary<string, int>? Importance = null);
