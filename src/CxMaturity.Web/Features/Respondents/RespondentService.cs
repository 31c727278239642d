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

        var respondent = await FindAsync(db, roundId, respondentId, cancellationToken);
        var secret = Secrets.Create();
        respondent.InvitationTokenHash = Secrets.Hash(secret);
        await db.SaveChangesAsync(cancellationToken);

        return new RespondentCreatedView(await ViewAsync(db, round, respondent, cancellationToken), InvitationPath(secret));
    }

    /// <summary>
    /// Reads a respondent list (CSV, UTF-8) and checks it against the round without adding anyone: the people it
    /// would add and every problem, by line. Owner and CX lead.
    /// </summary>
    public async Task<RespondentListView> CheckListAsync(string userId, int roundId, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var (_, read) = await ReadListAsync(db, roundId, content, cancellationToken);
        return new RespondentListView(read.People, read.Problems);
    }

    /// <summary>
    /// Adds everyone on a respondent list in one transaction, each with an invitation link; when the list has any
    /// problem nobody is added. Owner and CX lead.
    /// </summary>
    /// <exception cref="ValidationException">Every problem, keyed by line (<c>line 4</c>; <c>list</c> for the list as a whole).</exception>
    /// <exception cref="ConflictException">The round is closed.</exception>
    public async Task<IReadOnlyList<RespondentView>> AddListAsync(string userId, int roundId, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var (round, read) = await ReadListAsync(db, roundId, content, cancellationToken);
        if (RoundLifecycle.RespondentsRefusal(round.Status) is { } refusal)
        {
            throw new ConflictException(refusal);
        }

        if (!read.IsClean)
        {
            var errors = new ValidationErrors();
            foreach (var problem in read.Problems)
            {
                errors.Add(problem.Line == 0 ? "list" : $"line {problem.Line}", problem.Message);
            }

            errors.ThrowIfAny();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await RespondentRegistration.AddListAsync(
            db, normalizer, new RespondentRegistration.Round(roundId, access.OrganisationId, round.Status, round.RespondentGroups),
            read.People, userId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var questions = await QuestionsAsync(round, cancellationToken);
        return [.. added.Select(a => View(a.Respondent, questions, 0))];
    }

    /// <summary>
    /// The members of the round's organisation who do not answer it yet, by name: whom "add members" offers. Owner
    /// and CX lead.
    /// </summary>
    public async Task<IReadOnlyList<MemberToAddView>> ListMembersToAddAsync(string userId, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var answering = db.Respondents.Where(r => r.RoundId == roundId);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == access.OrganisationId)
            .Where(m => !answering.Any(r => r.UserId == m.UserId || r.Email.ToLower() == m.User!.Email!.ToLower()))
            .Select(m => new MemberToAddView(m.UserId, m.User!.DisplayName, m.User.Email!))
            .ToListAsync(cancellationToken);
        return [.. members.OrderBy(m => m.DisplayName.Length > 0 ? m.DisplayName : m.Email, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>
    /// Adds members of the organisation to the round in one group, each linked to their account and given an
    /// invitation link; all or none. Owner and CX lead.
    /// </summary>
    /// <exception cref="ValidationException">Keys <c>members</c> and <c>group</c>.</exception>
    /// <exception cref="ConflictException">The round is closed.</exception>
    public async Task<IReadOnlyList<RespondentView>> AddMembersAsync(
        string userId, int roundId, AddMembersRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var round = await RoundAsync(db, roundId, cancellationToken);
        var added = await RespondentRegistration.AddMembersAsync(
            db, new RespondentRegistration.Round(roundId, access.OrganisationId, round.Status, round.RespondentGroups),
            request.MemberUserIds ?? [], request.Group, userId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var questions = await QuestionsAsync(round, cancellationToken);
        return [.. added.Select(a => View(a.Respondent, questions, 0))];
    }

    /// <summary>
    /// Changes a respondent's name, email and group until the round closes. A member's email is their account's and
    /// stays. Owner and CX lead.
    /// </summary>
    /// <exception cref="ValidationException">Keys <c>name</c>, <c>email</c>, <c>group</c>.</exception>
    /// <exception cref="ConflictException">The round is closed.</exception>
    public async Task<RespondentView> UpdateRespondentAsync(
        string userId,
        int roundId,
        int respondentId,
        UpdateRespondentRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var round = await EditableRoundAsync(db, roundId, cancellationToken);
        var respondent = await FindAsync(db, roundId, respondentId, cancellationToken);
        var errors = new ValidationErrors();
        var name = errors.Text("name", request.Name, FieldLimits.Name, "the respondent's name", required: true)!;
        var email = (request.Email ?? "").Trim();
        if (respondent.UserId is not null)
        {
            email = respondent.Email; // a member answers from their account, whose address is theirs to change
        }
        else if (!EmailAddresses.IsValid(email))
        {
            errors.Add("email", "Give a valid email address.");
        }
        else
        {
            var lowered = email.ToLowerInvariant();
            if (await db.Respondents.AnyAsync(r => r.RoundId == roundId && r.Id != respondentId && r.Email.ToLower() == lowered, cancellationToken))
            {
                errors.Add("email", $"{email} is already a respondent in this round.");
            }
        }

        var group = round.RespondentGroups.FirstOrDefault(g => string.Equals(g, request.Group?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (group is null)
        {
            errors.Add("group", $"Choose one of the round's respondent groups: {string.Join(", ", round.RespondentGroups)}.");
        }

        errors.ThrowIfAny();
        (respondent.Name, respondent.Email, respondent.Group) = (name, email, group!);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(db, round, respondent, cancellationToken);
    }

    /// <summary>
    /// Removes a respondent who has not handed in, with whatever they answered, until the round closes. Owner and
    /// CX lead.
    /// </summary>
    /// <exception cref="ConflictException">The round is closed, or the respondent has submitted (their answers count).</exception>
    public async Task RemoveRespondentAsync(string userId, int roundId, int respondentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        await EditableRoundAsync(db, roundId, cancellationToken);
        var respondent = await FindAsync(db, roundId, respondentId, cancellationToken);
        if (respondent.Status == RespondentStatus.Submitted)
        {
            throw new ConflictException($"{respondent.Name} has handed in; their answers count in the results and stay.");
        }

        // Their answers and importance ratings go with them (the database cascades), in this one statement.
        db.Respondents.Remove(respondent);
        await db.SaveChangesAsync(cancellationToken);
    }

    // The round, while its respondents may still change (RULES.md §3).
    private static async Task<RoundRow> EditableRoundAsync(AppDbContext db, int roundId, CancellationToken cancellationToken)
    {
        var round = await RoundAsync(db, roundId, cancellationToken);
        return RoundLifecycle.RespondentsRefusal(round.Status) is { } refusal ? throw new ConflictException(refusal) : round;
    }

    private static async Task<Respondent> FindAsync(AppDbContext db, int roundId, int respondentId, CancellationToken cancellationToken) =>
        await db.Respondents.SingleOrDefaultAsync(r => r.Id == respondentId && r.RoundId == roundId, cancellationToken)
            ?? throw new NotFoundException($"Respondent {respondentId} was not found in this round.");

    private async Task<RespondentView> ViewAsync(AppDbContext db, RoundRow round, Respondent respondent, CancellationToken cancellationToken)
    {
        var questions = await QuestionsAsync(round, cancellationToken);
        var inScope = questions.Select(q => q.Id).ToList();
        var answered = await db.Answers.CountAsync(a => a.RespondentId == respondent.Id && inScope.Contains(a.QuestionId), cancellationToken);
        return View(respondent, questions, answered);
    }

    private static async Task<(RoundRow Round, RespondentListResult Read)> ReadListAsync(
        AppDbContext db, int roundId, byte[] content, CancellationToken cancellationToken)
    {
        var round = await RoundAsync(db, roundId, cancellationToken);
        var emails = await db.Respondents.AsNoTracking().Where(r => r.RoundId == roundId).Select(r => r.Email).ToListAsync(cancellationToken);
        return (round, RespondentList.Read(content, round.RespondentGroups, emails));
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
