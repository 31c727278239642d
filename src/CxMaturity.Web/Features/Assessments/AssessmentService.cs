using System.Globalization;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Assessments;

/// <summary>
/// Assessment rounds: their settings and targets (this file), respondents and invitations, answers, and results.
/// Every method takes the acting user's id first (or an invitation secret) and checks their role through
/// <see cref="OrganisationAccess"/>; everything a method writes is written in one transaction after validation.
/// </summary>
public sealed partial class AssessmentService(
    IDbContextFactory<AppDbContext> contextFactory,
    ModelCatalog catalog,
    ModelVersionStore models,
    ILookupNormalizer normalizer,
    TimeProvider time)
{

    /// <summary>Creates a round on the latest version of a model and opens it. Owner and CX lead.</summary>
    /// <exception cref="ValidationException">Unknown model or dimension, a name outside 1..100 characters, or closing before opening.</exception>
    public async Task<RoundView> CreateRoundAsync(
        string userId,
        int organisationId,
        CreateRoundRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        int roundId;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);

            var errors = new ValidationErrors();
            var name = ValidName(request.Name, errors);
            ValidateDates(request.OpensOn, request.ClosesOn, errors);
            var model = catalog.Find(request.ModelId ?? "");
            if (model is null)
            {
                errors.Add("modelId", $"There is no model '{request.ModelId}'.");
            }

            var scope = model is null ? [] : ValidScope(model, request.DimensionsInScope, errors);
            errors.ThrowIfAny();

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var round = new AssessmentRound
            {
                OrganisationId = organisationId,
                ModelVersionId = await models.GetOrCreateAsync(db, model!, cancellationToken),
                Name = name,
                Status = RoundStatus.Open,
                OpensOn = request.OpensOn,
                ClosesOn = request.ClosesOn,
                DimensionsInScope = scope,
                RespondentsSeeResults = request.RespondentsSeeResults,
                CreatedUtc = time.GetUtcNow().UtcDateTime,
            };
            db.Rounds.Add(round);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            roundId = round.Id;
        }

        return await GetRoundAsync(userId, roundId, cancellationToken);
    }

    /// <summary>
    /// A round with its targets and respondent counts; the respondents themselves for Owner and CX lead only.
    /// Respondents use <see cref="GetQuestionnaireAsync"/> instead.
    /// </summary>
    public async Task<RoundView> GetRoundAsync(string userId, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Readers);
        var round = await db.Rounds.AsNoTracking()
            .Where(r => r.Id == roundId)
            .Select(r => new
            {
                r.Name,
                r.Status,
                r.OrganisationId,
                OrganisationName = r.Organisation!.Name,
                r.Organisation.RespondentGroups,
                r.ModelVersionId,
                r.OpensOn,
                r.ClosesOn,
                r.RespondentsSeeResults,
                r.CreatedUtc,
                r.ClosedUtc,
                r.DimensionsInScope,
                r.Version,
                Targets = r.Targets.Select(t => new { t.DimensionId, t.Stage }).ToList(),
            })
            .SingleAsync(cancellationToken);
        var model = await models.LoadAsync(round.ModelVersionId, cancellationToken);
        var questions = QuestionsInScope(model, round.DimensionsInScope).Count;

        var respondents = await db.Respondents.AsNoTracking()
            .Where(r => r.RoundId == roundId)
            .OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new RespondentView(
                r.Id, r.Name, r.Email, r.Group, r.Status, r.UserId != null, r.Answers.Count(), questions, 0,
                r.StartedUtc, r.SubmittedUtc, r.Version))
            .ToListAsync(cancellationToken);
        var counts = new RespondentCountsView(
            respondents.Count,
            respondents.Count(r => r.Status == RespondentStatus.Invited),
            respondents.Count(r => r.Status == RespondentStatus.InProgress),
            respondents.Count(r => r.Status == RespondentStatus.Submitted));

        var result = counts.Submitted > 0
            ? RoundScorer.Score(model, round.DimensionsInScope, await LoadScoringInputAsync(db, roundId, cancellationToken))
            : null;
        var targets = TargetViews(model, round.DimensionsInScope, round.Targets.ToDictionary(t => t.DimensionId, t => t.Stage), result);

        return new RoundView(
            roundId, round.OrganisationId, round.OrganisationName, round.Name, round.Status, model.Id, model.Version,
            model.Title, round.OpensOn, round.ClosesOn, round.RespondentsSeeResults, round.CreatedUtc, round.ClosedUtc,
            round.DimensionsInScope, round.RespondentGroups, targets, counts,
            access.Role.CanManage() ? [.. respondents.Select(WithCompletion)] : null,
            access.Role, round.Version);
    }

    /// <summary>Changes a round's name, dates and result sharing. Owner and CX lead.</summary>
    /// <exception cref="ConcurrencyConflictException">Someone saved the round after <see cref="UpdateRoundRequest.Version"/> was read.</exception>
    public async Task<RoundView> UpdateRoundAsync(
        string userId,
        int roundId,
        UpdateRoundRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
            var errors = new ValidationErrors();
            var name = ValidName(request.Name, errors);
            ValidateDates(request.OpensOn, request.ClosesOn, errors);
            errors.ThrowIfAny();

            var round = await db.Rounds.SingleAsync(r => r.Id == roundId, cancellationToken);
            db.Entry(round).Property(r => r.Version).OriginalValue = request.Version;
            round.Name = name;
            round.OpensOn = request.OpensOn;
            round.ClosesOn = request.ClosesOn;
            round.RespondentsSeeResults = request.RespondentsSeeResults;
            db.Entry(round).State = EntityState.Modified;
            await db.SaveChangesAsync(cancellationToken);
        }

        return await GetRoundAsync(userId, roundId, cancellationToken);
    }

    /// <summary>
    /// Replaces the round's explicit targets (dimension id → stage 1..5); a dimension left out gets the default rule.
    /// Owner and CX lead. Pass the round's <paramref name="expectedVersion"/> to be told when someone else changed
    /// the round meanwhile.
    /// </summary>
    /// <exception cref="ValidationException">
    /// Keyed by dimension id: a dimension the model lacks or the round does not cover, a stage outside 1..5, or a
    /// stage below the one the submitted answers already reach.
    /// </exception>
    public async Task<IReadOnlyList<TargetView>> SetTargetsAsync(
        string userId,
        int roundId,
        IDictionary<string, int> targets,
        Guid? expectedVersion = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var round = await db.Rounds.Include(r => r.Targets).SingleAsync(r => r.Id == roundId, cancellationToken);
        var model = await models.LoadAsync(round.ModelVersionId, cancellationToken);
        var result = RoundScorer.Score(model, round.DimensionsInScope, await LoadScoringInputAsync(db, roundId, cancellationToken));
        var standings = result.Dimensions.Select(d => new DimensionStanding(d.DimensionId, d.Score, d.Importance)).ToList();

        var errors = new ValidationErrors();
        foreach (var (dimensionId, stage) in targets)
        {
            if (model.FindDimension(dimensionId) is not null && !round.DimensionsInScope.Contains(dimensionId))
            {
                errors.Add(dimensionId, $"Dimension '{dimensionId}' is not in this round's scope, so it takes no target.");
                continue;
            }

            foreach (var problem in RoadmapGenerator.ValidateTargets(model, standings, new Dictionary<string, int> { [dimensionId] = stage }))
            {
                errors.Add(dimensionId, problem);
            }
        }

        errors.ThrowIfAny();

        round.Targets.RemoveAll(t => !targets.ContainsKey(t.DimensionId));
        foreach (var (dimensionId, stage) in targets)
        {
            var existing = round.Targets.Find(t => t.DimensionId == dimensionId);
            if (existing is null)
            {
                round.Targets.Add(new RoundTarget { RoundId = roundId, DimensionId = dimensionId, Stage = stage });
            }
            else
            {
                existing.Stage = stage;
            }
        }

        if (expectedVersion is { } version)
        {
            db.Entry(round).Property(r => r.Version).OriginalValue = version;
        }

        db.Entry(round).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        return TargetViews(model, round.DimensionsInScope, round.Targets.ToDictionary(t => t.DimensionId, t => t.Stage), result);
    }

    /// <summary>Opens a draft or closed round for answers (a closed round's invitation links work again). Owner and CX lead.</summary>
    public Task OpenRoundAsync(string userId, int roundId, CancellationToken cancellationToken = default) =>
        SetStatusAsync(userId, roundId, RoundStatus.Open, cancellationToken);

    /// <summary>Closes a round: no more answers, and its invitation links expire. Owner and CX lead.</summary>
    public Task CloseRoundAsync(string userId, int roundId, CancellationToken cancellationToken = default) =>
        SetStatusAsync(userId, roundId, RoundStatus.Closed, cancellationToken);

    private async Task SetStatusAsync(string userId, int roundId, RoundStatus status, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId, cancellationToken);
        if (round.Status == status)
        {
            return;
        }

        round.Status = status;
        round.ClosedUtc = status == RoundStatus.Closed ? time.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every respondent of the round with their answers and importance ratings, as the scorer takes them.</summary>
    private static async Task<List<RespondentAnswers>> LoadScoringInputAsync(AppDbContext db, int roundId, CancellationToken cancellationToken)
    {
        var respondents = await db.Respondents.AsNoTracking()
            .Where(r => r.RoundId == roundId)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Group, r.Status })
            .ToListAsync(cancellationToken);
        // "Respondent in (this round's respondents)" lets the database walk the covering index respondent by respondent.
        var respondentIds = db.Respondents.Where(r => r.RoundId == roundId).Select(r => r.Id);
        var answers = await db.Answers.AsNoTracking()
            .Where(a => respondentIds.Contains(a.RespondentId))
            .Select(a => new { a.RespondentId, a.QuestionId, a.Level })
            .ToListAsync(cancellationToken);
        var ratings = await db.ImportanceRatings.AsNoTracking()
            .Where(i => respondentIds.Contains(i.RespondentId))
            .Select(i => new { i.RespondentId, i.DimensionId, i.Rating })
            .ToListAsync(cancellationToken);

        var answersOf = new Dictionary<int, Dictionary<string, int?>>(respondents.Count);
        foreach (var answer in answers)
        {
            if (!answersOf.TryGetValue(answer.RespondentId, out var byQuestion))
            {
                answersOf[answer.RespondentId] = byQuestion = new Dictionary<string, int?>(StringComparer.Ordinal);
            }

            byQuestion[answer.QuestionId] = answer.Level;
        }

        var ratingsOf = ratings
            .GroupBy(i => i.RespondentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(i => i.DimensionId, i => i.Rating, StringComparer.Ordinal));

        IReadOnlyDictionary<string, int?> noAnswers = new Dictionary<string, int?>();
        IReadOnlyDictionary<string, int> noRatings = new Dictionary<string, int>();
        return [.. respondents.Select(r => new RespondentAnswers(
            r.Id.ToString(CultureInfo.InvariantCulture),
            r.Group,
            r.Status,
            answersOf.TryGetValue(r.Id, out var byQuestion) ? byQuestion : noAnswers,
            ratingsOf.GetValueOrDefault(r.Id, noRatings)))];
    }

    private static List<TargetView> TargetViews(
        MaturityModel model,
        IReadOnlyCollection<string> scope,
        IReadOnlyDictionary<string, int> explicitTargets,
        RoundResult? result) =>
        [.. model.Dimensions
            .Where(d => scope.Contains(d.Id))
            .Select(d =>
            {
                var score = result?.FindDimension(d.Id)?.Score;
                int? explicitStage = explicitTargets.TryGetValue(d.Id, out var stage) ? stage : null;
                var effective = Targets.Effective(explicitStage, score);
                return new TargetView(d.Id, d.Title, explicitStage, score is { } c ? Stages.StageOf(c) : null, effective);
            })];

    private static Dictionary<string, Question> QuestionsInScope(MaturityModel model, IReadOnlyCollection<string> scope) =>
        model.Dimensions
            .Where(d => scope.Contains(d.Id))
            .SelectMany(d => d.Questions)
            .ToDictionary(q => q.Id, StringComparer.Ordinal);

    private static RespondentView WithCompletion(RespondentView respondent) =>
        respondent with { Completion = respondent.Questions > 0 ? (double)respondent.Answered / respondent.Questions : 0 };

    private static string ValidName(string? name, ValidationErrors errors, string field = "name")
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > FieldLimits.Name)
        {
            errors.Add(field, $"Give a name of 1 to {FieldLimits.Name} characters.");
        }

        errors.AddIfMalformed(field, name);

        return name;
    }

    private static void ValidateDates(DateOnly? opensOn, DateOnly? closesOn, ValidationErrors errors)
    {
        if (opensOn is { } opens && closesOn is { } closes && closes < opens)
        {
            errors.Add("closesOn", "The round cannot close before it opens.");
        }
    }

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
