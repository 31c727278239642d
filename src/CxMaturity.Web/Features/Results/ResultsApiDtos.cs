using System.Globalization;
using System.Text.Json.Serialization;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Api;

namespace CxMaturity.Web.Features.Results;

/// <summary>
/// Every figure of RULES.md §5 for a round, at full precision (round only to show: one decimal, half away from zero).
/// </summary>
/// <param name="IsPreview">True when questionnaires still in progress were counted: never present it as final.</param>
/// <param name="IsFinal">
/// True when the figures can no longer change: not a preview, and the round is closed.
/// </param>
/// <param name="RespondentsCounted">Respondents the figures rest on: submitted ones (and in-progress ones in a preview).</param>
/// <param name="RespondentsTotal">Every respondent of the round, whatever their status.</param>
/// <param name="Overall">Weighted overall score (rule 5); null when no dimension has a score.</param>
/// <param name="OverallStage">Stage of the overall score (rule 6).</param>
/// <param name="FoundationStage">The lowest dimension stage, the weakest link (rule 7).</param>
/// <param name="Dimensions">One per in-scope dimension, in model order.</param>
/// <param name="Groups">One per respondent group present × in-scope dimension (rule 4).</param>
/// <param name="PerceptionGaps">Executive minus Frontline per in-scope dimension (rule 9).</param>
/// <param name="Questions">One per in-scope question, in model order.</param>
/// <param name="Completion">How far each respondent has got (rule 11).</param>
public sealed record ResultsDto(
    int AssessmentId,
    string Name,
    RoundStatus Status,
    int OrganisationId,
    ModelRef Model,
    bool IsPreview,
    bool IsFinal,
    int RespondentsCounted,
    int RespondentsTotal,
    double? Overall,
    StageRefDto? OverallStage,
    StageRefDto? FoundationStage,
    IReadOnlyList<DimensionResultDto> Dimensions,
    IReadOnlyList<GroupResultDto> Groups,
    IReadOnlyList<PerceptionGapDto> PerceptionGaps,
    IReadOnlyList<QuestionResultDto> Questions,
    CompletionDto Completion)
{
    public static ResultsDto From(ResultsView view)
    {
        var model = view.Model;
        var result = view.Result;
        return new ResultsDto(
            view.RoundId,
            view.RoundName,
            view.Status,
            view.OrganisationId,
            new ModelRef(model.Id, model.Version, model.Title),
            result.IsPreview,
            !result.IsPreview && view.Status == RoundStatus.Closed,
            result.RespondentsCounted,
            view.RespondentsTotal,
            result.Overall,
            StageRefDto.From(model, result.OverallStage),
            StageRefDto.From(model, result.FoundationStage),
            [.. result.Dimensions.Select(d => DimensionResultDto.From(view, d))],
            [.. result.Groups.Select(g => GroupResultDto.From(model, g))],
            [.. result.PerceptionGaps.Select(g => new PerceptionGapDto(g.DimensionId, g.GroupA, g.GroupB, g.Gap, g.Flagged, g.Withheld))],
            [.. result.Questions.Select(q => new QuestionResultDto(
                q.QuestionId, q.DimensionId, q.N, q.Mean, q.LevelCounts, q.NotApplicableCount))],
            CompletionDto.From(result.Completion));
    }
}

/// <summary>
/// A dimension's figures. <paramref name="Score"/> is S_d, the mean of the respondent dimension scores (rule 3);
/// <paramref name="StandardDeviation"/> is the population standard deviation; <paramref name="LowConsensus"/> is
/// set when it is 1.0 or more (rule 8); <paramref name="Importance"/> is I_d, 3 when nobody rated it (rule 12);
/// <paramref name="Target"/> is the target in force, <paramref name="TargetIsExplicit"/> when the CX lead set it.
/// </summary>
public sealed record DimensionResultDto(
    string DimensionId,
    string Title,
    double Weight,
    double? Score,
    StageRefDto? Stage,
    int N,
    double? Mean,
    double? Median,
    double? Min,
    double? Max,
    double? StandardDeviation,
    bool LowConsensus,
    double Importance,
    StageRefDto? Target,
    bool TargetIsExplicit)
{
    public static DimensionResultDto From(ResultsView view, DimensionResult d)
    {
        var s = d.Statistics;
        int? target = view.EffectiveTargets.TryGetValue(d.DimensionId, out var t) ? t : null;
        return new DimensionResultDto(
            d.DimensionId,
            view.Model.FindDimension(d.DimensionId)?.Title ?? d.DimensionId,
            d.Weight,
            d.Score,
            StageRefDto.From(view.Model, d.Stage),
            s.N,
            s.Mean,
            s.Median,
            s.Min,
            s.Max,
            s.StandardDeviation,
            d.LowConsensus,
            d.Importance,
            StageRefDto.From(view.Model, target),
            view.ExplicitTargets.ContainsKey(d.DimensionId));
    }
}

/// <summary>
/// One respondent group's figures on one dimension (rule 4); a group with fewer respondents than the round's
/// minimum is <c>{ "group", "dimensionId", "withheld": true }</c> and carries no figure (rule 14).
/// </summary>
public sealed record GroupResultDto(
    string Group,
    string DimensionId,
    bool Withheld,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Score,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StageRefDto? Stage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? N,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Mean,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Median,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Min,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Max,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? StandardDeviation)
{
    public static GroupResultDto From(MaturityModel model, GroupDimensionResult g) => g.Withheld
        ? new(g.Group, g.DimensionId, true, null, null, null, null, null, null, null, null)
        : new(g.Group, g.DimensionId, false, g.Score, StageRefDto.From(model, g.Stage), g.Statistics.N, g.Statistics.Mean,
            g.Statistics.Median, g.Statistics.Min, g.Statistics.Max, g.Statistics.StandardDeviation);
}

/// <summary>
/// S_d(GroupA) − S_d(GroupB); null when either group has no score or is withheld (rule 14); flagged when |gap| ≥ 1.0
/// (rule 9).
/// </summary>
public sealed record PerceptionGapDto(string DimensionId, string GroupA, string GroupB, double? Gap, bool Flagged, bool Withheld);

/// <summary>
/// How the counted respondents answered a question: <paramref name="LevelCounts"/> holds five counts, for levels
/// 1 to 5; <paramref name="Mean"/> is the mean level, NotApplicable excluded.
/// </summary>
public sealed record QuestionResultDto(
    string QuestionId,
    string DimensionId,
    int N,
    double? Mean,
    IReadOnlyList<int> LevelCounts,
    int NotApplicable);

/// <summary>Completion per respondent (rule 11), whatever their status, and its mean.</summary>
public sealed record CompletionDto(double Mean, IReadOnlyList<RespondentCompletionDto> Respondents)
{
    public static CompletionDto From(IReadOnlyList<RespondentCompletion> completion) => new(
        RespondentCompletion.Mean(completion),
        [.. completion.Select(c => new RespondentCompletionDto(
            int.Parse(c.RespondentId, CultureInfo.InvariantCulture), c.Answered, c.Questions, c.Ratio))]);
}

/// <summary>Answered in-scope questions (NotApplicable included) ÷ in-scope questions, 0..1.</summary>
public sealed record RespondentCompletionDto(int RespondentId, int Answered, int Questions, double Ratio);

