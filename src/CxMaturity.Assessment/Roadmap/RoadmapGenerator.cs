using System.Globalization;
using CxMaturity.Assessment.Analysis;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Roadmap;

/// <summary>
/// Turns a round's gaps into a prioritised roadmap (RULES.md §6): a pure function of the model, the dimension
/// standings, the CX lead's target overrides and item edits.
/// </summary>
/// <remarks>
/// Decisions the rules leave open: rejected items stay in <see cref="RoadmapPlan.Items"/> with their status but are
/// left out of the Pareto analysis (total, shares, vital few) and, like every item that is not accepted, out of the
/// projection. When the total priority is 0 every share is 0 and there are no vital few. Pareto ties fall back on
/// rule 7's secondary keys (dimension order, then initiative id), not on the horizon, so moving an item between
/// lanes never changes the vital few. In the projection one accepted initiative delivers its transition, and a
/// dimension climbs only through consecutive delivered transitions from its current stage. A target at or below
/// the current stage yields no items (its gap may still be above 0 within the stage); <see cref="ValidateTargets"/>
/// is where a CX lead is told about such a target.
/// </remarks>
public static class RoadmapGenerator
{
    /// <summary>The default target of rule 1: one stage above the stage of the score, at most 5.</summary>
    public static int DefaultTarget(double score) => Targets.Default(score);

    /// <summary>
    /// Generates the roadmap. <paramref name="standings"/> names the in-scope dimensions; a dimension with an
    /// undefined score gets no items. <paramref name="targetOverrides"/> maps dimension id to the CX lead's target
    /// (overrides of dimensions without a defined score are ignored). <paramref name="edits"/> maps initiative id to
    /// the CX lead's edits; edits of initiatives that are not items of this roadmap are ignored, so the caller keeps
    /// them for a later regeneration.
    /// </summary>
    /// <exception cref="ArgumentException">A standing or override names no dimension of the model, a dimension has
    /// two standings, an override lies outside 1..5, or an edit is filed under another initiative's id.</exception>
    public static RoadmapPlan Generate(
        MaturityModel model,
        IReadOnlyList<DimensionStanding> standings,
        IReadOnlyDictionary<string, int> targetOverrides,
        IReadOnlyDictionary<string, RoadmapItemEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(standings);
        ArgumentNullException.ThrowIfNull(targetOverrides);
        ArgumentNullException.ThrowIfNull(edits);

        var dimensions = new Dictionary<string, Dimension>(model.Dimensions.Count, StringComparer.Ordinal);
        foreach (var dimension in model.Dimensions)
        {
            dimensions[dimension.Id] = dimension;
        }

        foreach (var (dimensionId, target) in targetOverrides)
        {
            if (!dimensions.ContainsKey(dimensionId))
            {
                throw new ArgumentException(
                    $"The target for '{dimensionId}' names no dimension of model '{model.Id}'.", nameof(targetOverrides));
            }

            if (target is < Stages.Min or > Stages.Max)
            {
                throw new ArgumentException(
                    $"The target for '{dimensionId}' is {target} but must be between {Stages.Min} and {Stages.Max}.",
                    nameof(targetOverrides));
            }
        }

        foreach (var (initiativeId, edit) in edits)
        {
            if (!string.Equals(initiativeId, edit.InitiativeId, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"The edit filed under '{initiativeId}' is for initiative '{edit.InitiativeId}'.", nameof(edits));
            }
        }

        var scored = new Dictionary<string, ScoredDimension>(standings.Count, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var standing in standings)
        {
            if (!dimensions.TryGetValue(standing.DimensionId, out var dimension))
            {
                throw new ArgumentException(
                    $"The standing for '{standing.DimensionId}' names no dimension of model '{model.Id}'.",
                    nameof(standings));
            }

            if (!seen.Add(standing.DimensionId))
            {
                throw new ArgumentException(
                    $"Dimension '{standing.DimensionId}' has more than one standing.", nameof(standings));
            }

            if (standing.Score is not { } score)
            {
                continue;
            }

            var target = Targets.Effective(targetOverrides.TryGetValue(dimension.Id, out var chosen) ? chosen : null, score)!.Value;
            scored.Add(dimension.Id, new ScoredDimension(dimension, score, target, standing.Importance));
        }

        var drafts = new List<Draft>(model.Initiatives.Count);
        foreach (var initiative in model.Initiatives)
        {
            if (!scored.TryGetValue(initiative.DimensionId, out var dimension))
            {
                continue;
            }

            // Rule 3: the required transitions are stage→stage+1 … T−1→T; step counts them from the first.
            var step = initiative.From - dimension.Stage;
            if (step < 0 || initiative.From >= dimension.Target || initiative.To != initiative.From + 1)
            {
                continue;
            }

            edits.TryGetValue(initiative.Id, out var edit);
            var computed = step switch
            {
                0 => Horizon.ShortTerm,
                1 => Horizon.MediumTerm,
                _ => Horizon.LongTerm,
            };
            drafts.Add(new Draft(
                initiative,
                dimension,
                dimension.PriorityFactor * initiative.Impact / initiative.Effort,
                computed,
                edit?.HorizonOverride ?? computed,
                edit));
        }

        var paretoItems = ApplyPareto(drafts, out var totalPriority);
        var ordered = drafts.ToArray();
        Array.Sort(ordered, CompareInRoadmapOrder);
        var items = Array.ConvertAll(ordered, d => d.Item!);

        return new RoadmapPlan(
            Array.AsReadOnly(items),
            scored.ToDictionary(p => p.Key, p => p.Value.Target, StringComparer.Ordinal).AsReadOnly(),
            scored.ToDictionary(p => p.Key, p => p.Value.Gap, StringComparer.Ordinal).AsReadOnly(),
            Project(scored.Values, drafts),
            totalPriority)
        {
            ParetoItems = paretoItems,
        };
    }

