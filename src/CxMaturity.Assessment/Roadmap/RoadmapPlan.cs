namespace CxMaturity.Assessment.Roadmap;

/// <summary>
/// A roadmap generated from a round's gaps (RULES.md §6). Only dimensions with a defined score take part: they alone
/// appear in <see cref="Targets"/>, <see cref="Gaps"/> and <see cref="Projection"/>.
/// </summary>
/// <param name="Items">The items in roadmap order (rule 7): effective horizon, priority descending, dimension
/// order in the model, initiative id (ordinal). Rejected items stay listed.</param>
/// <param name="Targets">The effective target T_d (override or default) of each dimension with a defined score.</param>
/// <param name="Gaps">The gap G_d = max(0, T_d − S_d) in score units of each dimension with a defined score.</param>
/// <param name="Projection">The stage of each dimension with a defined score now and after each horizon, in
/// dimension order.</param>
/// <param name="TotalPriority">The sum of the priorities of the items that are not rejected: the denominator of
/// the Pareto shares.</param>
public sealed record RoadmapPlan(
    IReadOnlyList<RoadmapItem> Items,
    IReadOnlyDictionary<string, int> Targets,
    IReadOnlyDictionary<string, double> Gaps,
    IReadOnlyList<DimensionProjection> Projection,
    double TotalPriority)
{
    /// <summary>The items of one lane (effective horizon), in roadmap order.</summary>
    public IEnumerable<RoadmapItem> InHorizon(Horizon horizon) => Items.Where(i => i.Horizon == horizon);

    /// <summary>
    /// The items that are not rejected in Pareto order (rule 8: priority descending, then dimension order, then
    /// initiative id), as the Pareto chart plots them with their <see cref="RoadmapItem.ParetoShare"/>.
    /// </summary>
    public IReadOnlyList<RoadmapItem> ParetoItems { get; init; } = [];
}

/// <summary>One roadmap item: an initiative on a required transition, with its figures and the CX lead's edits.</summary>
/// <param name="InitiativeId">The initiative's id, which also identifies the item across regenerations.</param>
/// <param name="DimensionId">The dimension the initiative moves.</param>
/// <param name="From">The stage the initiative moves the dimension from.</param>
/// <param name="To">The stage the initiative moves the dimension to (From + 1).</param>
/// <param name="Title">The initiative's title.</param>
/// <param name="Impact">The initiative's impact, 1..5.</param>
/// <param name="Effort">The initiative's effort, 1..5.</param>
/// <param name="Priority">W_d × (I_d ÷ 3) × G_d × impact ÷ effort in full precision (rule 5); the UI shows two
/// decimals.</param>
/// <param name="Horizon">The effective lane: the CX lead's override, or else <paramref name="ComputedHorizon"/>.</param>
/// <param name="ComputedHorizon">The lane of rule 6: first required transition of the dimension short term,
/// second medium term, later ones long term.</param>
/// <param name="Status">The CX lead's decision (Proposed until edited).</param>
/// <param name="Owner">The item's owner, from the edit.</param>
/// <param name="Notes">Notes, from the edit.</param>
/// <param name="ProjectId">The linked project, from the edit.</param>
/// <param name="ParetoShare">The cumulative share 0..1 of the total priority up to and including this item in
/// Pareto order; 0 for a rejected item and for every item when the total priority is 0.</param>
/// <param name="VitalFew">Whether the item belongs to the shortest Pareto prefix whose cumulative share reaches
/// 80 % (rule 8); never for a rejected item, and for none when the total priority is 0.</param>
public sealed record RoadmapItem(
    string InitiativeId,
    string DimensionId,
    int From,
    int To,
    string Title,
    int Impact,
    int Effort,
    double Priority,
    Horizon Horizon,
    Horizon ComputedHorizon,
    RoadmapItemStatus Status,
    string? Owner,
    string? Notes,
    string? ProjectId,
    double ParetoShare,
    bool VitalFew);

/// <summary>
/// The stage of a dimension now and after each horizon, assuming the accepted items of that horizon and the
/// earlier ones are delivered (rule 9). A dimension climbs one transition at a time from its current stage: an
/// accepted item on a later transition does not move it while an earlier transition is not delivered.
/// </summary>
/// <param name="DimensionId">The model's dimension id.</param>
/// <param name="Current">The stage of S_d; generated projections cover only dimensions with a defined score, so
/// it is set there.</param>
/// <param name="Target">The effective target T_d.</param>
/// <param name="AfterShort">The stage after the short-term horizon.</param>
/// <param name="AfterMedium">The stage after the medium-term horizon (short-term items included).</param>
/// <param name="AfterLong">The stage after the long-term horizon (all accepted items).</param>
public sealed record DimensionProjection(
    string DimensionId,
    int? Current,
    int Target,
    int AfterShort,
    int AfterMedium,
    int AfterLong)
{
    /// <summary>The projected stage after the given horizon.</summary>
    public int After(Horizon horizon) => horizon switch
    {
        Horizon.ShortTerm => AfterShort,
        Horizon.MediumTerm => AfterMedium,
        Horizon.LongTerm => AfterLong,
        _ => throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "Unknown horizon."),
    };
}

/// <summary>What a regeneration changed (rule 10), as initiative ids.</summary>
/// <param name="Added">Items of the new roadmap that the old one lacked, in the new roadmap's order.</param>
/// <param name="Dropped">Items of the old roadmap that no longer apply, in the old roadmap's order.</param>
/// <param name="Kept">Items in both, in the new roadmap's order; their edits carry over.</param>
public sealed record RoadmapChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Dropped, IReadOnlyList<string> Kept);
