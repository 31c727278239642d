using CxMaturity.Assessment.Common;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Models;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Organisations;

/// <summary>Organisations and their members. Every method takes the acting user's id first.</summary>
public sealed class OrganisationService(
    IDbContextFactory<AppDbContext> contextFactory,
    ModelVersionStore models,
    ILookupNormalizer normalizer,
    TimeProvider time)
{
    /// <summary>The tag on the query that reads an organisation's Owners before one of them steps down or leaves.</summary>
    public const string OwnerGuardTag = "owner-guard";

    // A change of the Owners that meets another one is read again; the second attempt then sees the first's outcome.
    private const int OwnerChangeAttempts = 3;

    /// <summary>
    /// The organisations the user belongs to, by name, each with how many rounds the user may see and the latest of
    /// them. One query, and two more only when the user sees any round.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationSummaryView>> ListForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var visible = VisibleRounds(db, userId);
        var organisations = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Organisation!.Name)
            .Select(m => new
            {
                m.OrganisationId,
                m.Organisation!.Name,
                m.Role,
                Rounds = visible.Count(r => r.OrganisationId == m.OrganisationId),
                // The newest round by when it was made (ids follow the order rows were written, not the rounds' dates).
                LatestRoundId = visible.Where(r => r.OrganisationId == m.OrganisationId)
                    .OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id)
                    .Select(r => (int?)r.Id)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var latestIds = organisations.Where(o => o.LatestRoundId is not null).Select(o => o.LatestRoundId!.Value).ToList();
        var latest = latestIds.Count == 0
            ? []
            : (await RoundSummariesAsync(db, db.Rounds.Where(r => latestIds.Contains(r.Id)), cancellationToken))
                .ToDictionary(r => r.OrganisationId, r => r.Summary);
        return [.. organisations.Select(o => new OrganisationSummaryView(
            o.OrganisationId,
            o.Name,
            o.Role,
            o.Rounds,
            latest.GetValueOrDefault(o.OrganisationId) is { } round && o.Role == OrganisationRole.Respondent ? round.WithoutProgress() : latest.GetValueOrDefault(o.OrganisationId)))];
    }

    /// <summary>Creates an organisation with the default respondent groups; the caller becomes its Owner.</summary>
    /// <exception cref="ValidationException">The name is empty or longer than 100 characters.</exception>
    public async Task<OrganisationSummaryView> CreateAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > FieldLimits.Name)
        {
            throw ValidationException.For("name", $"Give the organisation a name of 1 to {FieldLimits.Name} characters.");
        }

        if (UserText.CharacterProblem(name) is { } malformed)
        {
            throw ValidationException.For("name", malformed);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            throw new NotFoundException("Your account was not found.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var organisation = new Organisation { Name = name, CreatedUtc = now };
        organisation.Memberships.Add(new Membership { UserId = userId, Role = OrganisationRole.Owner, CreatedUtc = now });
        db.Organisations.Add(organisation);
        // The default governance roles come with the organisation, in the same transaction (RULES.md §8.1).
        db.GovernanceRoles.AddRange(RaciRules.DefaultRoles.Select((role, i) =>
            new GovernanceRole { Organisation = organisation, Name = role.Name, Responsibilities = role.Responsibilities, Position = i }));
        await db.SaveChangesAsync(cancellationToken);
        return new OrganisationSummaryView(organisation.Id, organisation.Name, OrganisationRole.Owner, 0, null);
    }

    /// <summary>One organisation with its rounds, and its members when the caller is Owner or CX lead.</summary>
    public async Task<OrganisationView> GetAsync(string userId, int organisationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Everyone);
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == organisationId)
            .Select(o => new { o.Name, o.CreatedUtc, o.RespondentGroups, o.Version })
            .SingleAsync(cancellationToken);

        var rounds = VisibleRounds(db, userId).Where(r => r.OrganisationId == organisationId);
        var summaries = (await RoundSummariesAsync(db, rounds, cancellationToken))
            .Select(r => access.Role == OrganisationRole.Respondent ? r.Summary.WithoutProgress() : r.Summary)
            .OrderByDescending(r => r.CreatedUtc)
            .ThenByDescending(r => r.Id)
            .ToList();

        List<MemberView>? members = null;
        if (access.Role.CanManage())
        {
            members = await db.Memberships.AsNoTracking()
                .Where(m => m.OrganisationId == organisationId)
                .Select(m => new MemberView(m.UserId, m.User!.Email ?? "", m.User.DisplayName, m.Role))
                .ToListAsync(cancellationToken);
            members = [.. members.OrderBy(m => m.Role).ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase)];
        }

        return new OrganisationView(
            organisationId, organisation.Name, access.Role, organisation.CreatedUtc, organisation.RespondentGroups,
            summaries, members, organisation.Version);
    }

    /// <summary>
    /// Sets the respondent groups new rounds of the organisation start with, in order (rounds keep their own). Owner
    /// and CX lead.
    /// </summary>
    /// <exception cref="ValidationException">1 to 12 groups, each 1..100 characters, none twice (keys <c>respondentGroups[i]</c>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the organisation after <paramref name="version"/> was read.</exception>
    public async Task<OrganisationView> SetRespondentGroupsAsync(
        string userId,
        int organisationId,
        IReadOnlyList<string> groups,
        Guid version,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Managers);
        var errors = new ValidationErrors();
        var valid = RoundSettings.CheckGroups(groups, "respondentGroups", [], errors);
        errors.ThrowIfAny();

        var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId, cancellationToken);
        db.Entry(organisation).Property(o => o.Version).OriginalValue = version;
        organisation.RespondentGroups = [.. valid];
        db.Entry(organisation).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(userId, organisationId, cancellationToken);
    }

    /// <summary>Makes an existing user a member of the organisation. Owners only.</summary>
    /// <exception cref="ValidationException">No user has that email.</exception>
    /// <exception cref="ConflictException">The user is already a member.</exception>
    public async Task<MemberView> AddMemberAsync(
        string userId,
        int organisationId,
        string email,
        OrganisationRole role,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Owners);
        if (!Enum.IsDefined(role))
        {
            throw ValidationException.For("role", "Choose one of the roles Owner, CxLead, Contributor, Respondent or Viewer.");
        }

        var normalized = normalizer.NormalizeEmail((email ?? "").Trim());
        var user = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw ValidationException.For("email", $"No user has the email '{email}'. They need an account before they can be added.");

        var existing = await OrganisationAccess.FindRoleAsync(db, user.Id, organisationId, cancellationToken);
        if (existing is not null)
        {
            throw new ConflictException($"{user.Email} is already a member of this organisation ({existing}).");
        }

        db.Memberships.Add(new Membership
        {
            OrganisationId = organisationId,
            UserId = user.Id,
            Role = role,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        });
        Audit.Record(db, organisationId, time.GetUtcNow().UtcDateTime, "Membership", $"Member {user.Email}", "added", after: role.DisplayName());
        await db.SaveChangesAsync(cancellationToken);
        return new MemberView(user.Id, user.Email ?? "", user.DisplayName, role);
    }

    /// <summary>Gives a member another role. Owners only; the organisation always keeps an Owner.</summary>
    /// <exception cref="ValidationException">The role is not one of the five.</exception>
    /// <exception cref="NotFoundException">The user is not a member of the organisation.</exception>
    /// <exception cref="ConflictException">The member is the organisation's only Owner.</exception>
    public async Task<MemberView> ChangeMemberRoleAsync(
        string userId,
        int organisationId,
        string memberUserId,
        OrganisationRole role,
        CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(role))
        {
            throw ValidationException.For("role", "Choose one of the roles Owner, CxLead, Contributor, Respondent or Viewer.");
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Owners);
            var membership = await FindMembershipAsync(db, organisationId, memberUserId, cancellationToken);
            try
            {
                var owners = membership.Role == OrganisationRole.Owner && role != OrganisationRole.Owner
                    ? await OwnersVersionAsync(db, membership, "given another role", cancellationToken)
                    : (Guid?)null;
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await ClaimOwnersAsync(db, organisationId, owners, cancellationToken);
                Audit.Record(db, organisationId, time.GetUtcNow().UtcDateTime, "Membership", $"Member {membership.User!.Email}", "role changed",
                    membership.Role.DisplayName(), role.DisplayName());
                membership.Role = role;
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new MemberView(membership.UserId, membership.User!.Email ?? "", membership.User.DisplayName, role);
            }
            catch (ConcurrencyConflictException) when (attempt < OwnerChangeAttempts)
            {
                // Another change of the Owners went first: read them again and decide again.
            }
        }
    }

    /// <summary>
    /// Takes a member out of the organisation: they lose access to all of its data at once. What they answered as a
    /// respondent stays in the rounds. Owners only, themselves included; the organisation always keeps an Owner.
    /// </summary>
    /// <exception cref="NotFoundException">The user is not a member of the organisation.</exception>
    /// <exception cref="ConflictException">The member is the organisation's only Owner.</exception>
    public async Task RemoveMemberAsync(string userId, int organisationId, string memberUserId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Owners);
            var membership = await FindMembershipAsync(db, organisationId, memberUserId, cancellationToken);
            try
            {
                var owners = membership.Role == OrganisationRole.Owner
                    ? await OwnersVersionAsync(db, membership, "removed", cancellationToken)
                    : (Guid?)null;
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await ClaimOwnersAsync(db, organisationId, owners, cancellationToken);
                db.Memberships.Remove(membership);
                Audit.Record(db, organisationId, time.GetUtcNow().UtcDateTime, "Membership", $"Member {membership.User?.Email ?? membership.UserId}", "removed",
                    membership.Role.DisplayName());
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < OwnerChangeAttempts)
            {
                // Another change of the Owners went first: read them again and decide again.
            }
        }
    }

    private static async Task<Membership> FindMembershipAsync(
        AppDbContext db,
        int organisationId,
        string memberUserId,
        CancellationToken cancellationToken) =>
        await db.Memberships
            .Include(m => m.User)
            .SingleOrDefaultAsync(m => m.OrganisationId == organisationId && m.UserId == memberUserId, cancellationToken)
        ?? throw new NotFoundException("That person is not a member of this organisation.");

    /// <summary>
    /// An organisation always keeps an Owner: <paramref name="owner"/> may step down or leave only while another Owner
    /// remains. Counting alone would not hold on a database that runs transactions side by side (two Owners stepping
    /// down at once would each count the other), so the organisation's version guards its set of Owners: this reads
    /// it with the count, and <see cref="ClaimOwnersAsync"/> changes it only if nobody changed it since.
    /// </summary>
    /// <exception cref="ConflictException"><paramref name="owner"/> is the only Owner.</exception>
    private static async Task<Guid> OwnersVersionAsync(AppDbContext db, Membership owner, string change, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .TagWith(OwnerGuardTag)
            .Where(o => o.Id == owner.OrganisationId)
            .Select(o => new { o.Version, OtherOwners = o.Memberships.Count(m => m.Role == OrganisationRole.Owner && m.Id != owner.Id) })
            .SingleAsync(cancellationToken);
        if (organisation.OtherOwners == 0)
        {
            throw new ConflictException(
                $"{owner.User!.Email} is the only Owner of this organisation and cannot be {change}. Make another member Owner first.");
        }

        return organisation.Version;
    }

    /// <summary>
    /// Inside the change's transaction: moves the organisation's version on from <paramref name="version"/>, as read
    /// with its Owners, and checks that the database touched the row. Of two changes that each leave one Owner fewer,
    /// only the first goes through; the second finds the version moved and is read again (and then refused).
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">Another change of the Owners went first.</exception>
    private static async Task ClaimOwnersAsync(AppDbContext db, int organisationId, Guid? version, CancellationToken cancellationToken)
    {
        if (version is not { } read)
        {
            return;
        }

        var touched = await db.Organisations
            .Where(o => o.Id == organisationId && o.Version == read)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.Version, Guid.NewGuid()), cancellationToken);
        if (touched != 1)
        {
            throw new ConcurrencyConflictException(
                "Someone else changed this organisation's Owners at the same moment. Reload and try again.");
        }
    }

    // The rounds of the user's organisations that they may see: all of them, but only their own for a Respondent.
    private static IQueryable<AssessmentRound> VisibleRounds(AppDbContext db, string userId) =>
        db.Rounds.Where(r => db.Memberships.Any(m =>
            m.OrganisationId == r.OrganisationId
            && m.UserId == userId
            && (m.Role != OrganisationRole.Respondent || r.Respondents.Any(p => p.UserId == userId))));

    // Two queries for any number of rounds: the rounds with their respondent counts, then their answers counted per
    // question, of which only the in-scope questions count towards completion (RULES.md §5.11).
    private async Task<List<(int OrganisationId, RoundSummaryView Summary)>> RoundSummariesAsync(
        AppDbContext db,
        IQueryable<AssessmentRound> rounds,
        CancellationToken cancellationToken)
    {
        var rows = await rounds.AsNoTracking()
            .Select(r => new
            {
                r.Id,
                r.OrganisationId,
                r.Name,
                r.Status,
                r.ModelVersionId,
                r.ModelVersion!.ModelId,
                ModelVersion = r.ModelVersion.Version,
                r.OpensOn,
                r.ClosesOn,
                r.CreatedUtc,
                r.ClosedUtc,
                r.DimensionsInScope,
                Submitted = r.Respondents.Count(p => p.Status == Assessment.Scoring.RespondentStatus.Submitted),
                Total = r.Respondents.Count,
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var answers = (await db.Respondents.AsNoTracking()
                .Where(p => ids.Contains(p.RoundId))
                .SelectMany(p => p.Answers, (p, a) => new { p.RoundId, a.QuestionId })
                .GroupBy(a => new { a.RoundId, a.QuestionId })
                .Select(g => new { g.Key.RoundId, g.Key.QuestionId, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.RoundId);

        var summaries = new List<(int, RoundSummaryView)>(rows.Count);
        foreach (var row in rows)
        {
            var model = await models.LoadAsync(row.ModelVersionId, cancellationToken);
            var inScope = model.Dimensions.Where(d => row.DimensionsInScope.Contains(d.Id)).SelectMany(d => d.Questions).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
            var answered = answers[row.Id].Where(a => inScope.Contains(a.QuestionId)).Sum(a => a.Count);
            summaries.Add((row.OrganisationId, new RoundSummaryView(
                row.Id, row.Name, row.Status, row.ModelId, row.ModelVersion, row.OpensOn, row.ClosesOn, row.CreatedUtc,
                row.ClosedUtc, row.Submitted, row.Total, 100 * RespondentCompletion.Mean(answered, row.Total, inScope.Count))));
        }

        return summaries;
    }
}
