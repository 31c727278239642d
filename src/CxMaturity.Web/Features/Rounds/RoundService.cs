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
    /// <summary>Creates a round on the latest version of a model and opens it. Owner and CX lead.</summary>
    /// <exception cref="ValidationException">Unknown model or dimension, a name outside 1..100 characters, or closing before opening.</exception>
    public async Task<RoundView> CreateRoundAsync(
        string userId,
        int organisationId,
        CreateRoundRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);

        var errors = new ValidationErrors();
        var name = ValidSettings(request.Name, request.OpensOn, request.ClosesOn, errors);
        var model = catalog.Find(request.ModelId ?? "");
        if (model is null)
        {
            errors.Add("modelId", $"There is no model '{request.ModelId}'.");
        }

        var scope = model is null ? [] : ValidScope(model, request.DimensionsInScope, errors);
        errors.ThrowIfAny();

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
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
            return View(await scoring.LoadAsync(db, round.Id, preview: false, cancellationToken), access.Role);
        }
    }

    /// <summary>
    /// A round with its targets, respondent counts and completion; the respondents themselves for Owner and CX lead
    /// only. Respondents see their questionnaire instead.
    /// </summary>
    public async Task<RoundView> GetRoundAsync(string userId, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Readers);
        return View(await scoring.LoadAsync(db, roundId, preview: false, cancellationToken), access.Role);
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
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var errors = new ValidationErrors();
        var name = ValidSettings(request.Name, request.OpensOn, request.ClosesOn, errors);
        errors.ThrowIfAny();

        var round = await db.Rounds.SingleAsync(r => r.Id == roundId, cancellationToken);
        db.Entry(round).Property(r => r.Version).OriginalValue = request.Version;
        round.Name = name;
        round.OpensOn = request.OpensOn;
        round.ClosesOn = request.ClosesOn;
        round.RespondentsSeeResults = request.RespondentsSeeResults;
        db.Entry(round).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        return View(await scoring.LoadAsync(db, roundId, preview: false, cancellationToken), access.Role);
    }

    /// <summary>Opens a closed round for answers again (its invitation links work again). Owner and CX lead.</summary>
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

    private static RoundView View(ScoredRound scored, OrganisationRole role)
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
                        r.Id, r.Name, r.Email, r.Group, r.Status, r.IsMember, done.Answered, done.Questions, done.Ratio, r.StartedUtc, r.SubmittedUtc);
                })]
            : null;

        return new RoundView(
            round.Id, round.OrganisationId, round.OrganisationName, round.Name, round.Status,
            new ModelRef(scored.Model.Id, scored.Model.Version, scored.Model.Title), round.OpensOn, round.ClosesOn, round.RespondentsSeeResults, round.CreatedUtc, round.ClosedUtc,
            round.DimensionsInScope, round.RespondentGroups, scored.Targets(), counts, listed, role, round.Version);
    }

    // What creating and editing a round both check: its name, and that it does not close before it opens.
    private static string ValidSettings(string? name, DateOnly? opensOn, DateOnly? closesOn, ValidationErrors errors)
    {
        var valid = errors.Text("name", name, FieldLimits.Name, "the round a name", required: true)!;
        ValidateDates(opensOn, closesOn, errors);
        return valid;
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
