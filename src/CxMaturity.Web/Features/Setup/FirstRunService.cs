using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Setup;

/// <summary>
/// Outside Development there is no demo data: the first visit to a new installation creates the first
/// administrator, and only while no user exists.
/// </summary>
public sealed class FirstRunService(UserManager<AppUser> users, IDbContextFactory<AppDbContext> contextFactory)
{
    // Two visitors racing to be first must not both become administrator.
    private static readonly SemaphoreSlim CreationLock = new(1, 1);

    /// <summary>True while the installation has no user at all.</summary>
    public async Task<bool> IsFirstRunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Users.AnyAsync(cancellationToken);
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
        await CreationLock.WaitAsync(cancellationToken);
        try
        {
            if (!await IsFirstRunAsync(cancellationToken))
            {
                throw new ConflictException("This installation already has an administrator. Sign in instead.");
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
            var created = await users.CreateAsync(user, password ?? "");
            if (!created.Succeeded)
            {
                throw created.ToValidationException();
            }

            var promoted = await users.AddToRoleAsync(user, SiteRoles.Administrator);
            if (!promoted.Succeeded)
            {
                throw new InvalidOperationException(
                    $"The first user was created but could not be made administrator: {string.Join(" ", promoted.Errors.Select(e => e.Description))}");
            }

            return user.Id;
        }
        finally
        {
            CreationLock.Release();
        }
    }
}
