using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Respondents;

/// <summary>
/// The one way a respondent joins a round, on the caller's context and inside the caller's transaction: checks the
/// name, email and group, links a member's account by email, and adds the respondent with a fresh invitation
/// secret. Checks no access: the callers (adding a respondent, importing a workbook for someone new) have.
/// </summary>
internal static class RespondentRegistration
{
    /// <summary>A round a respondent may join.</summary>
    public sealed record Round(int Id, int OrganisationId, RoundStatus Status, IReadOnlyList<string> RespondentGroups);

    /// <summary>Validates and adds the respondent (saving is the caller's); the secret goes into the invitation link only.</summary>
    /// <exception cref="ConflictException">The round is closed.</exception>
    /// <exception cref="ValidationException">Keys <c>name</c>, <c>email</c>, <c>group</c>.</exception>
    public static async Task<(Respondent Respondent, string Secret)> AddAsync(
        AppDbContext db,
        ILookupNormalizer normalizer,
        Round round,
        AddRespondentRequest request,
        string invitedByUserId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RoundLifecycle.RespondentsRefusal(round.Status) is { } refusal)
        {
            throw new ConflictException(refusal);
        }

        var errors = new ValidationErrors();
        var email = (request.Email ?? "").Trim();
        var member = default(MemberMatch);
        if (!EmailAddresses.IsValid(email))
        {
            errors.Add("email", "Give a valid email address.");
        }
        else
        {
            var normalized = normalizer.NormalizeEmail(email);
            member = await db.Memberships.AsNoTracking()
                .Where(m => m.OrganisationId == round.OrganisationId && m.User!.NormalizedEmail == normalized)
                .Select(m => new MemberMatch(m.UserId, m.User!.DisplayName))
                .FirstOrDefaultAsync(cancellationToken);
            var lowered = email.ToLowerInvariant();
            var memberUserId = member?.UserId;
            var taken = await db.Respondents.AnyAsync(
                r => r.RoundId == round.Id && (r.Email.ToLower() == lowered || (memberUserId != null && r.UserId == memberUserId)),
                cancellationToken);
            if (taken)
            {
                errors.Add("email", $"{email} is already a respondent in this round.");
            }
        }

        var typed = (request.Name ?? "").Trim();
        var name = errors.Text(
            "name",
            typed.Length == 0 && member is not null ? (member.DisplayName.Length > 0 ? member.DisplayName : email) : typed,
            FieldLimits.Name,
            "the respondent's name",
            required: true)!;