    /// <summary>
    /// What changed between two generations of a round's roadmap, by initiative id: added (new only), dropped (old
    /// only) and kept (both).
    /// </summary>
    public static RoadmapChanges Compare(RoadmapPlan before, RoadmapPlan after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);

        var beforeIds = before.Items.Select(i => i.InitiativeId).ToHashSet(StringComparer.Ordinal);
        var afterIds = after.Items.Select(i => i.InitiativeId).ToHashSet(StringComparer.Ordinal);
        return new RoadmapChanges(
            after.Items.Select(i => i.InitiativeId).Where(id => !beforeIds.Contains(id)).ToList().AsReadOnly(),
            before.Items.Select(i => i.InitiativeId).Where(id => !afterIds.Contains(id)).ToList().AsReadOnly(),
            after.Items.Select(i => i.InitiativeId).Where(beforeIds.Contains).ToList().AsReadOnly());
    }

    /// <summary>
    /// Checks targets a CX lead set, one sentence per problem naming the dimension: a dimension the model lacks, a
    /// target outside 1..5, a target below the stage the dimension has already reached. Problems come in dimension
    /// order, unknown dimensions last. Empty when every target is valid.
    /// </summary>
    public static IReadOnlyList<string> ValidateTargets(
        MaturityModel model,
        IReadOnlyList<DimensionStanding> standings,
        IReadOnlyDictionary<string, int> targets)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(standings);
        ArgumentNullException.ThrowIfNull(targets);

        var problems = new List<string>();
        foreach (var dimension in model.Dimensions.OrderBy(d => d.Order).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            if (!targets.TryGetValue(dimension.Id, out var target))
            {
                continue;
            }

            if (target is < Stages.Min or > Stages.Max)
            {
                problems.Add($"Target for '{dimension.Id}' is {target} but must be between "
                    + $"{Describe(model, Stages.Min)} and {Describe(model, Stages.Max)}.");
                continue;
            }

            var score = standings.FirstOrDefault(s => s.DimensionId == dimension.Id)?.Score;
            if (score is { } s && target < Stages.StageOf(s))
            {
                problems.Add($"Target for '{dimension.Id}' is {Describe(model, target)} but the dimension is already "
                    + $"at {Describe(model, Stages.StageOf(s))}.");
            }
        }

        var known = model.Dimensions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(targets.Keys
            .Where(id => !known.Contains(id))
            .Order(StringComparer.Ordinal)
            .Select(id => $"Target for '{id}' names no dimension of model '{model.Id}'."));
        return problems.AsReadOnly();
    }

    private static string Describe(MaturityModel model, int level)
    {
        var name = model.Stages.FirstOrDefault(s => s.Level == level)?.Name;
        var number = level.ToString(CultureInfo.InvariantCulture);
        return name is null ? number : $"{number} ({name})";
    }

    // Rule 8, with the decisions of the class remarks: rejected items out, zero total → zero shares, no vital few.
    private static IReadOnlyList<RoadmapItem> ApplyPareto(List<Draft> drafts, out double totalPriority)
    {
        var ranking = Pareto.Rank(
            drafts.Where(d => d.Status != RoadmapItemStatus.Rejected),
            d => d.Priority,
            CompareOnSecondaryKeys);
        totalPriority = ranking.Total;
        var paretoItems = ranking.Entries.Select(e => e.Item.Build(e.CumulativeShare, e.VitalFew)).ToArray();

        foreach (var draft in drafts)
        {
            if (draft.Status == RoadmapItemStatus.Rejected)
            {
                draft.Build(0, false);
            }
        }

        return Array.AsReadOnly(paretoItems);
    }

    // Rule 7.
    private static int CompareInRoadmapOrder(Draft a, Draft b)
    {
        // Through int: Enum.CompareTo takes an object and would box both sides on every comparison.
        var byHorizon = ((int)a.Effective).CompareTo((int)b.Effective);
        return byHorizon != 0 ? byHorizon : CompareInParetoOrder(a, b);
    }

    // Rule 8: priority descending (equal within 1e-9, rule 13), then the secondary keys of rule 7.
    private static int CompareInParetoOrder(Draft a, Draft b)
    {
        var byPriority = Pareto.CompareDescending(a.Priority, b.Priority);
        return byPriority != 0 ? byPriority : CompareOnSecondaryKeys(a, b);
    }

    // Rule 7's keys after priority: dimension order in the model, then initiative id.
    private static int CompareOnSecondaryKeys(Draft a, Draft b)
    {
        var byDimension = a.Dimension.Dimension.Order.CompareTo(b.Dimension.Dimension.Order);
        if (byDimension != 0)
        {
            return byDimension;
        }

        var byDimensionId = string.CompareOrdinal(a.Dimension.Dimension.Id, b.Dimension.Dimension.Id);
        return byDimensionId != 0 ? byDimensionId : string.CompareOrdinal(a.Initiative.Id, b.Initiative.Id);
    }

    // Rule 9: a dimension climbs from its current stage one delivered transition at a time; a transition counts as
    // delivered after a horizon when an accepted item on it sits in that horizon or an earlier one.
    private static IReadOnlyList<DimensionProjection> Project(IEnumerable<ScoredDimension> dimensions, List<Draft> drafts)
    {
        foreach (var draft in drafts)
        {
            if (draft.Status == RoadmapItemStatus.Accepted)
            {
                ref var deliveredBy = ref draft.Dimension.DeliveredBy[draft.Initiative.From];
                deliveredBy = Math.Min(deliveredBy, (int)draft.Effective);
            }
        }

        var projection = new List<DimensionProjection>();
        foreach (var d in dimensions.OrderBy(d => d.Dimension.Order).ThenBy(d => d.Dimension.Id, StringComparer.Ordinal))
        {
            projection.Add(new DimensionProjection(
                d.Dimension.Id,
                d.Stage,
                d.Target,
                d.StageAfter(Horizon.ShortTerm),
                d.StageAfter(Horizon.MediumTerm),
                d.StageAfter(Horizon.LongTerm)));
        }

        return projection.AsReadOnly();
    }

    private sealed class ScoredDimension
    {
        public ScoredDimension(Dimension dimension, double score, int target, double importance)
        {
            Dimension = dimension;
            Stage = Stages.StageOf(score);
            Target = target;
            Gap = Targets.Gap(target, score);
            PriorityFactor = dimension.Weight * (importance / 3) * Gap;
            Array.Fill(DeliveredBy, int.MaxValue);
        }

        public Dimension Dimension { get; }

        public int Stage { get; }

        public int Target { get; }

        public double Gap { get; }

        // W_d × (I_d ÷ 3) × G_d: rule 5 up to impact ÷ effort, in the rule's order of operations.
        public double PriorityFactor { get; }

        // Indexed by the transition's from-stage: the earliest horizon (as int) by which an accepted item on it is
        // delivered, int.MaxValue when none is.
        public int[] DeliveredBy { get; } = new int[Stages.Max + 1];

        public int StageAfter(Horizon horizon)
        {
            var stage = Stage;
            while (stage < Stages.Max && DeliveredBy[stage] <= (int)horizon)
            {
                stage++;
            }

            return stage;
        }
    }

    private sealed class Draft(
        Initiative initiative,
        ScoredDimension dimension,
        double priority,
        Horizon computed,
        Horizon effective,
        RoadmapItemEdit? edit)
    {
        public Initiative Initiative { get; } = initiative;

        public ScoredDimension Dimension { get; } = dimension;

        public double Priority { get; } = priority;

        public Horizon Effective { get; } = effective;

        public RoadmapItemStatus Status => edit?.Status ?? RoadmapItemStatus.Proposed;

        public RoadmapItem? Item { get; private set; }

        public RoadmapItem Build(double paretoShare, bool vitalFew) => Item = new RoadmapItem(
            Initiative.Id,
            Initiative.DimensionId,
            Initiative.From,
            Initiative.To,
            Initiative.Title,
            Initiative.Impact,
            Initiative.Effort,
            Priority,
            Effective,
            computed,
            Status,
            edit?.Owner,
            edit?.Notes,
            edit?.ProjectId,
            paretoShare,
            vitalFew);
    }
}
