using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Api;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Results;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Rounds;

/// <summary>
/// Assessment rounds: creating one, its settings, opening and closing it, and the round as its page shows it. Every
/// method checks the caller's role in the organisation that owns the round, opens one context, and writes what it
/// writes in one transaction after validation.
/// </summary>
/// <remarks>The HTTP API calls a round an assessment (<c>/api/v1/assessments/{id}</c>); everywhere else it is a round.</remarks>
public sealed class RoundService(
    IDbContextFactory<AppDbContext> contextFactory,
    ModelCatalog catalog,
    ModelVersionStore models,
    RoundScoring scoring,
    TimeProvider time)
{
    /// <summary>
    /// Creates a round on the latest version of a model, open at once unless <see cref="CreateRoundRequest.Status"/>
    /// asks for a draft. Started from a previous round (<see cref="CreateRoundRequest.StartFrom"/>), it takes that
    /// round's model, respondents, groups, scope, targets and settings, with no answers. Owner and CX lead.
    /// </summary>
    /// <exception cref="ValidationException">Unknown model or dimension, a name outside 1..100 characters, closing before opening, and the other settings' rules.</exception>
    public async Task<RoundView> CreateRoundAsync(
        string userId,
        int organisationId,
        CreateRoundRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var previous = request.StartFrom is { } fromId
            ? await db.Rounds.AsNoTracking().Include(r => r.Targets).Include(r => r.Respondents)
                .SingleOrDefaultAsync(r => r.Id == fromId && r.OrganisationId == organisationId, cancellationToken)
            : null;
        var organisationGroups = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.RespondentGroups).SingleAsync(cancellationToken);

        var errors = new ValidationErrors();
        if (request.StartFrom is { } missing && previous is null)
        {
            errors.Add("startFrom", $"This organisation has no round {missing} to start from.");
        }

        var modelId = request.ModelId ?? (previous is null ? null : await ModelIdOfAsync(db, previous.ModelVersionId, cancellationToken));
        var model = catalog.Find(modelId ?? "");
        if (model is null)
        {
            errors.Add("modelId", $"There is no model '{modelId}'.");
        }

        if (request.Status is not (RoundStatus.Draft or RoundStatus.Open))
        {
            errors.Add("status", "A new round is either a Draft or Open.");
        }

        // An unknown model has no dimensions to check the scope against; its own error says what is wrong.
        List<string> scope = model is null ? ["*"] : ValidScope(model, request.DimensionsInScope ?? previous?.DimensionsInScope, errors);
        var groups = request.RespondentGroups ?? previous?.RespondentGroups ?? organisationGroups;
        var defaults = ScoringOptions.Default;
        var settings = RoundSettings.Check(
            new RoundSettings(
                request.Name, request.OpensOn, request.ClosesOn, scope, groups,
                request.MinimumGroupSize ?? previous?.MinimumGroupSize ?? ScoringOptions.DefaultMinimumGroupSize,
                request.Anonymous ?? previous?.Anonymous ?? false,
                request.RespondentsSeeResults ?? previous?.RespondentsSeeResults ?? false,
                request.PerceptionGroupA ?? previous?.PerceptionGroupA ?? DefaultPair(groups, defaults.PerceptionGroupA, 0),
                request.PerceptionGroupB ?? previous?.PerceptionGroupB ?? DefaultPair(groups, defaults.PerceptionGroupB, 1)),
            RoundStatus.Draft,
            current: null,
            groupsInUse: previous?.Respondents.Select(r => r.Group).Distinct().ToList() ?? [],
            errors);
        errors.ThrowIfAny();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var round = new AssessmentRound
        {
            OrganisationId = organisationId,
            ModelVersionId = await models.GetOrCreateAsync(db, model!, cancellationToken),
            Status = RoundStatus.Draft,
            CreatedUtc = now,
        };
        round.Apply(settings);
        round.MoveTo(request.Status, now);
        if (previous is not null)
        {
            round.Targets = [.. previous.Targets.Where(t => scope.Contains(t.DimensionId)).Select(t => new RoundTarget { DimensionId = t.DimensionId, Stage = t.Stage })];
            round.Respondents = [.. previous.Respondents.OrderBy(r => r.Id).Select(r => new Respondent
            {
                UserId = r.UserId,
                Name = r.Name,
                Email = r.Email,
                Group = r.Group,
                Status = RespondentStatus.Invited,
                InvitedByUserId = userId,
            })];
        }

        db.Rounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(await scoring.LoadAsync(db, round.Id, preview: false, cancellationToken), access.Role);
    }

    /// <summary>
    /// A round with its targets, respondent counts and completion; the respondents themselves for Owner and CX lead
    /// only. Respondents see their questionnaire instead.
    /// </summary>
    public async Task<RoundView> GetRoundAsync(string userId, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Readers);
        var scored = await scoring.LoadAsync(db, roundId, preview: false, cancellationToken);
        if (!access.Role.CanManage())
        {
            return View(scored, access.Role);
        }

        // The last time each respondent saved anything: one grouped query, for the CX lead tracking the round.
        var lastActivity = await db.Answers.AsNoTracking()
            .Where(a => db.Respondents.Where(r => r.RoundId == roundId).Select(r => r.Id).Contains(a.RespondentId))
            .GroupBy(a => a.RespondentId)
            .Select(g => new { RespondentId = g.Key, Last = g.Max(a => a.UpdatedUtc) })
            .ToDictionaryAsync(g => g.RespondentId, g => g.Last, cancellationToken);
        return View(scored, access.Role, lastActivity);
    }

    /// <summary>
    /// Changes a round's settings as its status allows (RULES.md §3): everything in a draft; an open round keeps its
    /// scope and groups; a closed one changes only its name, result sharing and perception pair. Owner and CX lead.
    /// </summary>
    /// <exception cref="ValidationException">A setting breaks a rule, or may not change in the round's status.</exception>
    /// <exception cref="ConcurrencyConflictException">Someone saved the round after <see cref="UpdateRoundRequest.Version"/> was read.</exception>
    public async Task<RoundView> UpdateRoundAsync(
        string userId,
        int roundId,
        UpdateRoundRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId, cancellationToken);
        var groupsInUse = await db.Respondents.Where(r => r.RoundId == roundId).Select(r => r.Group).Distinct().ToListAsync(cancellationToken);

        var errors = new ValidationErrors();
        var model = await models.LoadAsync(round.ModelVersionId, cancellationToken);
        var asked = request.Settings.DimensionsInScope;
        var requested = request.Settings with { DimensionsInScope = asked.Count == 0 ? [] : ValidScope(model, asked, errors) };
        var settings = RoundSettings.Check(requested, round.Status, round.Settings, groupsInUse, errors);
        errors.ThrowIfAny();

        db.Entry(round).Property(r => r.Version).OriginalValue = request.Version;
        round.Apply(settings);
        db.Entry(round).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        return View(await scoring.LoadAsync(db, roundId, preview: false, cancellationToken), access.Role);
    }

    /// <summary>Opens a draft, or a closed round again (its invitation links work again). Owner and CX lead.</summary>
    public Task OpenRoundAsync(string userId, int roundId, CancellationToken cancellationToken = default) =>
        SetStatusAsync(userId, roundId, RoundStatus.Open, cancellationToken);

    /// <summary>Closes a round: no more answers, and its invitation links expire. Owner and CX lead.</summary>
    public Task CloseRoundAsync(string userId, int roundId, CancellationToken cancellationToken = default) =>
        SetStatusAsync(userId, roundId, RoundStatus.Closed, cancellationToken);

    /// <summary>Moves a round to <paramref name="status"/> as its lifecycle allows (RULES.md §3). Owner and CX lead.</summary>
    /// <exception cref="ConflictException">The move is not allowed (Closed → Draft, for one); the message says why.</exception>
    public async Task<RoundView> SetStatusAsync(string userId, int roundId, RoundStatus status, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId, cancellationToken);
        if (round.Status != status)
        {
            round.MoveTo(status, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        return View(await scoring.LoadAsync(db, roundId, preview: false, cancellationToken), access.Role);
    }

    /// <summary>Deletes a draft with its respondents and targets; nobody can have answered it. Owner and CX lead.</summary>
    /// <exception cref="ConflictException">The round has opened: it holds answers, or may have.</exception>
    public async Task DeleteDraftAsync(string userId, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId, cancellationToken);
        if (!RoundLifecycle.CanDelete(round.Status))
        {
            throw new ConflictException($"Only a draft can be deleted; “{round.Name}” has opened, so people may have answered it. Close it instead.");
        }

        // The database removes the respondents and targets with the round (cascade), in this one statement's transaction.
        db.Rounds.Remove(round);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static RoundView View(ScoredRound scored, OrganisationRole role, IReadOnlyDictionary<int, DateTime>? lastActivity = null)
    {
        var round = scored.Round;
        var respondents = scored.Respondents;
        var counts = new RespondentCountsView(
            respondents.Count,
            respondents.Count(r => r.Status == RespondentStatus.Invited),
            respondents.Count(r => r.Status == RespondentStatus.InProgress),
            respondents.Count(r => r.Status == RespondentStatus.Submitted));

        // Completion is the scorer's (RULES.md §5.11): in-scope questions answered, Not applicable included.
        var completion = scored.Result.Completion.ToDictionary(c => c.RespondentId, StringComparer.Ordinal);
        IReadOnlyList<RespondentView>? listed = role.CanManage()
            ? [.. respondents
                .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id)
                .Select(r =>
                {
                    var done = completion[r.Answers.RespondentId];
                    return new RespondentView(
                        r.Id, r.Name, r.Email, r.Group, r.Status, r.IsMember, done.Answered, done.Questions, done.Ratio, r.StartedUtc, r.SubmittedUtc,
                        lastActivity?.GetValueOrDefault(r.Id) is { } last && last != default ? last : r.SubmittedUtc ?? r.StartedUtc);
                })]
            : null;
        IReadOnlyList<GroupProgressView>? groups = role.CanManage()
            ? [.. round.RespondentGroups
                .Select(g => (Group: g, People: respondents.Where(r => r.Group == g).ToList()))
                .Where(g => g.People.Count > 0)
                .Select(g => new GroupProgressView(
                    g.Group,
                    g.People.Count,
                    g.People.Count(r => r.Status == RespondentStatus.Submitted),
                    RespondentCompletion.Mean([.. g.People.Select(r => completion[r.Answers.RespondentId])])))]
            : null;

        return new RoundView(
            round.Id, round.OrganisationId, round.OrganisationName, round.Name, round.Status,
            new ModelRef(scored.Model.Id, scored.Model.Version, scored.Model.Title), round.OpensOn, round.ClosesOn, round.RespondentsSeeResults, round.CreatedUtc, round.ClosedUtc,
            round.DimensionsInScope, round.RespondentGroups, round.Settings.MinimumGroupSize, round.Settings.Anonymous,
            round.Settings.PerceptionGroupA, round.Settings.PerceptionGroupB, scored.Targets(), counts, listed, role, round.Version, groups);
    }

    // The perception gap's default pair (Executive and Frontline) when the groups have them, else the first two groups.
    private static string DefaultPair(IReadOnlyList<string> groups, string preferred, int fallback) =>
        groups.Contains(preferred, StringComparer.Ordinal) ? preferred : groups.Count > fallback ? groups[fallback] : preferred;

    private static async Task<string> ModelIdOfAsync(AppDbContext db, int modelVersionId, CancellationToken cancellationToken) =>
        await db.ModelVersions.Where(m => m.Id == modelVersionId).Select(m => m.ModelId).SingleAsync(cancellationToken);

    private static List<string> ValidScope(MaturityModel model, IReadOnlyList<string>? requested, ValidationErrors errors)
    {
        if (requested is null || requested.Count == 0)
        {
            return [.. model.Dimensions.Select(d => d.Id)];
        }

        for (var i = 0; i < requested.Count; i++)
        {
            if (model.FindDimension(requested[i]) is null)
            {
                errors.Add($"dimensionsInScope[{i}]", $"Model '{model.Id}' has no dimension '{requested[i]}'.");
            }
        }

        return [.. model.Dimensions.Select(d => d.Id).Where(requested.Contains)];
    }
}
