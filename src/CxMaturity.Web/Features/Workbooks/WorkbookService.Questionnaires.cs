using System.Globalization;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Assessment.Workbooks;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Results;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Workbooks;

public sealed partial class WorkbookService
{
    private const string QuestionnaireSheet = "Questions";

    /// <summary>
    /// The questionnaire workbook of a round for answering offline, signed for this round: blank (the importer then
    /// names the respondent) or made for one respondent. Owner and CX lead.
    /// </summary>
    /// <exception cref="NotFoundException">The round is not the caller's, or the respondent is not in it.</exception>
    /// <exception cref="ForbiddenException">The caller is not Owner or CX lead.</exception>
    /// <exception cref="ExportsBusyException">Too many workbooks are being built; try again later.</exception>
    public async Task<WorkbookFile> ExportQuestionnaireAsync(
        string userId,
        int roundId,
        int? respondentId = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var round = await RoundAsync(db, userId, roundId, cancellationToken);
        var respondent = respondentId is { } id
            ? await db.Respondents.AsNoTracking()
                  .Where(r => r.Id == id && r.RoundId == roundId)
                  .Select(r => new { r.Id, r.Name })
                  .FirstOrDefaultAsync(cancellationToken)
              ?? throw new NotFoundException($"Respondent {id} is not part of round \"{round.Name}\".")
            : null;

        var model = await models.LoadAsync(round.ModelVersionId, cancellationToken);
        var data = new QuestionnaireWorkbookData(
            model.Id,
            model.Version,
            model.Title,
            RoundKey(roundId),
            round.Name,
            respondent?.Id.ToString(CultureInfo.InvariantCulture),
            respondent?.Name,
            [.. InScope(model, round.DimensionsInScope).Select(QuestionnaireDimension.From)]);

        using (await limiter.EnterAsync(cancellationToken))
        {
            var key = signingKey.Get();
            var content = await WriteAsync(output => QuestionnaireWorkbookWriter.Write(data, output, key), cancellationToken);
            return new WorkbookFile(WorkbookFileNames.Questionnaire(round.OrganisationName, round.Name, respondent?.Name), content);
        }
    }

    /// <summary>
    /// Reads a filled questionnaire workbook without importing it: every problem, or whose answers it holds and how
    /// many, so that a page can ask for the respondent of a blank workbook and for confirmation before overwriting.
    /// Owner and CX lead.
    /// </summary>
    public async Task<QuestionnaireInspection> InspectQuestionnaireAsync(
        string userId,
        int roundId,
        Stream file,
        string fileName,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var round = await RoundAsync(db, userId, roundId, cancellationToken);
        var (read, questions) = await ReadAsync(round, file, fileName, cancellationToken);
        var problems = read.Problems.Select(ImportProblemView.From).ToList();
        if (!read.IsValid)
        {
            return new QuestionnaireInspection(problems, false, null, null, null, null, 0, 0, 0);
        }

        var counts = Counts(read, questions);
        if (read.RespondentId is null)
        {
            return new QuestionnaireInspection(problems, true, null, null, null, null, counts.Answered, counts.NotApplicable, counts.Unanswered);
        }

        var respondent = await SignedRespondentAsync(db, roundId, read);
        if (respondent is null)
        {
            problems.Add(RespondentGone(read, round.Name));
        }

        return new QuestionnaireInspection(
            problems, false, respondent?.Id, respondent?.Name ?? read.RespondentName, respondent?.Status, respondent?.SubmittedUtc,
            counts.Answered, counts.NotApplicable, counts.Unanswered);
    }

