namespace CxMaturity.Assessment.Scoring;

/// <summary>
/// The figures of RULES.md §5 for one assessment round, at full precision (round with <see cref="Stages"/> only to
/// show or export). Out-of-scope dimensions and their questions appear nowhere.
/// </summary>
/// <param name="IsPreview">
/// True when InProgress respondents were counted too: label it as a preview and never export it as final.
/// </param>
/// <param name="RespondentsCounted">How many respondents the figures rest on (rule 1).</param>
/// <param name="Overall">Weighted overall score (rule 5); <c>null</c> when no in-scope dimension has a score.</param>
/// <param name="OverallStage">Stage of <paramref name="Overall"/> (rule 6).</param>
/// <param name="FoundationStage">Lowest stage among the dimensions that have a score (rule 7).</param>
/// <param name="Dimensions">One per in-scope dimension, in model order.</param>
/// <param name="Groups">
/// One per respondent group present among the counted respondents × in-scope dimension: groups in ordinal order
/// of their names, dimensions in model order within each group.
/// </param>
/// <param name="PerceptionGaps">One per in-scope dimension, in model order, for the options' pair of groups.</param>
/// <param name="Questions">One per question of the in-scope dimensions, in model order.</param>
/// <param name="RespondentScores">
/// One per counted respondent × in-scope dimension: respondents in the order given, dimensions in model order.
/// </param>
/// <param name="Completion">One per respondent given, whatever their status, in the order given (rule 11).</param>
/// <param name="MinimumGroupSize">Groups with fewer counted respondents are withheld (rule 14).</param>
public sealed record RoundResult(
    bool IsPreview,
    int RespondentsCounted,
    double? Overall,
    int? OverallStage,
    int? FoundationStage,
    IReadOnlyList<DimensionResult> Dimensions,
    IReadOnlyList<GroupDimensionResult> Groups,
    IReadOnlyList<PerceptionGap> PerceptionGaps,
    IReadOnlyList<QuestionResult> Questions,
    IReadOnlyList<RespondentDimensionScore> RespondentScores,
    IReadOnlyList<RespondentCompletion> Completion,
    int MinimumGroupSize = ScoringOptions.DefaultMinimumGroupSize)
{
    /// <summary>The result of the given in-scope dimension, or <c>null</c> when it is out of scope or unknown.</summary>
    public DimensionResult? FindDimension(string dimensionId) =>
        Dimensions.FirstOrDefault(d => d.DimensionId == dimensionId);

    /// <summary>The result of one group on one dimension, or <c>null</c> when that group has no counted respondent.</summary>
    public GroupDimensionResult? FindGroup(string group, string dimensionId) =>
        Groups.FirstOrDefault(g => g.Group == group && g.DimensionId == dimensionId);

    /// <summary>The perception gap on the given in-scope dimension, or <c>null</c> when it is out of scope.</summary>
    public PerceptionGap? FindPerceptionGap(string dimensionId) =>
        PerceptionGaps.FirstOrDefault(g => g.DimensionId == dimensionId);

    /// <summary>The result of the given in-scope question, or <c>null</c> when it is out of scope or unknown.</summary>
    public QuestionResult? FindQuestion(string questionId) =>
        Questions.FirstOrDefault(q => q.QuestionId == questionId);
}

/// <summary>The round's figures for one dimension (rules 3, 6, 8 and 12).</summary>
/// <param name="DimensionId">The model's dimension id.</param>
/// <param name="Weight">The dimension weight W_d used in the overall score.</param>
/// <param name="Statistics">Statistics of the defined respondent dimension scores.</param>
/// <param name="Stage">Stage of <see cref="Score"/>; <c>null</c> when undefined.</param>
/// <param name="LowConsensus">True when the population standard deviation is 1.0 or more (rule 8).</param>
/// <param name="Importance">Mean importance rating I_d, or 3 when nobody rated the dimension (rule 12).</param>
public sealed record DimensionResult(
    string DimensionId,
    double Weight,
    Statistics Statistics,
    int? Stage,
    bool LowConsensus,
    double Importance)
{
    /// <summary>The round dimension score S_d: the mean of the respondent dimension scores; <c>null</c> when none is defined.</summary>
    public double? Score => Statistics.Mean;
}

