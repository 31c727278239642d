using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Assessments;

public sealed partial class AssessmentService
{

    /// <summary>
    /// Saves a respondent's answers (and optionally importance ratings) in one transaction, then hands the
    /// questionnaire in when <see cref="SaveAnswersRequest.Submit"/>. The respondent's own user, or an Owner or CX
    /// lead entering answers on their behalf. Every input problem is reported at once and nothing is saved.
    /// </summary>
    /// <exception cref="NotFoundException">The respondent is not in this round.</exception>
    /// <exception cref="ValidationException">Keys such as <c>answers[3].level</c>, <c>answers[0].questionId</c>, <c>importance.voc</c>.</exception>
    /// <exception cref="ConflictException">The round is not open, or the respondent already submitted.</exception>
    public async Task<RespondentProgressView> SaveAnswersAsync(
        string userId,
        int roundId,
        int respondentId,
        SaveAnswersRequest request,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var target = await RespondentForUserAsync(db, userId, roundId, respondentId, cancellationToken);
        return await SaveAsync(db, target, request, i => $"answers[{i}]", cancellationToken);
    }

    /// <summary>Saves one answer the moment it is chosen (the questionnaire page). Same rules as <see cref="SaveAnswersAsync"/>; keys have no prefix.</summary>
    public async Task<AnswerSavedView> SaveAnswerAsync(
        string userId,
        int roundId,
        int respondentId,
        AnswerInput answer,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var target = await RespondentForUserAsync(db, userId, roundId, respondentId, cancellationToken);
        var progress = await SaveAsync(db, target, new SaveAnswersRequest([answer]), _ => "", cancellationToken);
        return new AnswerSavedView(answer.QuestionId, progress.SavedUtc, progress);
    }

    /// <summary>Rates how important a dimension is, 1..5, or removes the rating with <c>null</c>. Same rules as <see cref="SaveAnswersAsync"/>.</summary>
    public async Task<RespondentProgressView> SaveImportanceAsync(
        string userId,
        int roundId,
        int respondentId,
        string dimensionId,
        int? rating,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var target = await RespondentForUserAsync(db, userId, roundId, respondentId, cancellationToken);
        return await SaveCoreAsync(db, target, [], new Dictionary<string, int?> { [dimensionId] = rating }, false, _ => "", cancellationToken);
    }

    /// <summary>The questionnaire of a respondent: their own user, or an Owner or CX lead (who see answers and comments).</summary>
    public async Task<QuestionnaireView> GetQuestionnaireAsync(
        string userId,
        int roundId,
        int respondentId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var target = await RespondentForUserAsync(db, userId, roundId, respondentId, cancellationToken);
        return await QuestionnaireAsync(db, target, cancellationToken);
    }

