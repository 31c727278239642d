using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Results;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Roadmap;

/// <summary>
/// A round's roadmap (RULES.md §6): generated on every read from the round's final results (submitted respondents only)
/// and its explicit targets, with the CX lead's edits applied. Only the edits are stored
/// (<see cref="RoadmapItemState"/>), keyed by initiative id, so regeneration keeps the edits of every item that still
/// applies. The edits of an item that a change of targets or answers drops stay in the table, unused, and apply again
/// if the item returns.
/// </summary>
/// <remarks>
/// Reading: every member but Respondents. Editing items and setting targets: Owner and CX lead. A round of another
/// organisation is not found. Each method checks access once, works on one context and scores the round once.
/// </remarks>
public sealed class RoadmapService(
    IDbContextFactory<AppDbContext> contextFactory,
    RoadmapLoader loader,
    TimeProvider time)
{
    /// <summary>The round's roadmap. Every member but Respondents.</summary>
    public async Task<RoadmapView> GetRoadmapAsync(string userId, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Readers);
        return (await loader.LoadAsync(db, roundId, access.Role, trackStates: false, cancellationToken)).View();
    }

    /// <summary>
    /// Accepts or rejects an item, moves its lane, sets its owner and notes (RULES.md §6.10). Owner and CX lead.
    /// Returns the roadmap as it now stands (an edit can change the Pareto analysis and the projection).
    /// </summary>
    /// <exception cref="NotFoundException">The round is not the caller's, or the initiative is not an item of its roadmap.</exception>
    /// <exception cref="ValidationException">An unknown status or lane, or an owner or notes too long.</exception>
    /// <exception cref="ConflictException">Rejecting an item that is a project.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone else changed the item since <see cref="RoadmapItemUpdate.Version"/> was read.</exception>
    public async Task<RoadmapView> UpdateItemAsync(
        string userId,
        int roundId,
        string initiativeId,
        RoadmapItemUpdate update,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);

        var errors = new ValidationErrors();
        if (!Enum.IsDefined(update.Status))
        {
            errors.Add("status", $"Status must be one of {string.Join(", ", Enum.GetNames<RoadmapItemStatus>())}.");
        }

        if (update.Horizon is { } horizon && !Enum.IsDefined(horizon))
        {
            errors.Add("horizon", $"Horizon must be one of {string.Join(", ", Enum.GetNames<Horizon>())}, or empty for the computed one.");
        }

        var owner = errors.Text("owner", update.Owner, FieldLimits.Owner, "the owner", required: false);
        var notes = errors.Text("notes", update.Notes, FieldLimits.Notes, "the notes", required: false);
        errors.ThrowIfAny();

        var snapshot = await loader.LoadAsync(db, roundId, access.Role, trackStates: true, cancellationToken);
        var item = snapshot.FindItem(initiativeId);
        var state = snapshot.States.GetValueOrDefault(item.InitiativeId);
        if (state?.Version != update.Version)
        {
            throw RoadmapSnapshot.ItemChanged(item.Title);
        }

        var inserting = state is null;
        var was = (Status: item.Status.ToString(), Lane: item.Horizon.ToString(), Owner: state?.Owner, Notes: state?.Notes);
        state ??= db.RoadmapItemStates.Add(new RoadmapItemState { RoundId = roundId, InitiativeId = item.InitiativeId }).Entity;
        // Choosing the computed lane is no move: the item then follows RULES.md §6.6 when targets change.
        state.Edit(
            item.Title,
            update.Status,
            update.Horizon == item.ComputedHorizon ? null : update.Horizon,
            owner,
            notes,
            time.GetUtcNow().UtcDateTime);
        var (from, to) = Audit.Changes(
            ("Status", was.Status, update.Status.ToString()), ("Lane", was.Lane, (update.Horizon ?? item.ComputedHorizon).ToString()),
            ("Owner", was.Owner, owner), ("Notes", was.Notes, notes));
        if (from is not null)
        {
            Audit.Record(db, access.OrganisationId, time.GetUtcNow().UtcDateTime, "Roadmap", $"Roadmap item “{item.Title}” ({snapshot.Scored.Round.Name})", "changed", from, to);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException exception)
        {
            throw RoadmapSnapshot.ItemChanged(item.Title, exception);
        }
        catch (DbUpdateException exception) when (inserting)
        {
            // Two first edits of the same item at once: the second insert meets the first one's row.
            throw RoadmapSnapshot.ItemChanged(item.Title, exception);
        }

        var states = new Dictionary<string, RoadmapItemState>(snapshot.States, StringComparer.Ordinal) { [item.InitiativeId] = state };
        return RoadmapLoader.Generate(snapshot.Scored, states, access.Role).View();
    }

    /// <summary>
    /// Replaces the round's explicit targets (RULES.md §6.1) and reports what that did to the roadmap: the items added
    /// and dropped, and how many were kept with their edits (edits of dropped items are kept for when they return).
    /// Validates every target first and then saves them all in one transaction, or changes nothing; the round is read
    /// and scored once. Owner and CX lead.
    /// </summary>
    /// <param name="expectedRoundVersion">The round's version as the caller read it; by default, as read here.</param>
    /// <exception cref="ValidationException">Keyed by dimension id: an unknown or out-of-scope dimension, a stage
    /// outside 1..5, or a stage below the one the dimension already reached. Nothing is changed.</exception>
    /// <exception cref="ConcurrencyConflictException">The round changed since <paramref name="expectedRoundVersion"/>.</exception>
    public async Task<TargetsSavedView> SetTargetsAsync(
        string userId,
        int roundId,
        IReadOnlyDictionary<string, int> targets,
        Guid? expectedRoundVersion = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var before = await loader.LoadAsync(db, roundId, access.Role, trackStates: false, cancellationToken);
        var scored = before.Scored;
        ValidateTargets(scored, targets);

        var version = Guid.NewGuid();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The round's version guards its targets: the update touches the round only if nobody changed it since.
            var expected = expectedRoundVersion ?? scored.Round.Version;
            var touched = await db.Rounds
                .Where(r => r.Id == roundId && r.Version == expected)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.Version, version), cancellationToken);
            if (touched != 1)
            {
                throw new ConcurrencyConflictException(
                    "Someone else changed this assessment round while you were editing it. Reload to see their changes, then try again.");
            }

            await db.RoundTargets.Where(t => t.RoundId == roundId).ExecuteDeleteAsync(cancellationToken);
            db.RoundTargets.AddRange(targets.Select(t => new RoundTarget { RoundId = roundId, DimensionId = t.Key, Stage = t.Value }));
            static string Shown(IEnumerable<KeyValuePair<string, int>> stages) =>
                string.Join(", ", stages.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value}"));
            var (from, to) = Audit.Changes(("Targets", Shown(scored.Round.ExplicitTargets), Shown(targets)));
            if (from is not null)
            {
                Audit.Record(db, access.OrganisationId, time.GetUtcNow().UtcDateTime, "Targets", $"Targets of {scored.Round.Name}", "changed", from, to);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var saved = new Dictionary<string, int>(targets, StringComparer.Ordinal);
        var after = RoadmapLoader.Generate(scored.WithTargets(saved, version), before.States, access.Role);
        var changes = RoadmapGenerator.Compare(before.Plan, after.Plan);
        return new TargetsSavedView(
            after.Scored.Targets(),
            [.. changes.Added.Select(id => Change(after.Plan, id))],
            [.. changes.Dropped.Select(id => Change(before.Plan, id))],
            changes.Kept.Count,
            after.View());
    }

    private static void ValidateTargets(ScoredRound scored, IReadOnlyDictionary<string, int> targets)
    {
        var errors = new ValidationErrors();
        foreach (var (dimensionId, stage) in targets)
        {
            if (scored.Model.FindDimension(dimensionId) is not null && !scored.Round.DimensionsInScope.Contains(dimensionId))
            {
                errors.Add(dimensionId, $"Dimension '{dimensionId}' is not in this round's scope, so it takes no target.");
                continue;
            }

            foreach (var problem in RoadmapGenerator.ValidateTargets(
                scored.Model, scored.Standings, new Dictionary<string, int>(StringComparer.Ordinal) { [dimensionId] = stage }))
            {
                errors.Add(dimensionId, problem);
            }
        }

        errors.ThrowIfAny();
    }

    private static RoadmapChangeView Change(RoadmapPlan plan, string initiativeId)
    {
        var item = plan.Items.First(i => i.InitiativeId == initiativeId);
        return new RoadmapChangeView(item.InitiativeId, item.DimensionId, item.Title);
    }
}
