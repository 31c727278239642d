using CxMaturity.Assessment.Content;

namespace CxMaturity.Assessment.Scoring;

/// <summary>
/// Scores an assessment round by the rules of RULES.md §5. A pure function: the model, the dimensions in scope and the
/// respondents' answers in, every figure of the round out, at full precision.
/// </summary>
public static class RoundScorer
{
    // A score computed in binary can miss a threshold it meets in exact arithmetic: with two questions weighing 0.1,
    // respondents answering (1, 4) and (1, 2) score 2.5 and 1.5, but the second comes out as 1.5000000000000002 and
    // the gap as 0.9999999999999998. Rules 8 and 9 therefore compare with this much slack, far below any difference
    // that real weights and levels can produce.
    private const double ThresholdTolerance = Thresholds.Epsilon;

    private const double LowConsensusStandardDeviation = 1.0;
    private const double FlaggedPerceptionGap = 1.0;

    /// <summary>
    /// Scores a round. Only dimensions of <paramref name="model"/> named in <paramref name="dimensionsInScope"/>
    /// take part (unknown ids are ignored); answers to questions the model does not have, or of out-of-scope
    /// dimensions, are ignored.
    /// </summary>
    /// <param name="model">The model version the round pinned.</param>
    /// <param name="dimensionsInScope">Ids of the dimensions the round asks about.</param>
    /// <param name="respondents">Every respondent of the round, whatever their status.</param>
    /// <param name="options">Preview and perception-gap groups; <see cref="ScoringOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">An answer level or importance rating lies outside 1..5.</exception>
    public static RoundResult Score(
        MaturityModel model,
        IReadOnlyCollection<string> dimensionsInScope,
        IReadOnlyList<RespondentAnswers> respondents,
        ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dimensionsInScope);
        ArgumentNullException.ThrowIfNull(respondents);
        options ??= ScoringOptions.Default;
        if (options.MinimumGroupSize is < ScoringOptions.MinMinimumGroupSize or > ScoringOptions.MaxMinimumGroupSize)
        {
            throw new ArgumentException(
                $"The minimum group size is {options.MinimumGroupSize} but must be from {ScoringOptions.MinMinimumGroupSize} to {ScoringOptions.MaxMinimumGroupSize}.",
                nameof(options));
        }

        var scope = ScoringScope.Create(model, dimensionsInScope);
        var tally = new RoundTally(scope, respondents.Count);
        var completion = new RespondentCompletion[respondents.Count];
        for (var i = 0; i < respondents.Count; i++)
        {
            var respondent = respondents[i];
            var answered = Counts(respondent, options) ? tally.Add(respondent) : CountAnswered(scope, respondent);
            completion[i] = Completion(respondent, answered, scope.QuestionCount);
        }