    /// <summary>The questionnaires of rounds the user answers in as a member, newest round first.</summary>
    public async Task<IReadOnlyList<MyQuestionnaireView>> ListMyQuestionnairesAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Respondents.AsNoTracking()
            .Where(r => r.UserId == userId
                && db.Memberships.Any(m => m.UserId == userId && m.OrganisationId == r.Round!.OrganisationId))
            .OrderByDescending(r => r.Round!.CreatedUtc).ThenByDescending(r => r.RoundId)
            .Select(r => new MyQuestionnaireView(
                r.RoundId, r.Round!.Name, r.Round.Status, r.Round.ClosesOn, r.Round.OrganisationId,
                r.Round.Organisation!.Name, r.Id, r.Status))
            .ToListAsync(cancellationToken);
    }

    /// <summary>What an invitation link opens, for an invitee without an account.</summary>
    /// <exception cref="NotFoundException">The link is not valid (unknown or replaced secret).</exception>
    /// <exception cref="ConflictException">The link has expired: the round is closed.</exception>
    public async Task<InvitationView> ResolveInvitationAsync(string secret, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var target = await RespondentForInvitationAsync(db, secret, cancellationToken);
        return await db.Respondents.AsNoTracking()
            .Where(r => r.Id == target.RespondentId)
            .Select(r => new InvitationView(
                r.Id, r.Name, r.Group, r.Status, r.RoundId, r.Round!.Name, r.Round.Organisation!.Name, r.Round.ClosesOn))
            .SingleAsync(cancellationToken);
    }

    /// <summary>The questionnaire an invitation link opens.</summary>
    public async Task<QuestionnaireView> GetInvitationQuestionnaireAsync(string secret, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await QuestionnaireAsync(db, await RespondentForInvitationAsync(db, secret, cancellationToken), cancellationToken);
    }

    /// <summary><see cref="SaveAnswersAsync"/> for the invitee holding the invitation secret.</summary>
    public async Task<RespondentProgressView> SaveInvitationAnswersAsync(
        string secret,
        SaveAnswersRequest request,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var target = await RespondentForInvitationAsync(db, secret, cancellationToken);
        return await SaveAsync(db, target, request, i => $"answers[{i}]", cancellationToken);
    }

    /// <summary><see cref="SaveAnswerAsync"/> for the invitee holding the invitation secret.</summary>
    public async Task<AnswerSavedView> SaveInvitationAnswerAsync(
        string secret,
        AnswerInput answer,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var target = await RespondentForInvitationAsync(db, secret, cancellationToken);
        var progress = await SaveAsync(db, target, new SaveAnswersRequest([answer]), _ => "", cancellationToken);
        return new AnswerSavedView(answer.QuestionId, progress.SavedUtc, progress);
    }

    /// <summary><see cref="SaveImportanceAsync"/> for the invitee holding the invitation secret.</summary>
    public async Task<RespondentProgressView> SaveInvitationImportanceAsync(
        string secret,
        string dimensionId,
        int? rating,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var target = await RespondentForInvitationAsync(db, secret, cancellationToken);
        return await SaveCoreAsync(db, target, [], new Dictionary<string, int?> { [dimensionId] = rating }, false, _ => "", cancellationToken);
    }

    private static async Task<RespondentTarget> RespondentForUserAsync(
        AppDbContext db,
        string userId,
        int roundId,
        int respondentId,
        CancellationToken cancellationToken)
    {
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Everyone);
        var respondent = await db.Respondents.AsNoTracking()
            .Where(r => r.Id == respondentId && r.RoundId == roundId)
            .Select(r => new { r.UserId, r.Round!.ModelVersionId, r.Round.DimensionsInScope })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw RespondentNotFound(respondentId);
        if (respondent.UserId != userId && !access.Role.CanManage())
        {
            throw new ForbiddenException("You can only see and answer your own questionnaire.");
        }

        return new RespondentTarget(respondentId, roundId, respondent.ModelVersionId, respondent.DimensionsInScope);
    }

    private static async Task<RespondentTarget> RespondentForInvitationAsync(AppDbContext db, string secret, CancellationToken cancellationToken)
    {
        var hash = Secrets.Hash(secret ?? "");
        var respondent = await db.Respondents.AsNoTracking()
            .Where(r => r.InvitationTokenHash == hash)
            .Select(r => new { r.Id, r.RoundId, r.Round!.Status, r.Round.ModelVersionId, r.Round.DimensionsInScope })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("This invitation link is not valid. Ask the person who sent it for a new one.");
        if (respondent.Status == RoundStatus.Closed)
        {
            throw new ConflictException("This invitation link has expired: the assessment round is closed.");
        }

        return new RespondentTarget(respondent.Id, respondent.RoundId, respondent.ModelVersionId, respondent.DimensionsInScope);
    }

    private Task<RespondentProgressView> SaveAsync(
        AppDbContext db,
        RespondentTarget target,
        SaveAnswersRequest request,
        Func<int, string> keyOf,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var importance = request.Importance?.ToDictionary(i => i.Key, i => (int?)i.Value, StringComparer.Ordinal);
        return SaveCoreAsync(db, target, request.Answers ?? [], importance, request.Submit, keyOf, cancellationToken);
    }

    private async Task<RespondentProgressView> SaveCoreAsync(
        AppDbContext db,
        RespondentTarget target,
        IReadOnlyList<AnswerInput> answers,
        IReadOnlyDictionary<string, int?>? importance,
        bool submit,
        Func<int, string> keyOf,
        CancellationToken cancellationToken)
    {
        // The transaction holds SQLite's one write lock from its first statement, so it runs as few as it can: no
        // savepoint around SaveChanges (a failure rolls the whole transaction back anyway).
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == target.RoundId, cancellationToken);
        var respondent = await db.Respondents.SingleAsync(r => r.Id == target.RespondentId, cancellationToken);
        var progress = await WriteAnswersAsync(
            db, round, respondent, answers, importance, AnswerWriteMode.Merge, submit, allowOverwriteSubmitted: false, keyOf, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return progress;
    }

    /// <summary>
    /// The one place answers are written, inside the caller's transaction (the caller loads <paramref name="round"/>
    /// and the tracked <paramref name="respondent"/> in it): validates every answer and rating against the round's
    /// model and scope, refuses a round that is not open and, unless <paramref name="allowOverwriteSubmitted"/>, a
    /// respondent who already submitted; then saves, marks the respondent as answering, submits with
    /// <paramref name="submit"/> or else puts a submitted respondent back in progress, and reports progress.
    /// <see cref="AnswerWriteMode.Merge"/> upserts the given answers; <see cref="AnswerWriteMode.Replace"/> first
    /// removes every answer the respondent had (importance ratings are kept unless given).
    /// </summary>
    /// <exception cref="ValidationException">Keys from <paramref name="keyOf"/>, such as <c>answers[3].level</c>, and <c>importance.voc</c>.</exception>
    /// <exception cref="ConflictException">The round is not open, or the respondent submitted and overwriting is not allowed.</exception>
    internal async Task<RespondentProgressView> WriteAnswersAsync(
        AppDbContext db,
        AssessmentRound round,
        Respondent respondent,
        IReadOnlyList<AnswerInput> answers,
        IReadOnlyDictionary<string, int?>? importance,
        AnswerWriteMode mode,
        bool submit,
        bool allowOverwriteSubmitted,
        Func<int, string> keyOf,
        CancellationToken cancellationToken)
    {
        var model = await models.LoadAsync(round.ModelVersionId, cancellationToken);
        var questions = QuestionsInScope(model, round.DimensionsInScope);
        ValidateAnswers(model, round.DimensionsInScope, questions, answers, importance, keyOf);

        if (round.Status != RoundStatus.Open)
        {
            throw new ConflictException(round.Status == RoundStatus.Closed
                ? "The round is closed; answers can no longer be changed."
                : "The round is not open yet; answers cannot be saved.");
        }

        if (respondent.Status == RespondentStatus.Submitted && !allowOverwriteSubmitted)
        {
            throw new ConflictException("Answers were already submitted; they can no longer be changed.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        Dictionary<string, Answer> existing;
        if (mode == AnswerWriteMode.Replace)
        {
            await db.Answers.Where(a => a.RespondentId == respondent.Id).ExecuteDeleteAsync(cancellationToken);
            existing = new Dictionary<string, Answer>(StringComparer.Ordinal);
        }
        else
        {
            var questionIds = answers.Select(a => a.QuestionId).ToList();
            existing = await db.Answers
                .Where(a => a.RespondentId == respondent.Id && questionIds.Contains(a.QuestionId))
                .ToDictionaryAsync(a => a.QuestionId, StringComparer.Ordinal, cancellationToken);
        }

        foreach (var input in answers)
        {
            if (!existing.TryGetValue(input.QuestionId, out var answer))
            {
                answer = new Answer { RespondentId = respondent.Id, QuestionId = input.QuestionId };
                db.Answers.Add(answer);
            }

            answer.Level = input.Level;
            answer.Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
            answer.Evidence = string.IsNullOrWhiteSpace(input.Evidence) ? null : input.Evidence.Trim();
            answer.UpdatedUtc = now;
        }

        if (importance is { Count: > 0 })
        {
            await SaveImportanceRatingsAsync(db, respondent.Id, importance, cancellationToken);
        }

        if (mode == AnswerWriteMode.Replace || answers.Count > 0 || importance is { Count: > 0 } || submit)
        {
            respondent.MarkAnswered(now, answers.Count > 0 ? questions[answers[^1].QuestionId].DimensionId : null);
        }

        if (submit)
        {
            respondent.Submit(now);
        }
        else if (respondent.Status == RespondentStatus.Submitted)
        {
            respondent.Reopen();
        }

        await db.SaveChangesAsync(cancellationToken);
        var answered = await db.Answers.CountAsync(a => a.RespondentId == respondent.Id, cancellationToken);
        return new RespondentProgressView(
            respondent.Id, respondent.Status, answered, questions.Count,
            questions.Count > 0 ? (double)answered / questions.Count : 0, now);
    }

    private static async Task SaveImportanceRatingsAsync(
        AppDbContext db,
        int respondentId,
        IReadOnlyDictionary<string, int?> importance,
        CancellationToken cancellationToken)
    {
        var dimensionIds = importance.Keys.ToList();
        var ratings = await db.ImportanceRatings
            .Where(i => i.RespondentId == respondentId && dimensionIds.Contains(i.DimensionId))
            .ToDictionaryAsync(i => i.DimensionId, StringComparer.Ordinal, cancellationToken);
        foreach (var (dimensionId, value) in importance)
        {
            var rating = ratings.GetValueOrDefault(dimensionId);
            if (value is not { } v)
            {
                if (rating is not null)
                {
                    db.ImportanceRatings.Remove(rating);
                }
            }
            else if (rating is null)
            {
                db.ImportanceRatings.Add(new ImportanceRating { RespondentId = respondentId, DimensionId = dimensionId, Rating = v });
            }
            else
            {
                rating.Rating = v;
            }
        }
    }

    private static void ValidateAnswers(
        MaturityModel model,
        IReadOnlyCollection<string> scope,
        IReadOnlyDictionary<string, Question> questions,
        IReadOnlyList<AnswerInput> answers,
        IReadOnlyDictionary<string, int?>? importance,
        Func<int, string> keyOf)
    {
        var errors = new ValidationErrors();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < answers.Count; i++)
        {
            var key = keyOf(i);
            string Field(string name) => key.Length == 0 ? name : $"{key}.{name}";
            var answer = answers[i];
            if (answer is null)
            {
                errors.Add(key.Length == 0 ? "answer" : key, "An answer is missing.");
                continue;
            }

            if (!questions.ContainsKey(answer.QuestionId ?? ""))
            {
                errors.Add(Field("questionId"), model.FindQuestion(answer.QuestionId ?? "") is null
                    ? $"There is no question '{answer.QuestionId}' in model '{model.Id}'."
                    : $"Question '{answer.QuestionId}' is not in this round's scope.");
            }
            else if (!seen.Add(answer.QuestionId!))
            {
                errors.Add(Field("questionId"), $"Question '{answer.QuestionId}' is answered more than once in this request.");
            }

            if (answer.Level is < Stages.Min or > Stages.Max)
            {
                errors.Add(Field("level"), $"Level {answer.Level} is not allowed: choose 1 to 5, or null for Not applicable.");
            }

            if (answer.Comment?.Length > FieldLimits.Comment)
            {
                errors.Add(Field("comment"), $"A comment can be at most {FieldLimits.Comment} characters.");
            }

            if (answer.Evidence?.Length > FieldLimits.Comment)
            {
                errors.Add(Field("evidence"), $"Evidence can be at most {FieldLimits.Comment} characters.");
            }

            errors.AddIfMalformed(Field("comment"), answer.Comment);
            errors.AddIfMalformed(Field("evidence"), answer.Evidence);
        }

        foreach (var (dimensionId, rating) in importance ?? new Dictionary<string, int?>())
        {
            if (!scope.Contains(dimensionId))
            {
                errors.Add($"importance.{dimensionId}", model.FindDimension(dimensionId) is null
                    ? $"There is no dimension '{dimensionId}' in model '{model.Id}'."
                    : $"Dimension '{dimensionId}' is not in this round's scope.");
            }
            else if (rating is < 1 or > 5)
            {
                errors.Add($"importance.{dimensionId}", $"Importance {rating} is not allowed: choose 1 (low) to 5 (critical).");
            }
        }

        errors.ThrowIfAny();
    }

    private async Task<QuestionnaireView> QuestionnaireAsync(AppDbContext db, RespondentTarget target, CancellationToken cancellationToken)
    {
        var row = await db.Respondents.AsNoTracking()
            .Where(r => r.Id == target.RespondentId)
            .Select(r => new
            {
                r.Name,
                r.Group,
                r.Status,
                r.LastDimensionId,
                InvitedBy = db.Users.Where(u => u.Id == r.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                RoundName = r.Round!.Name,
                RoundStatus = r.Round.Status,
                r.Round.ClosesOn,
                OrganisationName = r.Round.Organisation!.Name,
            })
            .SingleAsync(cancellationToken);
        var answers = await db.Answers.AsNoTracking()
            .Where(a => a.RespondentId == target.RespondentId)
            .ToDictionaryAsync(
                a => a.QuestionId,
                a => new SavedAnswerView(a.Level, a.Comment, a.Evidence, a.UpdatedUtc),
                StringComparer.Ordinal,
                cancellationToken);
        var importance = await db.ImportanceRatings.AsNoTracking()
            .Where(i => i.RespondentId == target.RespondentId)
            .ToDictionaryAsync(i => i.DimensionId, i => i.Rating, StringComparer.Ordinal, cancellationToken);
        var model = await models.LoadAsync(target.ModelVersionId, cancellationToken);

        return new QuestionnaireView(
            target.RoundId, row.RoundName, row.OrganisationName, row.RoundStatus, row.ClosesOn, target.RespondentId,
            row.Name, row.Group, row.Status,
            CanEdit: row.RoundStatus == RoundStatus.Open && row.Status != RespondentStatus.Submitted,
            model, target.DimensionsInScope, answers, importance, row.LastDimensionId,
            QuestionsInScope(model, target.DimensionsInScope).Count,
            string.IsNullOrWhiteSpace(row.InvitedBy) ? null : row.InvitedBy,
            ScoringOptions.DefaultMinimumGroupSize);
    }

    private sealed record RespondentTarget(int RespondentId, int RoundId, int ModelVersionId, IReadOnlyList<string> DimensionsInScope);
}

/// <summary>How <see cref="AssessmentService.WriteAnswersAsync"/> treats the answers a respondent already has.</summary>
internal enum AnswerWriteMode
{
    /// <summary>The given answers are added or updated; the others stay.</summary>
    Merge,

    /// <summary>The given answers replace every answer the respondent had (a questionnaire import).</summary>
    Replace,
}
