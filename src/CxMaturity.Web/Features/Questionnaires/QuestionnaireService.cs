using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Rounds;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Results;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Questionnaires;

/// <summary>
/// A respondent's questionnaire: reading it, and saving answers, importance ratings and the handing in, for a member
/// (their own, or anyone's for an Owner or CX lead) and for an invitee by the invitation link alike. The respondent is
/// resolved once, in one query that also checks the caller's right to it; a save then writes in one transaction.
/// </summary>
public sealed class QuestionnaireService(
    IDbContextFactory<AppDbContext> contextFactory,
    ModelVersionStore models,
    TimeProvider time)
{
    // Two devices saving for the same respondent at once: the second save meets the first's change of the respondent
    // (its resume point) and is simply done again; each answer is written in one statement, so the last one wins.
    private const int SaveAttempts = 3;

    /// <summary>The tag on the one query that resolves a respondent, for tracing (and for tests that time it).</summary>
    public const string ResolveTag = "questionnaire-resolve";

    // The ASCII unit separator, which no question id of a content file uses; it only ever counts progress.
    private const string AnsweredSeparator = "\u001F";

    /// <summary>The questionnaire with the answers saved so far.</summary>
    /// <exception cref="NotFoundException">The respondent is not the caller's to see, or the link is not valid.</exception>
    /// <exception cref="ForbiddenException">A member asking for someone else's questionnaire without being Owner or CX lead.</exception>
    /// <exception cref="ConflictException">The invitation link has expired: the round is closed.</exception>
    public async Task<QuestionnaireView> GetAsync(RespondentRef who, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var resolved = await ResolveAsync(db, who, track: false, cancellationToken);
        var respondentId = resolved.Respondent.Id;
        var answers = await db.Answers.AsNoTracking()
            .Where(a => a.RespondentId == respondentId)
            .ToDictionaryAsync(a => a.QuestionId, a => new SavedAnswerView(a.Level, a.Comment, a.Evidence, a.UpdatedUtc), StringComparer.Ordinal, cancellationToken);
        var importance = await db.ImportanceRatings.AsNoTracking()
            .Where(i => i.RespondentId == respondentId)
            .ToDictionaryAsync(i => i.DimensionId, i => i.Rating, StringComparer.Ordinal, cancellationToken);
        var model = await models.LoadAsync(resolved.ModelVersionId, cancellationToken);
        var questions = model.Dimensions.Where(d => resolved.DimensionsInScope.Contains(d.Id)).Sum(d => d.Questions.Count);
        var respondent = resolved.Respondent;
        return new QuestionnaireView(
            resolved.RoundId, resolved.RoundName, resolved.OrganisationName, resolved.RoundStatus, resolved.ClosesOn, respondentId,
            respondent.Name, respondent.Group, respondent.Status,
            CanEdit: RoundRules.IsWaitingForAnswers(resolved.RoundStatus, respondent.Status),
            model, resolved.DimensionsInScope, answers, importance, respondent.LastDimensionId, questions,
            string.IsNullOrWhiteSpace(resolved.InvitedBy) ? null : resolved.InvitedBy,
            resolved.MinimumGroupSize,
            resolved.Anonymous);
    }

    /// <summary>
    /// Saves answers and importance ratings in one transaction, then hands the questionnaire in when
    /// <see cref="SaveAnswersRequest.Submit"/>. Every input problem is reported at once and nothing is saved. One
    /// more answer of a respondent in progress costs two statements (reading the respondent, the upsert); the first
    /// answer, or handing in, three (and a transaction around the writes).
    /// </summary>
    /// <exception cref="ValidationException">Keys such as <c>answers[3].level</c>, <c>answers[0].questionId</c>, <c>importance.voc</c>.</exception>
    /// <exception cref="ConflictException">The round is not open, or the respondent already submitted.</exception>
    public async Task<RespondentProgressView> SaveAsync(RespondentRef who, SaveAnswersRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var resolved = await ResolveAsync(db, who, track: true, cancellationToken);
            var model = await models.LoadAsync(resolved.ModelVersionId, cancellationToken);
            var target = new AnswerWriter.Target(
                resolved.Respondent, resolved.RoundStatus, model, resolved.DimensionsInScope, resolved.Answered, resolved.OrganisationId, resolved.Anonymous);
            try
            {
                return await AnswerWriter.WriteAsync(
                    db, target, request.Answers ?? [], request.Importance, AnswerWriteMode.Merge, request.Submit,
                    allowOverwriteSubmitted: false, time.GetUtcNow().UtcDateTime, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < SaveAttempts)
            {
                // Rolled back with the transaction; read the respondent again and save again.
            }
        }
    }

    /// <summary>The user's own questionnaire in a round, as a reference to open it with; null when they have none there.</summary>
    public async Task<RespondentRef?> FindMineAsync(string userId, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var respondentId = await db.Respondents.AsNoTracking()
            .Where(r => r.RoundId == roundId
                && r.UserId == userId
                && db.Memberships.Any(m => m.UserId == userId && m.OrganisationId == r.Round!.OrganisationId))
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return respondentId is { } id ? RespondentRef.Member(userId, roundId, id) : null;
    }

    /// <summary>The questionnaires of rounds the user answers in as a member, newest round first.</summary>
    public async Task<IReadOnlyList<MyQuestionnaireView>> ListMineAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await MineAsync(db, userId, cancellationToken);
    }

    /// <summary>The questionnaires of <paramref name="userId"/> in organisations they are still in, on the caller's context: for My work too.</summary>
    internal static async Task<IReadOnlyList<MyQuestionnaireView>> MineAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.Respondents.AsNoTracking()
            .Where(r => r.UserId == userId
                && db.Memberships.Any(m => m.UserId == userId && m.OrganisationId == r.Round!.OrganisationId))
            .OrderByDescending(r => r.Round!.CreatedUtc).ThenByDescending(r => r.RoundId)
            .Select(r => new MyQuestionnaireView(
                r.RoundId, r.Round!.Name, r.Round.Status, r.Round.ClosesOn, r.Round.OrganisationId,
                r.Round.Organisation!.Name, r.Id, r.Status))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The respondent and everything a read or a save needs of them, and the caller's right to them, in one query.
    /// A member's own questionnaire, or anyone's for Owner and CX lead; an invitation link's while the round is not
    /// closed. The queries are compiled once: the answer path runs them on every click.
    /// </summary>
    private static async Task<Resolved> ResolveAsync(AppDbContext db, RespondentRef who, bool track, CancellationToken cancellationToken)
    {
        var (roundId, respondentId, userId, hash) = who switch
        {
            RespondentRef.ByMember m => (m.RoundId, m.RespondentId, m.UserId, (string?)null),
            RespondentRef.ByInvitation i => (0, 0, "", Secrets.Hash(i.Secret ?? "")),
            _ => throw new ArgumentOutOfRangeException(nameof(who), who, "Unknown kind of respondent reference."),
        };
        var found = track
            ? await ForSaving(db, roundId, respondentId, userId, hash, cancellationToken)
            : await ForReading(db, roundId, respondentId, userId, hash, cancellationToken);
        if (hash is null)
        {
            if (found?.Role is not { } role)
            {
                throw new NotFoundException($"Respondent {respondentId} was not found in this round.");
            }

            if (found.Respondent.UserId != userId && !role.CanManage())
            {
                throw new ForbiddenException("You can only see and answer your own questionnaire.");
            }

            // Only a read carries the round's anonymity; a save (a survey tool pushing ratings) shows no answers back.
            if (found.Respondent.UserId != userId && found.Anonymous)
            {
                throw new ForbiddenException("This round is anonymous: nobody sees another person's answers beside who they are. Its results show the figures.");
            }

            return found;
        }

        if (found is null)
        {
            throw new NotFoundException("This invitation link is not valid. Ask the person who sent it for a new one.");
        }

        if (found.RoundStatus == RoundStatus.Closed)
        {
            throw new ConflictException("This invitation link has expired: the assessment round is closed.");
        }

        return found;
    }

    // A member names the round and respondent; an invitee presents the hash of the link's secret (then the member's
    // arguments are unused). For a member the row carries their role in the round's organisation, null if none.
    private static readonly Func<AppDbContext, int, int, string, string?, CancellationToken, Task<Resolved?>> ForSaving =
        EF.CompileAsyncQuery((AppDbContext db, int roundId, int respondentId, string userId, string? hash, CancellationToken _) =>
            db.Respondents
                .TagWith(ResolveTag)
                .Where(r => hash == null ? r.Id == respondentId && r.RoundId == roundId : r.InvitationTokenHash == hash)
                .Select(r => new Resolved(
                    r,
                    r.RoundId,
                    "",
                    r.Round!.Status,
                    null,
                    r.Round.ModelVersionId,
                    r.Round.DimensionsInScope,
                    "",
                    null,
                    // One text value rather than a collection: a collection would return a row per answer.
                    string.Join(AnsweredSeparator, r.Answers.Select(a => a.QuestionId)),
                    0,
                    r.Round.Anonymous,
                    r.Round.OrganisationId,
                    db.Memberships
                        .Where(m => hash == null && m.OrganisationId == r.Round.OrganisationId && m.UserId == userId)
                        .Select(m => (OrganisationRole?)m.Role)
                        .FirstOrDefault()))
                .FirstOrDefault());

    private static readonly Func<AppDbContext, int, int, string, string?, CancellationToken, Task<Resolved?>> ForReading =
        EF.CompileAsyncQuery((AppDbContext db, int roundId, int respondentId, string userId, string? hash, CancellationToken _) =>
            db.Respondents
                .AsNoTracking()
                .TagWith(ResolveTag)
                .Where(r => hash == null ? r.Id == respondentId && r.RoundId == roundId : r.InvitationTokenHash == hash)
                .Select(r => new Resolved(
                    r,
                    r.RoundId,
                    r.Round!.Name,
                    r.Round.Status,
                    r.Round.ClosesOn,
                    r.Round.ModelVersionId,
                    r.Round.DimensionsInScope,
                    r.Round.Organisation!.Name,
                    db.Users.Where(u => u.Id == r.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                    "",
                    r.Round.MinimumGroupSize,
                    r.Round.Anonymous,
                    r.Round.OrganisationId,
                    db.Memberships
                        .Where(m => hash == null && m.OrganisationId == r.Round.OrganisationId && m.UserId == userId)
                        .Select(m => (OrganisationRole?)m.Role)
                        .FirstOrDefault()))
                .FirstOrDefault());

    /// <summary>What <see cref="ResolveAsync"/> finds. Reading leaves the answered questions empty; saving leaves the names empty.</summary>
    private sealed record Resolved(
        Respondent Respondent,
        int RoundId,
        string RoundName,
        RoundStatus RoundStatus,
        DateOnly? ClosesOn,
        int ModelVersionId,
        List<string> DimensionsInScope,
        string OrganisationName,
        string? InvitedBy,
        string AnsweredQuestionIds,
        int MinimumGroupSize,
        bool Anonymous,
        int OrganisationId,
        OrganisationRole? Role)
    {
        /// <summary>The questions the respondent has answered (saving only).</summary>
        public IReadOnlyCollection<string> Answered =>
            AnsweredQuestionIds.Length == 0 ? [] : AnsweredQuestionIds.Split(AnsweredSeparator);
    }
}
