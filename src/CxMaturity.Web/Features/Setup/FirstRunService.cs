using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Setup;

/// <summary>
/// Outside Development there is no demo data: the first visit to a new installation creates the first
/// administrator, and only while no user exists. Two visitors racing to be first cannot both become administrator:
/// the first administrator is an <see cref="InstallationClaim"/>, inserted in the same transaction as the user, and
/// the database accepts only one.
/// </summary>
/// <param name="db">The scope's context, the one <paramref name="users"/> saves through, so that the claim and the
/// user are one transaction. Only <see cref="CreateFirstAdministratorAsync"/>, on the set-up page's request, uses it.</param>
public sealed class FirstRunService(
    UserManager<AppUser> users,
    AppDbContext db,
    IDbContextFactory<AppDbContext> contextFactory,
    TimeProvider time)
{
    /// <summary>True while the installation has no user at all.</summary>
    public async Task<bool> IsFirstRunAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return !await context.Users.AnyAsync(cancellationToken);
    }

    /// <summary>Creates the first user as a site administrator and returns their id.</summary>
    /// <exception cref="ConflictException">A user exists already.</exception>
    /// <exception cref="ValidationException">Identity refused the email or password (keys <c>email</c>, <c>password</c>).</exception>
    public async Task<string> CreateFirstAdministratorAsync(
        string email,
        string password,
        string? displayName = null,
        CancellationToken cancellationToken = default)
    {
        if (!await IsFirstRunAsync(cancellationToken))
        {
            throw AlreadySetUp();
        }

        email = (email ?? "").Trim();
        if (Assessment.Common.UserText.CharacterProblem(displayName) is { } malformed)
        {
            throw ValidationException.For("displayName", malformed);
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email : displayName.Trim(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.InstallationClaims.Add(new InstallationClaim
            {
                Name = InstallationClaim.FirstAdministrator,
                UserId = user.Id,
                ClaimedUtc = time.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone else claimed it a moment ago, here or in another process.
                throw AlreadySetUp();
            }

            var created = await users.CreateAsync(user, password ?? "");
            if (!created.Succeeded)
            {
                throw created.ToValidationException();
            }

            var promoted = await users.AddToRoleAsync(user, SiteRoles.Administrator);
            if (!promoted.Succeeded)
            {
                throw new InvalidOperationException(
                    $"The first user could not be made administrator: {string.Join(" ", promoted.Errors.Select(e => e.Description))}");
            }

            await transaction.CommitAsync(cancellationToken);
            return user.Id;
        }
        catch
        {
            // Rolled back: the request's context must not keep the claim or the user as if they were saved.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private static ConflictException AlreadySetUp() => new("This installation already has an administrator. Sign in instead.");
}
