namespace CxMaturity.Assessment.Roadmap;

/// <summary>
/// Where one in-scope dimension of a round stands, as the roadmap needs it. A dimension of the model without a
/// standing is out of scope and gets no roadmap items.
/// </summary>
/// <param name="DimensionId">The model's dimension id.</param>
/// <param name="Score">The round dimension score S_d (RULES.md §5.3), or <c>null</c> when undefined: such a
/// dimension has no target, gap, items or projection.</param>
/// <param name="Importance">The importance I_d (RULES.md §5.12; 3 when nobody rated it).</param>
public sealed record DimensionStanding(string DimensionId, double? Score, double Importance);

/// <summary>The CX lead's decision on a roadmap item.</summary>
public enum RoadmapItemStatus
{
    /// <summary>Generated and not yet decided.</summary>
    Proposed,

    /// <summary>Accepted: counts in the projection.</summary>
    Accepted,

    /// <summary>Rejected: stays listed but counts in neither the Pareto analysis nor the projection.</summary>
    Rejected,
}

/// <summary>
/// The CX lead's edits of one roadmap item (RULES.md §6.10), keyed by initiative id so that they survive
/// regeneration: they apply whenever the initiative is an item of the roadmap again.
/// </summary>
/// <param name="InitiativeId">The initiative the item comes from.</param>
/// <param name="Status">Proposed, accepted or rejected.</param>
/// <param name="HorizonOverride">The lane the CX lead moved the item to, or <c>null</c> to keep the computed one.</param>
/// <param name="Owner">Who owns the item, free text.</param>
/// <param name="Notes">Notes, free text.</param>
/// <param name="ProjectId">The project the item was turned into, if any.</param>
public sealed record RoadmapItemEdit(
    string InitiativeId,
    RoadmapItemStatus Status,
    Horizon? HorizonOverride,
    string? Owner,
    string? Notes,
    string? ProjectId);
