using System.Globalization;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Results;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Roadmap;

/// <summary>
/// Reads what a round's roadmap is generated from and generates it (RULES.md §6), on the caller's context: the
/// round's final results (submitted respondents only) and the CX lead's stored edits. The roadmap is never stored;
/// it is generated on every read. It checks no access; every public method that uses it has done so.
/// </summary>
public sealed class RoadmapLoader(RoundScoring scoring)
{
    /// <summary>The roadmap as it stands. <paramref name="trackStates"/> when the caller is about to change an item.</summary>
    /// <exception cref="NotFoundException">There is no such round.</exception>
    internal async Task<RoadmapSnapshot> LoadAsync(
        AppDbContext db,
        int roundId,
        OrganisationRole role,
        bool trackStates,
        CancellationToken cancellationToken)
    {
        var scored = await scoring.LoadAsync(db, roundId, preview: false, cancellationToken);
        var states = await (trackStates ? db.RoadmapItemStates : db.RoadmapItemStates.AsNoTracking())
            .Where(s => s.RoundId == roundId)
            .ToDictionaryAsync(s => s.InitiativeId, StringComparer.Ordinal, cancellationToken);
        return Generate(scored, states, role);
    }

    /// <summary>The roadmap of a scored round with these edits: for regenerating after a change without reading again.</summary>
    internal static RoadmapSnapshot Generate(ScoredRound scored, IReadOnlyDictionary<string, RoadmapItemState> states, OrganisationRole role)
    {
        // Targets were validated when set; one naming a dimension the pinned model lacks cannot be honoured anyway.
        var overrides = scored.Round.ExplicitTargets
            .Where(t => scored.Model.FindDimension(t.Key) is not null)
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var edits = states.Values.ToDictionary(
            s => s.InitiativeId,
            s => new RoadmapItemEdit(
                s.InitiativeId, s.Status, s.HorizonOverride, s.Owner, s.Notes, s.ProjectId?.ToString(CultureInfo.InvariantCulture)),
            StringComparer.Ordinal);
        var plan = RoadmapGenerator.Generate(scored.Model, scored.Standings, overrides, edits);
        return new RoadmapSnapshot(scored, plan, states, role);
    }
}

/// <summary>A round's roadmap and what it was generated from: for the features that act on it or show it.</summary>
internal sealed record RoadmapSnapshot(
    ScoredRound Scored,
    RoadmapPlan Plan,
    IReadOnlyDictionary<string, RoadmapItemState> States,
    OrganisationRole Role)
{
    /// <summary>The item of the current roadmap that comes from the initiative.</summary>
    /// <exception cref="NotFoundException">The initiative is not an item of this roadmap (now).</exception>
    public RoadmapItem FindItem(string initiativeId) =>
        Plan.Items.FirstOrDefault(i => string.Equals(i.InitiativeId, initiativeId, StringComparison.Ordinal))
        ?? throw new NotFoundException(
            $"“{initiativeId}” is not an item of this round's roadmap. The targets or answers may have changed: reload the roadmap.");

    public Initiative InitiativeOf(RoadmapItem item) => Scored.Model.Initiatives.First(i => i.Id == item.InitiativeId);

    /// <summary>The roadmap as pages and the API show it.</summary>
    public RoadmapView View() => RoadmapView.Of(this);

    /// <summary>The message for an item someone else changed in the meantime.</summary>
    public static ConcurrencyConflictException ItemChanged(string title, Exception? inner = null) => new(
        $"Someone else changed the roadmap item “{title}” while you were editing it. Reload to see their changes, then try again.",
        inner);
}
