using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Roadmap;

/// <summary>Targets and gaps (docs/RULES.md §6.1, §6.2): the one place they are worked out.</summary>
public static class Targets
{
    /// <summary>The default target of a dimension scoring <paramref name="score"/>: one stage above its stage, at most 5.</summary>
    public static int Default(double score) => Math.Min(Stages.Max, Stages.StageOf(score) + 1);

    /// <summary>
    /// The target in force: the CX lead's when set, else the default of the score; none for a dimension without a
    /// score and without a target.
    /// </summary>
    public static int? Effective(int? explicitTarget, double? score) =>
        explicitTarget ?? (score is { } s ? Default(s) : null);

    /// <summary>How far a score is below its target, in score units; 0 once it is reached.</summary>
    public static double Gap(int target, double score) => Math.Max(0, target - score);
}
