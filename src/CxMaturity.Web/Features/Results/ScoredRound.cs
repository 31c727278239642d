using CxMaturity.Assessment.Analysis;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Web.Features.Results;

/// <summary>
/// A round's figures and everything they were computed from, read once: the round's facts, its pinned model, its
/// respondents with their answers, and the result of scoring them. Features that need a round's figures (results,
/// roadmap, projects, workbooks, the round page) share this rather than each other's access-checked methods.
/// </summary>
internal sealed record ScoredRound(
    RoundFacts Round,
    MaturityModel Model,
    IReadOnlyList<RoundRespondent> Respondents,
    RoundResult Result)
{
    /// <summary>The target in force for every in-scope dimension with a score (RULES.md §6.1).</summary>
    public IReadOnlyDictionary<string, int> EffectiveTargets => EffectiveOf(Round, Result);

    /// <summary>The round's final figures as trends and the portfolio compare them.</summary>
    public RoundScores Scores() => new(
        Round.Id,
        Round.Name,
        Round.ClosedUtc ?? Round.CreatedUtc,
        Round.Status == RoundStatus.Closed,
        Model.Id,
        Model.Version,
        Result.Overall,
        Result.Dimensions.Where(d => d.Score is not null).ToDictionary(d => d.DimensionId, d => d.Score!.Value, StringComparer.Ordinal));

    /// <summary>Each in-scope dimension's score and importance, as the roadmap takes them.</summary>
    public IReadOnlyList<DimensionStanding> Standings =>
        [.. Result.Dimensions.Select(d => new DimensionStanding(d.DimensionId, d.Score, d.Importance))];

    /// <summary>
    /// The same round with other explicit targets, as saved at <paramref name="version"/>: targets change no score,
    /// so nothing is scored again.
    /// </summary>
    public ScoredRound WithTargets(IReadOnlyDictionary<string, int> explicitTargets, Guid version) =>
        this with { Round = Round with { ExplicitTargets = explicitTargets, Version = version } };

    /// <summary>The targets of the in-scope dimensions in model order: explicit, the stage reached and the one in force.</summary>
    public IReadOnlyList<TargetView> Targets() => TargetsWith(Round.ExplicitTargets);

    /// <summary><see cref="Targets()"/> as they would stand with other explicit targets (before saving them).</summary>
    public IReadOnlyList<TargetView> TargetsWith(IReadOnlyDictionary<string, int> explicitTargets) =>
        [.. Model.Dimensions
            .Where(d => Round.DimensionsInScope.Contains(d.Id))
            .OrderBy(d => d.Order)
            .Select(d =>
            {
                var score = Result.FindDimension(d.Id)?.Score;
                int? chosen = explicitTargets.TryGetValue(d.Id, out var stage) ? stage : null;
                return new TargetView(d.Id, d.Title, chosen, score is { } s ? Stages.StageOf(s) : null, Assessment.Roadmap.Targets.Effective(chosen, score));
            })];

    private static Dictionary<string, int> EffectiveOf(RoundFacts round, RoundResult result)
    {
        var effective = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var dimension in result.Dimensions)
        {
            int? chosen = round.ExplicitTargets.TryGetValue(dimension.DimensionId, out var target) ? target : null;
            if (Assessment.Roadmap.Targets.Effective(chosen, dimension.Score) is { } inForce)
            {
                effective[dimension.DimensionId] = inForce;
            }
        }

        return effective;
    }
}

/// <summary>What a round is, apart from its answers.</summary>
internal sealed record RoundFacts(
    int Id,
    RoundStatus Status,
    Guid Version,
    int OrganisationId,
    string OrganisationName,
    int ModelVersionId,
    DateTime CreatedUtc,
    DateTime? ClosedUtc,
    IReadOnlyDictionary<string, int> ExplicitTargets,
    RoundSettings Settings)
{
    public string Name => Settings.Name;

    public IReadOnlyList<string> RespondentGroups => Settings.RespondentGroups;

    public IReadOnlyList<string> DimensionsInScope => Settings.DimensionsInScope;

    public DateOnly? OpensOn => Settings.OpensOn;

    public DateOnly? ClosesOn => Settings.ClosesOn;

    public bool RespondentsSeeResults => Settings.RespondentsSeeResults;

    /// <summary>How the round is scored: its perception pair and minimum group size, final or as a preview.</summary>
    public ScoringOptions ScoringOptions(bool preview) =>
        new(preview, Settings.PerceptionGroupA, Settings.PerceptionGroupB, Settings.MinimumGroupSize);
}

/// <summary>A respondent of the round as the round page lists them; <see cref="Answers"/> is what the scorer takes.</summary>
internal sealed record RoundRespondent(
    int Id,
    string Name,
    string Email,
    string Group,
    RespondentStatus Status,
    bool IsMember,
    DateTime? StartedUtc,
    DateTime? SubmittedUtc,
    Guid Version,
    RespondentAnswers Answers);

/// <summary>
/// The target of one in-scope dimension: the one the CX lead set (<paramref name="ExplicitStage"/>), the stage the
/// submitted answers put the dimension at, and the target in force (explicit, else the default rule once there
/// are results).
/// </summary>
public sealed record TargetView(string DimensionId, string DimensionTitle, int? ExplicitStage, int? CurrentStage, int? EffectiveStage);