        var group = round.RespondentGroups.FirstOrDefault(g => string.Equals(g, request.Group?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (group is null)
        {
            errors.Add("group", $"Choose one of the round's respondent groups: {string.Join(", ", round.RespondentGroups)}.");
        }

        errors.ThrowIfAny();
        return New(db, round, member?.UserId, name, email, group!, invitedByUserId);
    }

    /// <summary>
    /// Adds every person of a list <see cref="RespondentList"/> found clean, in two queries whatever its length:
    /// a person whose address is a member's is linked to that account, unless that member already answers the
    /// round. Saving is the caller's.
    /// </summary>
    /// <exception cref="ConflictException">The round is closed.</exception>
    /// <exception cref="ValidationException">A member on the list already answers the round; keyed by line (<c>line 4</c>).</exception>
    public static async Task<IReadOnlyList<(Respondent Respondent, string Secret)>> AddListAsync(
        AppDbContext db,
        ILookupNormalizer normalizer,
        Round round,
        IReadOnlyList<RespondentLine> people,
        string invitedByUserId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (RoundLifecycle.RespondentsRefusal(round.Status) is { } refusal)
        {
            throw new ConflictException(refusal);
        }

        var normalized = people.Select(p => normalizer.NormalizeEmail(p.Email)).ToList();
        var members = (await db.Memberships.AsNoTracking()
                .Where(m => m.OrganisationId == round.OrganisationId && normalized.Contains(m.User!.NormalizedEmail!))
                .Select(m => new { Email = m.User!.NormalizedEmail!, Match = new MemberMatch(m.UserId, m.User.DisplayName) })
                .ToListAsync(cancellationToken))
            .ToDictionary(m => m.Email, m => m.Match, StringComparer.Ordinal);
        var answering = (await db.Respondents.AsNoTracking()
                .Where(r => r.RoundId == round.Id && r.UserId != null)
                .Select(r => r.UserId!)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var errors = new ValidationErrors();
        var added = new List<(Respondent, string)>(people.Count);
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            var member = members.GetValueOrDefault(normalized[i]);
            if (member is not null && !answering.Add(member.UserId))
            {
                errors.Add($"line {person.Line}", $"{person.Email} is a member who already answers this round.");
                continue;
            }

            added.Add(New(db, round, member?.UserId, person.Name, person.Email, person.Group, invitedByUserId));
        }

        errors.ThrowIfAny();
        return added;
    }

    /// <summary>
    /// Adds members of the organisation to the round in one group, each linked to their account under their own
    /// name and email, all or none. Saving is the caller's.
    /// </summary>
    /// <exception cref="ConflictException">The round is closed.</exception>
    /// <exception cref="ValidationException">Keys <c>members</c> (nobody chosen, not a member, already answering) and <c>group</c>.</exception>
    public static async Task<IReadOnlyList<(Respondent Respondent, string Secret)>> AddMembersAsync(
        AppDbContext db,
        Round round,
        IReadOnlyList<string> memberUserIds,
        string group,
        string invitedByUserId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberUserIds);
        if (RoundLifecycle.RespondentsRefusal(round.Status) is { } refusal)
        {
            throw new ConflictException(refusal);
        }

        var errors = new ValidationErrors();
        var chosen = memberUserIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            errors.Add("members", "Choose at least one member to add.");
        }

        var roundGroup = round.RespondentGroups.FirstOrDefault(g => string.Equals(g, group?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (roundGroup is null)
        {
            errors.Add("group", $"Choose one of the round's respondent groups: {string.Join(", ", round.RespondentGroups)}.");
        }

        var members = (await db.Memberships.AsNoTracking()
                .Where(m => m.OrganisationId == round.OrganisationId && chosen.Contains(m.UserId))
                .Select(m => new { m.UserId, m.User!.DisplayName, Email = m.User.Email! })
                .ToListAsync(cancellationToken))
            .ToDictionary(m => m.UserId, StringComparer.Ordinal);
        var emails = members.Values.Select(m => m.Email.ToLowerInvariant()).ToList();
        var answering = await db.Respondents.AsNoTracking()
            .Where(r => r.RoundId == round.Id && ((r.UserId != null && chosen.Contains(r.UserId)) || emails.Contains(r.Email.ToLower())))
            .Select(r => new { r.UserId, Email = r.Email.ToLower() })
            .ToListAsync(cancellationToken);

        var added = new List<(Respondent, string)>(chosen.Count);
        foreach (var userId in chosen)
        {
            if (!members.TryGetValue(userId, out var member))
            {
                errors.Add("members", "One of the people chosen is not a member of this organisation (any more).");
                continue;
            }

            var name = member.DisplayName.Length > 0 ? member.DisplayName : member.Email;
            if (answering.Any(a => a.UserId == userId || a.Email == member.Email.ToLowerInvariant()))
            {
                errors.Add("members", $"{name} already answers this round.");
                continue;
            }

            if (roundGroup is not null)
            {
                added.Add(New(db, round, userId, name, member.Email, roundGroup, invitedByUserId));
            }
        }

        errors.ThrowIfAny();
        return added;
    }

    private static (Respondent Respondent, string Secret) New(
        AppDbContext db, Round round, string? userId, string name, string email, string group, string invitedByUserId)
    {
        var secret = Secrets.Create();
        var respondent = new Respondent
        {
            RoundId = round.Id,
            UserId = userId,
            Name = name,
            Email = email,
            Group = group,
            Status = RespondentStatus.Invited,
            InvitationTokenHash = Secrets.Hash(secret),
            InvitedByUserId = invitedByUserId,
        };
        db.Respondents.Add(respondent);
        return (respondent, secret);
    }

    private sealed record MemberMatch(string UserId, string DisplayName);
}
