using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Questionnaires;

/// <summary>How <see cref="AnswerWriter"/> treats the answers a respondent already has.</summary>
internal enum AnswerWriteMode
{
    /// <summary>The given answers are added or updated; the others stay.</summary>
    Merge,

    /// <summary>The given answers replace every answer the respondent had (a questionnaire import).</summary>
    Replace,
}

/// <summary>
/// The one place answers are written, on the caller's context and inside the caller's transaction, for the
/// questionnaire page, the API and the workbook import alike. It validates every answer and rating against the
/// round's model and scope, refuses a round that is not open and, unless told otherwise, a respondent who already
/// submitted; applies the respondent's own rules (answering, submitting, reopening); then writes the answers in one
/// statement, in a transaction when there is more than one statement to send, and reports progress from what it
/// knows, without counting in the database.
/// </summary>
internal static class AnswerWriter
{
    /// <summary>What a write acts on: the tracked respondent, its round's state, model and scope, and what they had answered.</summary>
    public sealed record Target(
        Respondent Respondent,
        RoundStatus RoundStatus,
        MaturityModel Model,
        IReadOnlyList<string> DimensionsInScope,
        IReadOnlyCollection<string> AnsweredBefore,
        int OrganisationId,
        bool Anonymous);

    /// <exception cref="ValidationException">Keys such as <c>answers[3].level</c>, <c>answers[0].questionId</c>, <c>importance.voc</c>.</exception>
    /// <exception cref="ConflictException">The round is not open, or the respondent submitted and overwriting is not allowed.</exception>
    public static async Task<RespondentProgressView> WriteAsync(
        AppDbContext db,
        Target target,
        IReadOnlyList<AnswerInput> answers,
        IReadOnlyDictionary<string, int?>? importance,
        AnswerWriteMode mode,
        bool submit,
        bool allowOverwriteSubmitted,
        DateTime now,
        CancellationToken cancellationToken)
    {
        var questions = target.Model.Dimensions
            .Where(d => target.DimensionsInScope.Contains(d.Id))
            .SelectMany(d => d.Questions)
            .ToDictionary(q => q.Id, StringComparer.Ordinal);
        Validate(target.Model, target.DimensionsInScope, questions, answers, importance);

        if (RoundLifecycle.AnswersRefusal(target.RoundStatus) is { } refusal)
        {
            throw new ConflictException(refusal);
        }

        var respondent = target.Respondent;
        if (respondent.Status == RespondentStatus.Submitted && !allowOverwriteSubmitted)
        {
            throw new ConflictException("Answers were already submitted; they can no longer be changed.");
        }

        // The respondent's own rules first, in memory: whether they change decides how many statements are sent.
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

        // One statement needs no transaction of its own: saving one more answer of a respondent in progress is a
        // single upsert. More than one run in a transaction, the caller's if it has one.
        db.ChangeTracker.DetectChanges();
        var statements = (mode == AnswerWriteMode.Replace ? 1 : 0) + (answers.Count > 0 ? 1 : 0)
            + (importance?.Values.Any(r => r is null) == true ? 1 : 0) + (importance?.Values.Any(r => r is not null) == true ? 1 : 0)
            + (db.ChangeTracker.HasChanges() ? 1 : 0)
            // The answers' audit lines go in the same command but are a statement of their own: with them, the
            // command runs in a transaction, so a line is never kept without its answer.
            + (answers.Count > 0 ? 1 : 0);
        await using var transaction = statements > 1 && db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        if (mode == AnswerWriteMode.Replace)
        {
            await db.Answers.Where(a => a.RespondentId == respondent.Id).ExecuteDeleteAsync(cancellationToken);
        }

        // Each answer is audited in the same statement that writes it, from the level it had: in an anonymous round
        // without the respondent's name or account (RULES.md §5.14).
        var audit = new AnswerRows.AnswerAudit(
            target.OrganisationId,
            respondent.RoundId,
            target.Anonymous ? null : db.ActingUserId ?? respondent.UserId,
            target.Anonymous ? AnonymousRespondent(respondent.RoundId) : $"{respondent.Name} (round {respondent.RoundId})",
            target.Anonymous);
        await AnswerRows.UpsertAnswersAsync(
            db,
            respondent.Id,
            [.. answers.Select(a => (a.QuestionId, a.Level, Clean(a.Comment), Clean(a.Evidence)))],
            now,
            cancellationToken,
            audit);
        if (importance is { Count: > 0 })
        {
            await AnswerRows.UpsertImportanceAsync(db, respondent.Id, importance, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        var answered = new HashSet<string>(mode == AnswerWriteMode.Replace ? [] : target.AnsweredBefore, StringComparer.Ordinal);
        answered.UnionWith(answers.Select(a => a.QuestionId));
        answered.IntersectWith(questions.Keys);
        var completion = RespondentCompletion.Of(respondent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), answered.Count, questions.Count);
        return new RespondentProgressView(respondent.Id, respondent.Status, completion.Answered, completion.Questions, completion.Ratio, now);
    }

    /// <summary>How the audit log names a respondent of an anonymous round: not at all.</summary>
    internal static string AnonymousRespondent(int roundId) => $"Round {roundId}, anonymous respondent";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Validate(
        MaturityModel model,
        IReadOnlyCollection<string> scope,
        IReadOnlyDictionary<string, Question> questions,
        IReadOnlyList<AnswerInput> answers,
        IReadOnlyDictionary<string, int?>? importance)
    {
        var errors = new ValidationErrors();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < answers.Count; i++)
        {
            var key = $"answers[{i}]";
            var answer = answers[i];
            if (answer is null)
            {
                errors.Add(key, "An answer is missing.");
                continue;
            }

            if (!questions.ContainsKey(answer.QuestionId ?? ""))
            {
                errors.Add($"{key}.questionId", model.FindQuestion(answer.QuestionId ?? "") is null
                    ? $"There is no question '{answer.QuestionId}' in model '{model.Id}'."
                    : $"Question '{answer.QuestionId}' is not in this round's scope.");
            }
            else if (!seen.Add(answer.QuestionId!))
            {
                errors.Add($"{key}.questionId", $"Question '{answer.QuestionId}' is answered more than once in this request.");
            }

            if (answer.Level is < Stages.Min or > Stages.Max)
            {
                errors.Add($"{key}.level", $"Level {answer.Level} is not allowed: choose 1 to 5, or null for Not applicable.");
            }

            errors.Text($"{key}.comment", answer.Comment, FieldLimits.Comment, "a comment", required: false);
            errors.Text($"{key}.evidence", answer.Evidence, FieldLimits.Comment, "evidence", required: false);
        }

        foreach (var (dimensionId, rating) in importance ?? new Dictionary<string, int?>())
        {
            if (!scope.Contains(dimensionId))
            {
                errors.Add($"importance.{dimensionId}", model.FindDimension(dimensionId) is null
                    ? $"There is no dimension '{dimensionId}' in model '{model.Id}'."
                    : $"Dimension '{dimensionId}' is not in this round's scope.");
            }
            else if (rating is { } r && !Importance.IsValid(r))
            {
                errors.Add($"importance.{dimensionId}", $"Importance {rating} is not allowed: choose {Importance.Min} (low) to {Importance.Max} (critical).");
            }
        }

        errors.ThrowIfAny();
    }
}
