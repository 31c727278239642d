using System.Net.Mail;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Assessments;

public sealed partial class AssessmentService
{

    /// <summary>Path of the page an invitation secret opens.</summary>
    public static string InvitationPath(string secret) => $"/invitations/{secret}";

    /// <summary>
    /// Adds a respondent to an open or draft round and creates their invitation link. When the email belongs to a
    /// member of the organisation the respondent is linked to that account (a blank name then takes theirs).
    /// Owner and CX lead.
    /// </summary>
    /// <exception cref="ValidationException">A missing name, an invalid or duplicate email, or a group the organisation does not have.</exception>
    /// <exception cref="ConflictException">The round is closed.</exception>
    public async Task<RespondentCreatedView> AddRespondentAsync(
        string userId,
        int roundId,
        AddRespondentRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var round = await db.Rounds.AsNoTracking()
            .Where(r => r.Id == roundId)
            .Select(r => new { r.Status, r.ModelVersionId, r.DimensionsInScope, r.Organisation!.RespondentGroups })
            .SingleAsync(cancellationToken);
        if (round.Status == RoundStatus.Closed)
        {
            throw new ConflictException("The round is closed. Reopen it to add respondents.");
        }

        var errors = new ValidationErrors();
        var email = (request.Email ?? "").Trim();
        var member = default(MemberMatch);
        if (email.Length > FieldLimits.Email || !MailAddress.TryCreate(email, out _))
        {
            errors.Add("email", "Give a valid email address.");
        }
        else
        {
            var normalized = normalizer.NormalizeEmail(email);
            member = await db.Memberships.AsNoTracking()
                .Where(m => m.OrganisationId == access.OrganisationId && m.User!.NormalizedEmail == normalized)
                .Select(m => new MemberMatch(m.UserId, m.User!.DisplayName))
                .FirstOrDefaultAsync(cancellationToken);
            var lowered = email.ToLowerInvariant();
            var memberUserId = member?.UserId;
            var taken = await db.Respondents.AnyAsync(
                r => r.RoundId == roundId && (r.Email.ToLower() == lowered || (memberUserId != null && r.UserId == memberUserId)),
                cancellationToken);
            if (taken)
            {
                errors.Add("email", $"{email} is already a respondent in this round.");
            }
        }

        var name = (request.Name ?? "").Trim();
        if (name.Length == 0 && member is not null)
        {
            name = member.DisplayName.Length > 0 ? member.DisplayName : email;
        }

        if (name.Length is 0 or > FieldLimits.Name)
        {
            errors.Add("name", $"Give the respondent's name, 1 to {FieldLimits.Name} characters.");
        }

        errors.AddIfMalformed("name", name);

        var group = round.RespondentGroups.FirstOrDefault(g => string.Equals(g, request.Group?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (group is null)
        {
            errors.Add("group", $"Choose one of the organisation's respondent groups: {string.Join(", ", round.RespondentGroups)}.");
        }

        errors.ThrowIfAny();

        var secret = Secrets.Create();
        var respondent = new Respondent
        {
            RoundId = roundId,
            UserId = member?.UserId,
            Name = name,
            Email = email,
            Group = group!,
            Status = RespondentStatus.Invited,
            InvitationTokenHash = Secrets.Hash(secret),
            InvitedByUserId = userId,
        };
        db.Respondents.Add(respondent);
        await db.SaveChangesAsync(cancellationToken);

        var model = await models.LoadAsync(round.ModelVersionId, cancellationToken);
        return new RespondentCreatedView(View(respondent, QuestionsInScope(model, round.DimensionsInScope).Count, 0), InvitationPath(secret));
    }

    /// <summary>
    /// Replaces a respondent's invitation link with a new one (the old link stops working), for when the first was
    /// lost. Owner and CX lead.
    /// </summary>
    public async Task<RespondentCreatedView> ReissueInvitationAsync(
        string userId,
        int roundId,
        int respondentId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var round = await db.Rounds.AsNoTracking()
            .Where(r => r.Id == roundId)
            .Select(r => new { r.Status, r.ModelVersionId, r.DimensionsInScope })
            .SingleAsync(cancellationToken);
        if (round.Status == RoundStatus.Closed)
        {
            throw new ConflictException("The round is closed. Reopen it before sending new invitation links.");
        }

        var respondent = await db.Respondents.SingleOrDefaultAsync(r => r.Id == respondentId && r.RoundId == roundId, cancellationToken)
            ?? throw RespondentNotFound(respondentId);
        var secret = Secrets.Create();
        respondent.InvitationTokenHash = Secrets.Hash(secret);
        await db.SaveChangesAsync(cancellationToken);

        var answered = await db.Answers.CountAsync(a => a.RespondentId == respondentId, cancellationToken);
        var model = await models.LoadAsync(round.ModelVersionId, cancellationToken);
        return new RespondentCreatedView(View(respondent, QuestionsInScope(model, round.DimensionsInScope).Count, answered), InvitationPath(secret));
    }

    private static RespondentView View(Respondent r, int questions, int answered) => WithCompletion(new RespondentView(
        r.Id, r.Name, r.Email, r.Group, r.Status, r.UserId is not null, answered, questions, 0, r.StartedUtc, r.SubmittedUtc, r.Version));

    private static NotFoundException RespondentNotFound(int respondentId) =>
        new($"Respondent {respondentId} was not found in this round.");

    private sealed record MemberMatch(string UserId, string DisplayName);
}
