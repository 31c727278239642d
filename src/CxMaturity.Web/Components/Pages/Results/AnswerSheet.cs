using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Assessments;

namespace CxMaturity.Web.Components.Pages.Results;

/// <summary>One respondent's saved answers, keyed by question id, for the drill-down behind a dimension.</summary>
public sealed record AnswerSheet(
    string Name,
    string Group,
    RespondentStatus Status,
    IReadOnlyDictionary<string, SavedAnswerView> Answers);
