namespace CxMaturity.Web.Features.Questionnaires;

/// <summary>One answer: <paramref name="Level"/> 1..5, or null for NotApplicable.</summary>
public sealed record AnswerInput(string QuestionId, int? Level, string? Comment = null, string? Evidence = null);

/// <summary>
/// Answers to save together (one transaction). <paramref name="Submit"/> hands the questionnaire in;
/// <paramref name="Importance"/> optionally rates dimensions 1..5, or removes a rating with null.
/// </summary>
public sealed record SaveAnswersRequest(
    IReadOnlyList<AnswerInput> Answers,
    bool Submit = false,
    IReadOnlyDictionary<string, int?>? Importance = null);
