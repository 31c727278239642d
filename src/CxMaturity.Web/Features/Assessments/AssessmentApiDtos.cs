using System.Globalization;
using System.Text.Json.Serialization;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;

namespace CxMaturity.Web.Features.Assessments;

// Requests. Unknown properties are refused by name rather than ignored, so a misspelt "submit" cannot pass unnoticed.

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateAssessmentDto(
    string ModelId,
    string Name,
    DateOnly? OpensOn = null,
    DateOnly? ClosesOn = null,
    IReadOnlyList<string>? DimensionsInScope = null,
    bool RespondentsSeeResults = false);

/// <summary>A respondent to invite; an email of a member of the organisation links the respondent to that account.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AddRespondentDto(string Name, string Email, string Group);

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

public sealed record ModelRefDto(string Id, string Version, string Title);

/// <summary>A stage: its level 1..5 and the model's name for it.</summary>
public sealed record StageRefDto(int Level, string Name)
{
    public static StageRefDto? From(MaturityModel model, int? level) =>
        level is { } l ? new StageRefDto(l, model.StageAt(l).Name) : null;
}

/// <summary>
/// An assessment round. <paramref name="Respondents"/> is null unless the caller is Owner or CX lead;
/// <paramref name="Version"/> goes in If-Match to detect concurrent edits of the targets.
/// </summary>
public sealed record AssessmentDto(
    int Id,
    int OrganisationId,
    string OrganisationName,
    string Name,
    RoundStatus Status,
    ModelRefDto Model,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    bool RespondentsSeeResults,
    DateTime CreatedUtc,
    DateTime? ClosedUtc,
    IReadOnlyList<string> DimensionsInScope,
    IReadOnlyList<string> RespondentGroups,
    IReadOnlyList<TargetDto> Targets,
    RespondentCountsDto RespondentCounts,
    IReadOnlyList<RespondentDto>? Respondents,
    OrganisationRole YourRole,
    Guid Version)
{
    public static AssessmentDto From(RoundView round) => new(
        round.Id,
        round.OrganisationId,
        round.OrganisationName,
        round.Name,
        round.Status,
        new ModelRefDto(round.ModelId, round.ModelVersion, round.ModelTitle),
        round.OpensOn,
        round.ClosesOn,
        round.RespondentsSeeResults,
        round.CreatedUtc,
        round.ClosedUtc,
        round.DimensionsInScope,
        round.RespondentGroups,
        [.. round.Targets.Select(TargetDto.From)],
        new RespondentCountsDto(round.Counts.Total, round.Counts.Invited, round.Counts.InProgress, round.Counts.Submitted),
        round.Respondents?.Select(RespondentDto.From).ToList(),
        round.YourRole,
        round.Version);
}

/// <summary>
/// The target of one in-scope dimension: the stage the CX lead set (null when not set), the stage the submitted
/// answers reach, and the target in force (the one set, else the default of one stage above the current).
/// </summary>
public sealed record TargetDto(
    string DimensionId,
    string DimensionTitle,
    int? ExplicitStage,
    int? CurrentStage,
    int? EffectiveStage)
{
    public static TargetDto From(TargetView view) =>
        new(view.DimensionId, view.DimensionTitle, view.ExplicitStage, view.CurrentStage, view.EffectiveStage);
}

public sealed record RespondentCountsDto(int Total, int Invited, int InProgress, int Submitted);

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

public sealed record RespondentProgressDto(
    int RespondentId,
    RespondentStatus Status,
    int Answered,
    int Questions,
    double Completion,
    DateTime SavedUtc)
{
    public static RespondentProgressDto From(RespondentProgressView view) =>
        new(view.RespondentId, view.Status, view.Answered, view.Questions, view.Completion, view.SavedUtc);
}

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
    ModelRefDto Model,
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
            new ModelRefDto(model.Id, model.Version, model.Title),
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
        completion.Count == 0 ? 0 : completion.Average(c => c.Ratio),
        [.. completion.Select(c => new RespondentCompletionDto(
            int.Parse(c.RespondentId, CultureInfo.InvariantCulture), c.Answered, c.Questions, c.Ratio))]);
}

/// <summary>Answered in-scope questions (NotApplicable included) ÷ in-scope questions, 0..1.</summary>
public sealed record RespondentCompletionDto(int RespondentId, int Answered, int Questions, double Ratio);