/// <summary>One respondent group's figures for one dimension (rule 4), or none when the group is withheld (rule 14).</summary>
/// <param name="Group">The respondent group's name.</param>
/// <param name="DimensionId">The model's dimension id.</param>
/// <param name="Statistics">Statistics of the group's defined respondent dimension scores; empty when withheld.</param>
/// <param name="Stage">Stage of <see cref="Score"/>; <c>null</c> when undefined or withheld.</param>
/// <param name="Withheld">True when the group has fewer counted respondents than the round's minimum group size.</param>
public sealed record GroupDimensionResult(string Group, string DimensionId, Statistics Statistics, int? Stage, bool Withheld = false)
{
    /// <summary>The group dimension score S_d(group); <c>null</c> when none of the group's respondents has one.</summary>
    public double? Score => Statistics.Mean;
}

/// <summary>The perception gap S_d(A) − S_d(B) on one dimension (rule 9).</summary>
/// <param name="DimensionId">The model's dimension id.</param>
/// <param name="GroupA">The group the gap starts from.</param>
/// <param name="GroupB">The group subtracted.</param>
/// <param name="Gap">S_d(A) − S_d(B); <c>null</c> when either group has no score on the dimension or is withheld.</param>
/// <param name="Flagged">True when |gap| is 1.0 or more.</param>
/// <param name="Withheld">True when either group is withheld for having too few respondents (rule 14).</param>
public sealed record PerceptionGap(string DimensionId, string GroupA, string GroupB, double? Gap, bool Flagged, bool Withheld = false);

/// <summary>How the counted respondents answered one question.</summary>
/// <param name="QuestionId">The model's question id.</param>
/// <param name="DimensionId">The dimension the question belongs to.</param>
/// <param name="N">How many answered with a level (NotApplicable excluded).</param>
/// <param name="Mean">Mean level (question weights play no part here); <c>null</c> when <paramref name="N"/> is 0.</param>
/// <param name="LevelCounts">Five counts: index 0 for level 1 through index 4 for level 5.</param>
/// <param name="NotApplicableCount">How many answered NotApplicable.</param>
public sealed record QuestionResult(
    string QuestionId,
    string DimensionId,
    int N,
    double? Mean,
    IReadOnlyList<int> LevelCounts,
    int NotApplicableCount);

/// <summary>One counted respondent's score on one dimension (rule 2).</summary>
/// <param name="RespondentId">The respondent.</param>
/// <param name="Group">The respondent's group.</param>
/// <param name="DimensionId">The model's dimension id.</param>
/// <param name="Score">Σ(wq × level) / Σ wq over answered questions; <c>null</c> when none is answered with a level.</param>
public sealed record RespondentDimensionScore(string RespondentId, string Group, string DimensionId, double? Score);

/// <summary>How far one respondent has got through the in-scope questions (rule 11).</summary>
/// <param name="RespondentId">The respondent.</param>
/// <param name="Answered">In-scope questions answered, NotApplicable included.</param>
/// <param name="Questions">Questions of the in-scope dimensions.</param>
/// <param name="Ratio"><paramref name="Answered"/> ÷ <paramref name="Questions"/>, 0..1; 0 when nothing is in scope.</param>
public sealed record RespondentCompletion(string RespondentId, int Answered, int Questions, double Ratio)
{
    /// <summary>
    /// Completion of a respondent who answered <paramref name="answered"/> of the <paramref name="questions"/>
    /// in-scope questions (Not applicable counts as answered); 0 when nothing is in scope.
    /// </summary>
    public static RespondentCompletion Of(string respondentId, int answered, int questions) =>
        new(respondentId, answered, questions, questions == 0 ? 0 : (double)answered / questions);

    /// <summary>
    /// A round's completion: the mean of its respondents' ratios, 0 with no respondents. Every respondent of a round
    /// has the same in-scope questions, so it is also all their in-scope answers ÷ (respondents × questions), which
    /// is how <see cref="Mean(int, int, int)"/> works it out from totals.
    /// </summary>
    public static double Mean(IReadOnlyCollection<RespondentCompletion> completions) =>
        completions.Count == 0 ? 0 : completions.Average(c => c.Ratio);

    /// <summary>A round's completion from totals: <paramref name="answeredInScope"/> answers of <paramref name="respondents"/> respondents to <paramref name="questions"/> in-scope questions each.</summary>
    public static double Mean(int answeredInScope, int respondents, int questions) =>
        respondents == 0 || questions == 0 ? 0 : answeredInScope / ((double)respondents * questions);
}
