using System.Globalization;
using System.Text.Json.Serialization;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Api;
using CxMaturity.Web.Features.Results;

namespace CxMaturity.Web.Features.Questionnaires;

/// <summary>Answers to save in one transaction; <paramref name="Submit"/> hands the questionnaire in afterwards.</summary>
/// <param name="Answers">The answers; an empty list is allowed (to submit, or to rate importance only).</param>
/// <param name="Submit">Hand the questionnaire in: its answers count in results and can no longer change.</param>
/// <param name="Importance">Optional importance ratings: dimension id → 1 (low) .. 5 (critical).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SaveAnswersDto(
    IReadOnlyList<AnswerDto> Answers,
    bool Submit = false,
    IReadOnlyDictionary<string, int>? Importance = null);

/// <summary>One answer. <paramref name="Level"/> must be present: 1..5, or null for Not applicable.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AnswerDto(string QuestionId, int? Level, string? Comment = null, string? Evidence = null);

// Responses.

/// <summary>A respondent's saved answers in model order, and their importance ratings by dimension id.</summary>
public sealed record AnswersDto(
    int AssessmentId,
    int RespondentId,
    string RespondentName,
    string Group,
    RespondentStatus Status,
    bool CanEdit,
    int Questions,
    IReadOnlyList<SavedAnswerDto> Answers,
    IReadOnlyDictionary<string, int> Importance)
{
    public static AnswersDto From(QuestionnaireView view) => new(
        view.RoundId,
        view.RespondentId,
        view.RespondentName,
        view.Group,
        view.Status,
        view.CanEdit,
        view.Questions,
        [.. view.Model.AllQuestions
            .Where(q => view.Answers.ContainsKey(q.Id))
            .Select(q => (q.Id, Answer: view.Answers[q.Id]))
            .Select(a => new SavedAnswerDto(a.Id, a.Answer.Level, a.Answer.Comment, a.Answer.Evidence, a.Answer.UpdatedUtc))],
        view.Importance);
}

/// <summary>A saved answer: <paramref name="Level"/> 1..5, or null for Not applicable.</summary>
public sealed record SavedAnswerDto(string QuestionId, int? Level, string? Comment, string? Evidence, DateTime UpdatedUtc);