        var buffer = new double[tally.Count];
        var dimensions = DimensionResults(scope, tally, buffer);
        var groups = GroupResults(scope, tally, buffer, options.MinimumGroupSize);
        var overall = Overall(dimensions);
        return new RoundResult(
            IsPreview: options.IncludeInProgress,
            RespondentsCounted: tally.Count,
            Overall: overall,
            OverallStage: StageOf(overall),
            FoundationStage: FoundationStage(dimensions),
            Dimensions: dimensions,
            Groups: groups.Flatten(),
            PerceptionGaps: PerceptionGaps(scope, groups, options),
            Questions: QuestionResults(scope, tally),
            RespondentScores: RespondentScores(scope, tally),
            Completion: completion,
            MinimumGroupSize: options.MinimumGroupSize);
    }

    // Rule 1: Submitted respondents count; a preview also counts InProgress ones; Invited never count.
    private static bool Counts(RespondentAnswers respondent, ScoringOptions options) =>
        respondent.Status.Counts(options.IncludeInProgress);

    // Rules 3, 6, 8 and 12.
    private static DimensionResult[] DimensionResults(ScoringScope scope, RoundTally tally, double[] buffer)
    {
        var results = new DimensionResult[scope.DimensionCount];
        for (var d = 0; d < scope.DimensionCount; d++)
        {
            var statistics = tally.StatisticsOf(d, group: null, buffer);
            results[d] = new DimensionResult(
                scope.Dimensions[d].Id,
                scope.Dimensions[d].Weight,
                statistics,
                StageOf(statistics.Mean),
                IsLowConsensus(statistics),
                Importance(tally, d));
        }

        return results;
    }

    // Rule 8.
    private static bool IsLowConsensus(Statistics statistics) =>
        statistics.StandardDeviation >= LowConsensusStandardDeviation - ThresholdTolerance;

    // Rule 12.
    private static double Importance(RoundTally tally, int dimension)
    {
        var (sum, count) = tally.Importance(dimension);
        return count == 0 ? Scoring.Importance.Default : (double)sum / count;
    }

    // Rule 4: rule 3 for each group present among the counted respondents, the groups in ordinal order of their
    // names so that the order respondents came in does not show. Rule 14: a group with fewer counted respondents
    // than the minimum is withheld, its figures never computed into the result.
    private static GroupTable GroupResults(ScoringScope scope, RoundTally tally, double[] buffer, int minimumGroupSize)
    {
        var byGroup = new Dictionary<string, GroupDimensionResult[]>(StringComparer.Ordinal);
        for (var g = 0; g < tally.GroupNames.Count; g++)
        {
            var group = tally.GroupNames[g];
            var withheld = tally.GroupSize(g) < minimumGroupSize;
            var results = new GroupDimensionResult[scope.DimensionCount];
            for (var d = 0; d < scope.DimensionCount; d++)
            {
                var statistics = withheld ? Statistics.Empty : tally.StatisticsOf(d, g, buffer);
                results[d] = new GroupDimensionResult(group, scope.Dimensions[d].Id, statistics, StageOf(statistics.Mean), withheld);
            }

            byGroup.Add(group, results);
        }

        return new GroupTable(byGroup);
    }

    // Rule 5, over the dimensions with a defined score.
    private static double? Overall(IReadOnlyList<DimensionResult> dimensions)
    {
        double weightedScores = 0, weights = 0;
        double lowest = double.MaxValue, highest = double.MinValue;
        foreach (var dimension in dimensions)
        {
            if (dimension.Score is not { } score)
            {
                continue;
            }

            weightedScores += dimension.Weight * score;
            weights += dimension.Weight;
            lowest = Math.Min(lowest, score);
            highest = Math.Max(highest, score);
        }

        // A weighted mean lies between its lowest and highest value; the clamp undoes binary rounding that says otherwise.
        return weights > 0 ? Math.Clamp(weightedScores / weights, lowest, highest) : null;
    }

    // Rule 6.
    private static int? StageOf(double? score) => score is { } s ? Stages.StageOf(s) : null;

    // Rule 7: the weakest link among the dimensions with a defined score.
    private static int? FoundationStage(IReadOnlyList<DimensionResult> dimensions) =>
        dimensions.Min(d => d.Stage);

    // Rule 9.
    private static PerceptionGap[] PerceptionGaps(ScoringScope scope, GroupTable groups, ScoringOptions options)
    {
        var gaps = new PerceptionGap[scope.DimensionCount];
        for (var d = 0; d < scope.DimensionCount; d++)
        {
            var gap = groups.ScoreOf(options.PerceptionGroupA, d) - groups.ScoreOf(options.PerceptionGroupB, d);
            var flagged = gap is { } g && Math.Abs(g) >= FlaggedPerceptionGap - ThresholdTolerance;
            var withheld = groups.IsWithheld(options.PerceptionGroupA) || groups.IsWithheld(options.PerceptionGroupB);
            gaps[d] = new PerceptionGap(scope.Dimensions[d].Id, options.PerceptionGroupA, options.PerceptionGroupB, gap, flagged, withheld);
        }

        return gaps;
    }

    private static QuestionResult[] QuestionResults(ScoringScope scope, RoundTally tally)
    {
        var results = new QuestionResult[scope.QuestionCount];
        for (var q = 0; q < scope.QuestionCount; q++)
        {
            var levelCounts = new int[Stages.Max];
            int n = 0, levelSum = 0;
            for (var level = Stages.Min; level <= Stages.Max; level++)
            {
                var count = tally.LevelCount(q, level);
                levelCounts[level - 1] = count;
                n += count;
                levelSum += level * count;
            }

            var question = scope.Questions[q];
            results[q] = new QuestionResult(
                question.Id,
                question.DimensionId,
                n,
                n == 0 ? null : (double)levelSum / n,
                levelCounts,
                tally.NotApplicableCount(q));
        }

        return results;
    }

    private static RespondentDimensionScore[] RespondentScores(ScoringScope scope, RoundTally tally)
    {
        var scores = new RespondentDimensionScore[tally.Count * scope.DimensionCount];
        for (var r = 0; r < tally.Count; r++)
        {
            var respondent = tally.Respondent(r);
            for (var d = 0; d < scope.DimensionCount; d++)
            {
                var score = tally.ScoreOf(r, d);
                scores[r * scope.DimensionCount + d] = new RespondentDimensionScore(
                    respondent.RespondentId,
                    respondent.Group,
                    scope.Dimensions[d].Id,
                    double.IsNaN(score) ? null : score);
            }
        }

        return scores;
    }

    // Rule 11 for respondents who do not count; those who do are counted while their answers are tallied.
    private static int CountAnswered(ScoringScope scope, RespondentAnswers respondent)
    {
        var answered = 0;
        foreach (var questionId in scope.QuestionIds)
        {
            if (respondent.Answers.ContainsKey(questionId))
            {
                answered++;
            }
        }

        return answered;
    }

    // Rule 11.
    private static RespondentCompletion Completion(RespondentAnswers respondent, int answered, int questions) =>
        RespondentCompletion.Of(respondent.RespondentId, answered, questions);

    private sealed class GroupTable(Dictionary<string, GroupDimensionResult[]> byGroup)
    {
        public double? ScoreOf(string group, int dimension) =>
            byGroup.TryGetValue(group, out var results) ? results[dimension].Score : null;

        public bool IsWithheld(string group) =>
            byGroup.TryGetValue(group, out var results) && results.Length > 0 && results[0].Withheld;

        public GroupDimensionResult[] Flatten() =>
            byGroup.OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g => g.Value).ToArray();
    }
}