    /// <summary>
    /// Imports a filled questionnaire workbook, all or nothing: the workbook's answers replace every answer
    /// the respondent had saved, in one transaction, and with <see cref="QuestionnaireImportRequest.Submit"/> the
    /// questionnaire is handed in. Refused, with every problem and nothing changed: anything the importer refuses
    /// (size, file type, signature, round, model version, answers), a round that is not open, a respondent who is
    /// not in the round or not named for a blank workbook, a comment longer than an answer may hold, and a
    /// respondent who already submitted unless <see cref="QuestionnaireImportRequest.ConfirmOverwrite"/>.
    /// A new respondent of a blank workbook is added with the rules every respondent joins by (name, email, group), in
    /// the same transaction as the answers: a refusal leaves no respondent behind. Owner and CX lead.
    /// </summary>
    /// <exception cref="NotFoundException">The round is not the caller's.</exception>
    /// <exception cref="ForbiddenException">The caller is not Owner or CX lead.</exception>
    /// <exception cref="ExportsBusyException">Too many workbooks are being read; try again later.</exception>
    public async Task<QuestionnaireImportOutcome> ImportQuestionnaireAsync(
        string userId,
        int roundId,
        QuestionnaireImportRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var round = await RoundAsync(db, userId, roundId, cancellationToken);
        var (read, questions) = await ReadAsync(round, request.File, request.FileName, cancellationToken);
        var problems = read.Problems.Select(ImportProblemView.From).ToList();
        if (round.Status != RoundStatus.Open)
        {
            problems.Insert(0, RoundNotOpen(round));
        }

        if (!read.IsValid)
        {
            return QuestionnaireImportOutcome.Refused(problems);
        }

        foreach (var answer in read.Answers.Values.Where(a => a.Comment?.Length > FieldLimits.Comment))
        {
            problems.Add(new ImportProblemView(QuestionnaireSheet, null, string.Create(CultureInfo.InvariantCulture,
                $"The comment on question {answer.QuestionId} has {answer.Comment!.Length:N0} characters; a comment can hold at most {FieldLimits.Comment:N0}. Shorten it and import again.")));
        }

        var target = await TargetAsync(db, roundId, round.Name, read, request, problems);
        var confirmationRequired = false;
        if (target is { Status: RespondentStatus.Submitted } && !request.ConfirmOverwrite)
        {
            problems.Add(NeedsConfirmation(target));
            confirmationRequired = true;
        }

        if (problems.Count > 0)
        {
            return QuestionnaireImportOutcome.Refused(problems, confirmationRequired);
        }

        // One transaction: a new respondent, the answers and the handing in are all saved, or nothing is.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Respondent respondent;
        if (target is null)
        {
            try
            {
                var input = request.NewRespondent!;
                (respondent, _) = await RespondentRegistration.AddAsync(
                    db,
                    normalizer,
                    new RespondentRegistration.Round(round.Id, round.OrganisationId, round.Status, round.RespondentGroups),
                    new AddRespondentRequest(input.Name, input.Email, input.Group),
                    userId,
                    cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (ValidationException e)
            {
                return QuestionnaireImportOutcome.Refused([.. e.Errors.SelectMany(error => error.Value).Select(ImportProblemView.File)]);
            }
            catch (ConflictException e)
            {
                return QuestionnaireImportOutcome.Refused([ImportProblemView.File(e.Message)]);
            }
        }
        else
        {
            respondent = await db.Respondents.SingleAsync(r => r.Id == target.Id && r.RoundId == roundId, cancellationToken);
        }

        var overwrote = respondent.Status == RespondentStatus.Submitted;
        // The workbook's answers in questionnaire order, so that the respondent resumes at the last dimension answered.
        var answers = questions
            .Where(q => read.Answers.ContainsKey(q.Id))
            .Select(q => new AnswerInput(q.Id, read.Answers[q.Id].Level, read.Answers[q.Id].Comment))
            .ToList();
        var model = await models.LoadAsync(round.ModelVersionId, cancellationToken);
        RespondentProgressView progress;
        try
        {
            progress = await AnswerWriter.WriteAsync(
                db,
                new AnswerWriter.Target(respondent, round.Status, model, round.DimensionsInScope, [], round.OrganisationId, round.Settings.Anonymous),
                answers,
                importance: null,
                AnswerWriteMode.Replace,
                request.Submit,
                allowOverwriteSubmitted: request.ConfirmOverwrite,
                time.GetUtcNow().UtcDateTime,
                cancellationToken);
        }
        catch (ConflictException)
        {
            // Checked above, but the respondent may have submitted since it was read: report it as the import's own
            // problem, with the same wording and confirmation as when it is found up front.
            return QuestionnaireImportOutcome.Refused(
                [NeedsConfirmation(new TargetRespondent(respondent.Id, respondent.Name, respondent.Status, respondent.SubmittedUtc))],
                confirmationRequired: true);
        }

        await transaction.CommitAsync(cancellationToken);
        var counts = Counts(read, questions);
        return new QuestionnaireImportOutcome(
            new QuestionnaireImportSummary(
                respondent.Id, respondent.Name, respondent.Group, target is null, counts.Answered, counts.NotApplicable,
                counts.Unanswered, questions.Count, request.Submit, overwrote, progress.SavedUtc),
            [],
            false);
    }

    private async Task<(QuestionnaireImportResult Read, IReadOnlyList<Question> Questions)> ReadAsync(
        RoundFacts round,
        Stream file,
        string fileName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var model = await models.LoadAsync(round.ModelVersionId, cancellationToken);
        var dimensions = InScope(model, round.DimensionsInScope);
        var questions = dimensions.SelectMany(d => d.Questions).ToList();
        var expected = new QuestionnaireImportExpectation(
            model.Id, model.Version, RoundKey(round.Id), round.Name, [.. questions.Select(QuestionnaireQuestion.From)]);

        using (await limiter.EnterAsync(cancellationToken))
        {
            var content = await BufferAsync(file, cancellationToken);
            try
            {
                var key = signingKey.Get();
                var read = await Task.Run(() => QuestionnaireImporter.Read(content, fileName ?? "", expected, key), cancellationToken);
                return (read, questions);
            }
            finally
            {
                if (!ReferenceEquals(content, file))
                {
                    await content.DisposeAsync();
                }
            }
        }
    }

    // The importer reads synchronously; a request body or browser upload must be read asynchronously, so the file is
    // copied into memory first — at most one byte past the limit, which is enough for the importer to refuse it.
    private static async Task<Stream> BufferAsync(Stream file, CancellationToken cancellationToken)
    {
        if (file.CanSeek && file.Length - file.Position > QuestionnaireImporter.MaxFileBytes)
        {
            return file;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await file.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > QuestionnaireImporter.MaxFileBytes)
            {
                buffer.Position = 0;
                return new UnknownLengthStream(buffer);
            }
        }

        buffer.Position = 0;
        return buffer;
    }

    private async Task<TargetRespondent?> TargetAsync(
        AppDbContext db,
        int roundId,
        string roundName,
        QuestionnaireImportResult read,
        QuestionnaireImportRequest request,
        List<ImportProblemView> problems)
    {
        if (read.RespondentId is not null)
        {
            var signed = await SignedRespondentAsync(db, roundId, read);
            if (signed is null)
            {
                problems.Add(RespondentGone(read, roundName));
            }
            else if ((request.RespondentId is { } chosen && chosen != signed.Id) || request.NewRespondent is not null)
            {
                problems.Add(ImportProblemView.File(
                    $"This workbook was made for {signed.Name} and imports into their questionnaire only. Import it without choosing a respondent, or use a blank questionnaire workbook for someone else."));
            }

            return signed;
        }

        switch (request)
        {
            case { RespondentId: not null, NewRespondent: not null }:
                problems.Add(ImportProblemView.File("Choose an existing respondent or name a new one, not both."));
                return null;
            case { RespondentId: { } id }:
                var existing = await FindRespondentAsync(db, roundId, id);
                if (existing is null)
                {
                    problems.Add(ImportProblemView.File($"Respondent {id} is not part of round \"{roundName}\". Choose one of its respondents."));
                }

                return existing;
            case { NewRespondent: not null }:
                return null;
            default:
                problems.Add(ImportProblemView.File(
                    "This is a blank questionnaire workbook: choose the respondent whose answers it holds, or name a new one."));
                return null;
        }
    }

    private static async Task<TargetRespondent?> SignedRespondentAsync(AppDbContext db, int roundId, QuestionnaireImportResult read) =>
        int.TryParse(read.RespondentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await FindRespondentAsync(db, roundId, id)
            : null;

    private static Task<TargetRespondent?> FindRespondentAsync(AppDbContext db, int roundId, int respondentId) =>
        db.Respondents.AsNoTracking()
            .Where(r => r.Id == respondentId && r.RoundId == roundId)
            .Select(r => new TargetRespondent(r.Id, r.Name, r.Status, r.SubmittedUtc))
            .FirstOrDefaultAsync();

    private static async Task<RoundFacts> RoundAsync(AppDbContext db, string userId, int roundId, CancellationToken cancellationToken)
    {
        await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        return await RoundScoring.LoadFactsAsync(db, roundId, cancellationToken);
    }

    private static (int Answered, int NotApplicable, int Unanswered) Counts(QuestionnaireImportResult read, IReadOnlyList<Question> questions)
    {
        var answered = read.Answers.Values.Count(a => a.Level is not null);
        var notApplicable = read.Answers.Values.Count(a => a.Level is null);
        return (answered, notApplicable, questions.Count - answered - notApplicable);
    }

    private static List<Dimension> InScope(MaturityModel model, IReadOnlyCollection<string> scope) =>
        [.. model.Dimensions.Where(d => scope.Contains(d.Id)).OrderBy(d => d.Order)];

    // The round as the questionnaire's signature names it.
    private static string RoundKey(int roundId) => roundId.ToString(CultureInfo.InvariantCulture);

    private static ImportProblemView RoundNotOpen(RoundFacts round) => RoundNotOpen(round.Name, round.Status);

    private static ImportProblemView RoundNotOpen(string roundName, RoundStatus status) => ImportProblemView.File(status == RoundStatus.Closed
        ? $"Round \"{roundName}\" is closed, so answers can no longer change. Reopen it on the round's page to import this workbook."
        : $"Round \"{roundName}\" is not open yet, so answers cannot be saved. Open it first.");

    private static ImportProblemView RespondentGone(QuestionnaireImportResult read, string roundName) => ImportProblemView.File(
        $"This workbook was made for {read.RespondentName ?? "a respondent"}, who is no longer part of round \"{roundName}\". Download a blank questionnaire workbook, copy the answers into it and import that, naming the respondent.");

    private static ImportProblemView NeedsConfirmation(TargetRespondent respondent) => ImportProblemView.File(
        respondent.SubmittedUtc is { } submitted
            ? $"{respondent.Name} already submitted on {submitted.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture)} — confirm to overwrite their answers with this workbook's."
            : $"{respondent.Name} already submitted — confirm to overwrite their answers with this workbook's.");

    private sealed record TargetRespondent(int Id, string Name, RespondentStatus Status, DateTime? SubmittedUtc);

    /// <summary>A read-only view of a buffer that hides its length, as a request body does.</summary>
    private sealed class UnknownLengthStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
