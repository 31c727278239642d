using CxMaturity.Assessment.Analysis;
using System.Text.Json.Serialization;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Web.Features.Results;

/// <summary>
/// A round's results (RULES.md §5) with the model it pinned and its targets. <paramref name="Result"/> is a preview
/// (InProgress respondents counted) when <see cref="RoundResult.IsPreview"/>; never export a preview as final.
/// <paramref name="EffectiveTargets"/> holds the target in force for every in-scope dimension with a score.
/// </summary>
public sealed record ResultsView(
    int RoundId,
    string RoundName,
    RoundStatus Status,
    int OrganisationId,
    string OrganisationName,
    MaturityModel Model,
    IReadOnlyList<string> DimensionsInScope,
    RoundResult Result,
    IReadOnlyDictionary<string, int> ExplicitTargets,
    IReadOnlyDictionary<string, int> EffectiveTargets,
    int RespondentsTotal,
    OrganisationRole YourRole)
{
    /// <summary>Each question's mean per group, widest apart first (RULES.md §5.17); worked out when first asked for.</summary>
    [JsonIgnore]
    public IReadOnlyList<QuestionByGroup> QuestionsByGroup => ByGroup?.Value ?? [];

    [JsonIgnore]
    private Lazy<IReadOnlyList<QuestionByGroup>>? ByGroup { get; init; }

    internal static ResultsView Of(ScoredRound scored, OrganisationRole role) => new(
        scored.Round.Id, scored.Round.Name, scored.Round.Status, scored.Round.OrganisationId, scored.Round.OrganisationName,
        scored.Model, scored.Round.DimensionsInScope, scored.Result, scored.Round.ExplicitTargets, scored.EffectiveTargets,
        scored.Respondents.Count, role)
    {
        ByGroup = new(() => Assessment.Analysis.QuestionsByGroup.Compute(
            scored.Model, scored.Round.DimensionsInScope, [.. scored.Respondents.Select(r => r.Answers)], scored.Round.RespondentGroups,
            scored.Result.MinimumGroupSize, scored.Result.IsPreview)),
    };
}

/// <summary>One counted respondent's saved answers, keyed by question id, for the drill-down behind a dimension.</summary>
public sealed record AnswerSheetView(
    int RespondentId,
    string Name,
    string Group,
    RespondentStatus Status,
    IReadOnlyDictionary<string, SavedAnswerView> Answers);

/// <summary>A saved answer: <paramref name="Level"/> 1..5, or null for Not applicable.</summary>
public sealed record SavedAnswerView(int? Level, string? Comment, string? Evidence, DateTime UpdatedUtc);
