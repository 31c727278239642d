using System.Text;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Administration;

/// <summary>
/// The users of the site, for site administrators: find them, lock and unlock them, hand them a password reset link,
/// make them administrator or take it back. Every method takes the acting administrator's id and checks it first; a
/// refused change writes nothing. Administrators see which organisations a user belongs to, never what is in them.
/// </summary>
/// <remarks>
/// Changes go through Identity's <see cref="UserManager{TUser}"/>, resolved in a scope of its own for each operation:
/// its context then lives as long as the operation, not as long as the page's circuit.
/// </remarks>
public sealed partial class UserAdministrationService(
    IDbContextFactory<AppDbContext> contextFactory,
    IServiceScopeFactory scopeFactory,
    ILookupNormalizer normalizer,
    PublicLinks links,
    IOptions<DataProtectionTokenProviderOptions> resetTokens,
    IMemoryCache cache,
    TimeProvider time,
    ILogger<UserAdministrationService> logger)
{
    public const int PageSize = 50;

    /// <summary>The tag on the query that reads the administrators before one of them is locked out or revoked.</summary>
    public const string AdministratorGuardTag = "administrator-guard";

    private const string What = "manage users";
    private const int SearchLimit = 256;

    // A change of the administrators that meets another one is read again; the second attempt sees the first's outcome.
    private const int AdministratorChangeAttempts = 3;

    /// <summary>
    /// One page of users, by email. <paramref name="search"/> finds users whose email or display name holds it
    /// (letters of the email in any case; of the name, A to Z in any case and other letters as typed).
    /// </summary>
    /// <exception cref="ValidationException">The search is longer than 256 characters (key <c>search</c>).</exception>
    public async Task<UserListView> ListAsync(string userId, string? search, int page = 1, CancellationToken cancellationToken = default)
    {
        var term = (search ?? "").Trim();
        if (term.Length > SearchLimit)
        {
            throw ValidationException.For("search", $"Search for at most {SearchLimit} characters.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await SiteAdministrators.RequireAsync(db, userId, What, cancellationToken);

        var users = db.Users.AsNoTracking();
        if (term.Length > 0)
        {
            var email = normalizer.NormalizeEmail(term);
            var upper = term.ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(email) || u.DisplayName.Contains(term) || u.DisplayName.ToUpper().Contains(upper));
        }

        var total = await users.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var administrators = SiteAdministrators.UserIds(db);
        var rows = await users
            .OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.LockoutEnd, IsAdministrator = administrators.Contains(u.Id) })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var memberships = (await db.Memberships.AsNoTracking()
                .Where(m => ids.Contains(m.UserId))
                .Select(m => new { m.UserId, m.Organisation!.Name, m.Role })
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToLookup(m => m.UserId, m => new UserMembershipView(m.Name, m.Role));

        var now = time.GetUtcNow();
        return new UserListView(term, page, pageCount, total, [.. rows.Select(r => new UserRowView(
            r.Id,
            r.Email ?? "",
            r.DisplayName,
            r.LockoutEnd > now,
            r.LockoutEnd > now && r.LockoutEnd != DateTimeOffset.MaxValue ? r.LockoutEnd.Value.UtcDateTime : null,
            r.IsAdministrator,
            [.. memberships[r.Id]]))]);
    }

    /// <summary>
    /// Locks the user out until an administrator unlocks them: sign-in is refused, their security stamp is renewed so
    /// that the sessions they have end when next checked against it, and their personal access tokens are revoked
    /// (the API takes no cookie).
    /// </summary>
    /// <exception cref="NotFoundException">There is no such user.</exception>
    /// <exception cref="ConflictException">The user is the caller, or the last administrator who can sign in.</exception>
    public async Task LockAsync(string userId, string targetUserId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> revokedTokens = [];
        await ChangeAsync(userId, targetUserId, "locked out", async (db, users, user, isAdministrator) =>
        {
            if (user.Id == userId)
            {
                throw new ConflictException(
                    "You cannot lock yourself out: you would lose your way back in. Another administrator can lock your account.");
            }

            var guard = isAdministrator ? await AdministratorsAsync(db, user, cancellationToken) : null;
            RequireAnotherAdministrator(user, guard, "locked out");
            return async () =>
            {
                await ClaimAdministratorsAsync(db, guard, cancellationToken);
                Check(await users.SetLockoutEnabledAsync(user, true));
                Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
                Check(await users.UpdateSecurityStampAsync(user));
                revokedTokens = await AccessTokenService.RevokeAllAsync(db, user.Id, time.GetUtcNow().UtcDateTime, cancellationToken);
            };
        }, cancellationToken);
        AccessTokenService.Forget(cache, revokedTokens);
        LogChange(logger, userId, "locked out", targetUserId);
    }

    /// <summary>Lets the user sign in again (an administrator's lock or one after wrong passwords), wrong tries forgotten.</summary>
    /// <exception cref="NotFoundException">There is no such user.</exception>
    public async Task UnlockAsync(string userId, string targetUserId, CancellationToken cancellationToken = default)
    {
        await ChangeAsync(userId, targetUserId, "unlocked", (db, users, user, isAdministrator) =>
            Task.FromResult<Func<Task>>(async () =>
            {
                if (user.LockoutEnd is not null)
                {
                    user.LockoutEnd = null;
                    Check(await users.UpdateAsync(user));
                }

                Check(await users.ResetAccessFailedCountAsync(user));
            }), cancellationToken);
        LogChange(logger, userId, "unlocked", targetUserId);
    }

    /// <summary>
    /// Makes the user a site administrator. Their security stamp is renewed, so that they sign in again and then hold
    /// the role; making an administrator administrator again changes nothing.
    /// </summary>
    /// <exception cref="NotFoundException">There is no such user.</exception>
    public async Task MakeAdministratorAsync(string userId, string targetUserId, CancellationToken cancellationToken = default)
    {
        await ChangeAsync(userId, targetUserId, "made administrator", (db, users, user, isAdministrator) =>
            Task.FromResult<Func<Task>>(async () =>
            {
                if (!isAdministrator)
                {
                    Check(await users.AddToRoleAsync(user, SiteRoles.Administrator));
                    Check(await users.UpdateSecurityStampAsync(user));
                }
            }), cancellationToken);
        LogChange(logger, userId, "made administrator", targetUserId);
    }

    /// <summary>
    /// Takes the administrator role back: the administrators' services refuse the user at once, and their security
    /// stamp is renewed so that their sessions end when next checked against it. Nobody revokes their own role, and
    /// the site always keeps an administrator who can sign in.
    /// </summary>
    /// <exception cref="NotFoundException">There is no such user.</exception>
    /// <exception cref="ConflictException">The user is the caller, or the last administrator who can sign in.</exception>
    public async Task RevokeAdministratorAsync(string userId, string targetUserId, CancellationToken cancellationToken = default)
    {
        await ChangeAsync(userId, targetUserId, "no longer administrator", async (db, users, user, isAdministrator) =>
        {
            if (!isAdministrator)
            {
                return () => Task.CompletedTask;
            }

            var guard = await AdministratorsAsync(db, user, cancellationToken);
            if (user.Id == userId)
            {
                throw new ConflictException(guard.OthersWhoCanSignIn == 0
                    ? "You are the only administrator, so your administrator role cannot be revoked: the site would have none. "
                      + "Make another user administrator first; they can then revoke yours."
                    : "You cannot revoke your own administrator role. Another administrator can.");
            }

            RequireAnotherAdministrator(user, guard, "revoked");
            return async () =>
            {
                await ClaimAdministratorsAsync(db, guard, cancellationToken);
                Check(await users.RemoveFromRoleAsync(user, SiteRoles.Administrator));
                Check(await users.UpdateSecurityStampAsync(user));
            };
        }, cancellationToken);
        LogChange(logger, userId, "no longer administrator", targetUserId);
    }

    /// <summary>
    /// A link to the reset-password page with a reset code for the user, built from <c>App:PublicUrl</c> (never from
    /// a request's Host header), for the administrator to hand over. The user chooses a new password there; the
    /// link works once and for <see cref="DataProtectionTokenProviderOptions.TokenLifespan"/> (a day), and stops
    /// working when their password or security stamp changes (a lock renews it). Nothing is written.
    /// </summary>
    /// <exception cref="NotFoundException">There is no such user.</exception>
    /// <exception cref="ConflictException"><c>App:PublicUrl</c> is not set.</exception>
    public async Task<PasswordResetLinkView> CreatePasswordResetLinkAsync(string userId, string targetUserId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await SiteAdministrators.RequireAsync(db, userId, What, cancellationToken);
        var user = await FindAsync(db, targetUserId, cancellationToken);
        if (!links.IsConfigured)
        {
            throw new ConflictException(
                "App:PublicUrl is not set, so no link can be made: set it to the address people open CxMaturity at, e.g. https://cx.example.com/.");
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        LogChange(logger, userId, "given a password reset link", targetUserId);
        return new PasswordResetLinkView(
            user.Email ?? "",
            links.To($"Account/ResetPassword?code={code}"),
            time.GetUtcNow().UtcDateTime + resetTokens.Value.TokenLifespan);
    }

    // One change to one user: checks the caller, finds the user, lets `decide` refuse (before anything is written)
    // and then runs what it answered in one transaction. A change that met another change of the administrators is
    // decided again from the start.
    private async Task ChangeAsync(
        string userId,
        string targetUserId,
        string change,
        Func<AppDbContext, UserManager<AppUser>, AppUser, bool, Task<Func<Task>>> decide,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await SiteAdministrators.RequireAsync(db, userId, What, cancellationToken);
            var user = await FindAsync(db, targetUserId, cancellationToken);
            var isAdministrator = await SiteAdministrators.UserIds(db).ContainsAsync(user.Id, cancellationToken);
            var write = await decide(db, users, user, isAdministrator);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await write();
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < AdministratorChangeAttempts)
            {
                // Another change of the administrators (or of this user) went first: read again and decide again.
            }
            catch (IdentityChangeFailedException failed)
            {
                throw new ConflictException($"{user.Email} could not be {change}: {failed.Message}");
            }
        }
    }

    private static async Task<AppUser> FindAsync(AppDbContext db, string targetUserId, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == targetUserId, cancellationToken)
        ?? throw new NotFoundException("That user does not exist: they may have deleted their account.");

    /// <summary>
    /// The site always keeps an administrator who can sign in: one may be locked out or revoked only while another
    /// one, not locked out, remains. Counting alone would not hold when two administrators act on each other at the
    /// same moment (each counts the other), so the Administrator role's concurrency stamp guards the set: this reads
    /// it before the count, and <see cref="ClaimAdministratorsAsync"/> moves it on only if nobody moved it since.
    /// </summary>
    private static async Task<AdministratorsGuard> AdministratorsAsync(AppDbContext db, AppUser administrator, CancellationToken cancellationToken)
    {
        var role = await db.Roles.AsNoTracking()
            .Where(r => r.Name == SiteRoles.Administrator)
            .Select(r => new { r.Id, r.ConcurrencyStamp })
            .SingleAsync(cancellationToken);
        var others = await db.UserRoles.AsNoTracking()
            .TagWith(AdministratorGuardTag)
            .Where(ur => ur.RoleId == role.Id && ur.UserId != administrator.Id)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (ur, u) => u.LockoutEnd)
            .ToListAsync(cancellationToken);

        // Compared here: SQLite cannot compare the DateTimeOffset Identity stores the lockout as.
        return new AdministratorsGuard(role.Id, role.ConcurrencyStamp, others.Count(end => !(end > DateTimeOffset.UtcNow)));
    }

    /// <exception cref="ConflictException">No administrator who can sign in would remain.</exception>
    private static void RequireAnotherAdministrator(AppUser administrator, AdministratorsGuard? guard, string change)
    {
        if (guard is { OthersWhoCanSignIn: 0 })
        {
            throw new ConflictException(
                $"{administrator.Email} is the only administrator who can sign in and cannot be {change}: the site would have none. "
                + "Make another user administrator first.");
        }
    }

    /// <summary>
    /// Inside the change's transaction: moves the Administrator role's stamp on from the one read with the
    /// administrators. Of two changes that each leave one fewer, only the first goes through; the second finds the
    /// stamp moved and is decided again.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">Another change of the administrators went first.</exception>
    private static async Task ClaimAdministratorsAsync(AppDbContext db, AdministratorsGuard? guard, CancellationToken cancellationToken)
    {
        if (guard is null)
        {
            return;
        }

        var touched = await db.Roles
            .Where(r => r.Id == guard.RoleId && r.ConcurrencyStamp == guard.Stamp)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.ConcurrencyStamp, Guid.NewGuid().ToString()), cancellationToken);
        if (touched != 1)
        {
            throw new ConcurrencyConflictException("Someone else changed the site's administrators at the same moment. Reload and try again.");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new IdentityChangeFailedException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {AdministratorId}: user {UserId} {Change}.")]
    private static partial void LogChange(ILogger logger, string administratorId, string change, string userId);

    private sealed record AdministratorsGuard(string RoleId, string? Stamp, int OthersWhoCanSignIn);

    private sealed class IdentityChangeFailedException(string message) : Exception(message);
}
