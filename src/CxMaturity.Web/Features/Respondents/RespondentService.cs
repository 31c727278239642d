using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Respondents;

/// <summary>The respondents of a round and their invitation links. Owner and CX lead.</summary>
public sealed class RespondentService(
    IDbContextFactory<AppDbContext> contextFactory,
    ModelVersionStore models,
    ILookupNormalizer normalizer)
{
    /// <summary>Path of the page an invitation secret opens.</summary>
    public static string InvitationPath(string secret) => $"/invitations/{secret}";

    /// <summary>
    /// Adds a respondent to an open round and creates their invitation link. When the email belongs to a member of
    /// the organisation the respondent is linked to that account (a blank name then takes theirs).
    /// </summary>
    /// <exception cref="ValidationException">A missing name, an invalid or duplicate email, or a group the organisation does not have.</exception>
    /// <exception cref="ConflictException">The round is closed.</exception>
    public async Task<RespondentCreatedView> AddRespondentAsync(
        string userId,
        int roundId,
        AddRespondentRequest request,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var round = await RoundAsync(db, roundId, cancellationToken);
        var (respondent, secret) = await RespondentRegistration.AddAsync(
            db, normalizer, new RespondentRegistration.Round(roundId, access.OrganisationId, round.Status, round.RespondentGroups), request, userId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new RespondentCreatedView(View(respondent, await QuestionsAsync(round, cancellationToken), 0), InvitationPath(secret));
    }

    /// <summary>Replaces a respondent's invitation link with a new one (the old link stops working), for when the first was lost.</summary>
    /// <exception cref="ConflictException">The round is closed.</exception>
    public async Task<RespondentCreatedView> ReissueInvitationAsync(
        string userId,
        int roundId,
        int respondentId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var round = await RoundAsync(db, roundId, cancellationToken);
        if (round.Status == RoundStatus.Closed)
        {
            throw new ConflictException("The round is closed. Reopen it before sending new invitation links.");
        }

        var respondent = await db.Respondents.SingleOrDefaultAsync(r => r.Id == respondentId && r.RoundId == roundId, cancellationToken)
            ?? throw new NotFoundException($"Respondent {respondentId} was not found in this round.");
        var secret = Secrets.Create();
        respondent.InvitationTokenHash = Secrets.Hash(secret);
        await db.SaveChangesAsync(cancellationToken);

        var questions = await QuestionsAsync(round, cancellationToken);
        var inScope = questions.Select(q => q.Id).ToList();
        var answered = await db.Answers.CountAsync(a => a.RespondentId == respondentId && inScope.Contains(a.QuestionId), cancellationToken);
        return new RespondentCreatedView(View(respondent, questions, answered), InvitationPath(secret));
    }

    private static Task<RoundRow> RoundAsync(AppDbContext db, int roundId, CancellationToken cancellationToken) =>
        db.Rounds.AsNoTracking()
            .Where(r => r.Id == roundId)
            .Select(r => new RoundRow(r.Status, r.ModelVersionId, r.DimensionsInScope, r.RespondentGroups))
            .SingleAsync(cancellationToken);

    private async Task<IReadOnlyList<Question>> QuestionsAsync(RoundRow round, CancellationToken cancellationToken)
    {
        var model = await models.LoadAsync(round.ModelVersionId, cancellationToken);
        return [.. model.Dimensions.Where(d => round.DimensionsInScope.Contains(d.Id)).SelectMany(d => d.Questions)];
    }

    // Completion by RULES.md §5.11: in-scope questions answered, Not applicable included.
    private static RespondentView View(Respondent r, IReadOnlyList<Question> questions, int answered)
    {
        var completion = RespondentCompletion.Of(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), answered, questions.Count);
        return new RespondentView(
            r.Id, r.Name, r.Email, r.Group, r.Status, r.UserId is not null, answered, questions.Count, completion.Ratio, r.StartedUtc, r.SubmittedUtc);
    }

    private sealed record RoundRow(RoundStatus Status, int ModelVersionId, List<string> DimensionsInScope, List<string> RespondentGroups);
}
