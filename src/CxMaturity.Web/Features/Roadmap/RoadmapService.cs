using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Assessments;
using CxMaturity.Web.Features.Common;
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
/// organisation is not found.
/// </remarks>
public sealed class RoadmapService(
    IDbContextFactory<AppDbContext> contextFactory,
    AssessmentService assessments,
    TimeProvider time)
{

    /// <summary>The round's roadmap. Every member but Respondents.</summary>
    public async Task<RoadmapView> GetRoadmapAsync(string userId, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Readers);
        return View(await LoadAsync(db, userId, roundId, access.Role, cancellationToken));
    }

    /// <summary>
    /// Accepts or rejects an item, moves its lane, sets its owner and notes (RULES.md §6.10). Owner and CX lead.
    /// Returns the roadmap as it now stands (an edit can change the Pareto analysis and the projection).
    /// </summary>
    /// <exception cref="NotFoundException">The round is not the caller's, or the initiative is not an item of its roadmap.</exception>
    /// <exception cref="ValidationException">An unknown status or lane, or an owner or notes too long.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone else changed the item since <see cref="RoadmapItemUpdate.Version"/> was read.</exception>
    public async Task<RoadmapView> UpdateItemAsync(
        string userId,
        int roundId,
        string initiativeId,
        RoadmapItemUpdate update,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
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

            var owner = Clean(update.Owner, FieldLimits.Owner, "owner", "The owner", errors);
            var notes = Clean(update.Notes, FieldLimits.Notes, "notes", "The notes", errors);
            errors.ThrowIfAny();

            var snapshot = await LoadAsync(db, userId, roundId, access.Role, cancellationToken);
            var item = snapshot.FindItem(initiativeId);
            var state = await db.RoadmapItemStates
                .SingleOrDefaultAsync(s => s.RoundId == roundId && s.InitiativeId == item.InitiativeId, cancellationToken);
            if (state?.Version != update.Version)
            {
                throw ItemChanged(item.Title);
            }

            if (update.Status == RoadmapItemStatus.Rejected && state?.ProjectId is { } projectId)
            {
                throw new ConflictException(
                    $"“{item.Title}” is project {projectId}, so it cannot be rejected. Cancel the project instead.");
            }

            var inserting = state is null;
            if (state is null)
            {
                state = new RoadmapItemState { RoundId = roundId, InitiativeId = item.InitiativeId };
                db.RoadmapItemStates.Add(state);
            }

            state.Status = update.Status;
            // Choosing the computed lane is no move: the item then follows rule 6 when targets change.
            state.HorizonOverride = update.Horizon == item.ComputedHorizon ? null : update.Horizon;
            state.Owner = owner;
            state.Notes = notes;
            state.UpdatedUtc = time.GetUtcNow().UtcDateTime;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException exception)
            {
                throw ItemChanged(item.Title, exception);
            }
            catch (DbUpdateException exception) when (inserting)
            {
                // Two first edits of the same item at once: the second insert meets the first one's row.
                throw ItemChanged(item.Title, exception);
            }
        }

        return await GetRoadmapAsync(userId, roundId, cancellationToken);
    }

    /// <summary>
    /// Replaces the round's explicit targets through <see cref="AssessmentService.SetTargetsAsync"/> (which validates
    /// them and saves them in one transaction, or changes nothing), regenerates the roadmap and reports the items added
    /// and dropped. Edits of kept items carry over; edits of dropped items are kept for when they return. Owner and
    /// CX lead.
    /// </summary>
    /// <exception cref="ValidationException">Keyed by dimension id: an unknown or out-of-scope dimension, a stage
    /// outside 1..5, or a stage below the one the dimension already reached. Nothing is changed.</exception>
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
        var before = await LoadAsync(db, userId, roundId, access.Role, cancellationToken);

        var saved = await assessments.SetTargetsAsync(
            userId, roundId, targets.ToDictionary(StringComparer.Ordinal), expectedRoundVersion, cancellationToken);

        var after = await LoadAsync(db, userId, roundId, access.Role, cancellationToken);
        var changes = RoadmapGenerator.Compare(before.Plan, after.Plan);
        return new TargetsSavedView(
            saved,
            [.. changes.Added.Select(id => Change(after.Plan, id))],
            [.. changes.Dropped.Select(id => Change(before.Plan, id))],
            changes.Kept.Count,
            View(after));
    }

    /// <summary>
    /// Loads what the roadmap is generated from and generates it, on <paramref name="db"/> (the caller's access is
    /// already checked). The results come from <see cref="AssessmentService.GetResultsAsync"/>, final figures only.
    /// </summary>
    internal async Task<RoadmapSnapshot> LoadAsync(
        AppDbContext db,
        string userId,
        int roundId,
        OrganisationRole role,
        CancellationToken cancellationToken)
    {
        var results = await assessments.GetResultsAsync(userId, roundId, preview: false, cancellationToken);
        var states = await db.RoadmapItemStates.AsNoTracking()
            .Where(s => s.RoundId == roundId)
            .ToDictionaryAsync(s => s.InitiativeId, StringComparer.Ordinal, cancellationToken);
        var roundVersion = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.Version).SingleAsync(cancellationToken);

        var model = results.Model;
        var standings = results.Result.Dimensions
            .Select(d => new DimensionStanding(d.DimensionId, d.Score, d.Importance))
            .ToList();
        // Targets were validated when set; one naming a dimension the pinned model lacks cannot be honoured anyway.
        var overrides = results.ExplicitTargets
            .Where(t => model.FindDimension(t.Key) is not null)
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var edits = states.Values.ToDictionary(
            s => s.InitiativeId,
            s => new RoadmapItemEdit(
                s.InitiativeId,
                s.Status,
                s.HorizonOverride,
                s.Owner,
                s.Notes,
                s.ProjectId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            StringComparer.Ordinal);

        var plan = RoadmapGenerator.Generate(model, standings, overrides, edits);
        return new RoadmapSnapshot(results, plan, states, roundVersion, role);
    }

    internal static ConcurrencyConflictException ItemChanged(string title, Exception? inner = null) => new(
        $"Someone else changed the roadmap item “{title}” while you were editing it. Reload to see their changes, then try again.",
        inner);

    private static RoadmapView View(RoadmapSnapshot snapshot)
    {
        var results = snapshot.Results;
        var model = results.Model;
        var plan = snapshot.Plan;
        var initiatives = model.Initiatives.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var items = plan.Items.ToDictionary(
            i => i.InitiativeId,
            i => ItemView(model, initiatives[i.InitiativeId], i, snapshot.States.GetValueOrDefault(i.InitiativeId)),
            StringComparer.Ordinal);
        var projection = plan.Projection.ToDictionary(p => p.DimensionId, StringComparer.Ordinal);

        var dimensions = model.Dimensions
            .Where(d => results.DimensionsInScope.Contains(d.Id))
            .OrderBy(d => d.Order)
            .Select(d =>
            {
                var score = results.Result.FindDimension(d.Id)?.Score;
                return new RoadmapDimensionView(
                    d.Id,
                    d.Title,
                    score,
                    score is { } s ? Assessment.Scoring.Stages.StageOf(s) : null,
                    results.ExplicitTargets.TryGetValue(d.Id, out var explicitTarget) ? explicitTarget : null,
                    plan.Targets.TryGetValue(d.Id, out var target) ? target : null,
                    plan.Gaps.TryGetValue(d.Id, out var gap) ? gap : null,
                    projection.GetValueOrDefault(d.Id));
            })
            .ToList();

        return new RoadmapView(
            results.RoundId,
            results.RoundName,
            results.Status,
            snapshot.RoundVersion,
            results.OrganisationId,
            results.OrganisationName,
            model,
            snapshot.Role,
            results.Result.RespondentsCounted,
            [.. plan.Items.Select(i => items[i.InitiativeId])],
            [.. plan.ParetoItems.Select(i => items[i.InitiativeId])],
            dimensions,
            plan.TotalPriority);
    }

    private static RoadmapItemView ItemView(MaturityModel model, Initiative initiative, RoadmapItem item, RoadmapItemState? state) => new(
        item.InitiativeId,
        item.DimensionId,
        model.FindDimension(item.DimensionId)?.Title ?? item.DimensionId,
        item.From,
        item.To,
        item.Title,
        initiative.DescriptionMarkdown,
        item.Impact,
        item.Effort,
        item.Priority,
        item.Horizon,
        item.ComputedHorizon,
        item.Status,
        item.Owner,
        item.Notes,
        state?.ProjectId,
        item.ParetoShare,
        item.VitalFew,
        initiative.OwnerRole,
        initiative.Kpis,
        state?.Version,
        state?.UpdatedUtc);

    private static RoadmapChangeView Change(RoadmapPlan plan, string initiativeId)
    {
        var item = plan.Items.First(i => i.InitiativeId == initiativeId);
        return new RoadmapChangeView(item.InitiativeId, item.DimensionId, item.Title);
    }

    private static string? Clean(string? text, int maxLength, string field, string what, ValidationErrors errors)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(field, $"{what} can be at most {maxLength} characters long; this is {text.Length}.");
        }

        errors.AddIfMalformed(field, text);

        return text;
    }
}

/// <summary>What a roadmap was generated from, and the plan: for the services that act on one item.</summary>
internal sealed record RoadmapSnapshot(
    ResultsView Results,
    RoadmapPlan Plan,
    IReadOnlyDictionary<string, RoadmapItemState> States,
    Guid RoundVersion,
    OrganisationRole Role)
{
    /// <summary>The item of the current roadmap that comes from the initiative.</summary>
    /// <exception cref="NotFoundException">The initiative is not an item of this roadmap (now).</exception>
    public RoadmapItem FindItem(string initiativeId) =>
        Plan.Items.FirstOrDefault(i => string.Equals(i.InitiativeId, initiativeId, StringComparison.Ordinal))
        ?? throw new NotFoundException(
            $"“{initiativeId}” is not an item of this round's roadmap. The targets or answers may have changed: reload the roadmap.");

    public Initiative InitiativeOf(RoadmapItem item) => Results.Model.Initiatives.First(i => i.Id == item.InitiativeId);
}
