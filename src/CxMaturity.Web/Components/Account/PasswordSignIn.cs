using CxMaturity.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Components.Account;

/// <summary>
/// Password sign-in that does not tell whether an email has an account: an unknown email costs the same password
/// hashing as a wrong password, and is locked out after as many failures, for as long, as an account would be.
/// </summary>
internal sealed class PasswordSignIn(
    SignInManager<AppUser> signInManager, IPasswordHasher<AppUser> hasher, UnknownAccountLockout unknownAccounts)
{
    public async Task<SignInResult> SignInAsync(string email, string password, bool remember)
    {
        if (await signInManager.UserManager.FindByNameAsync(email) is { } user)
        {
            return await signInManager.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        }

        hasher.VerifyHashedPassword(UnknownAccountLockout.Nobody, unknownAccounts.DecoyHash, password);
        return unknownAccounts.Fail(signInManager.UserManager.NormalizeEmail(email) ?? email)
            ? SignInResult.LockedOut
            : SignInResult.Failed;
    }
}

/// <summary>
/// Failed sign-ins for emails without an account, counted like an account's (Identity's lockout settings) so that
/// the lockout page comes at the same attempt for an unknown email as for a known one. Kept in memory, bounded.
/// </summary>
internal sealed class UnknownAccountLockout(IOptions<IdentityOptions> identity, TimeProvider time) : IDisposable
{
    public static readonly AppUser Nobody = new() { UserName = "nobody" };

    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>A hash to verify unknown emails' passwords against, made as Identity's default hasher makes real ones.</summary>
    public string DecoyHash { get; } = new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString("N"));

    /// <summary>Counts a failure for <paramref name="email"/>; true when it is (now, or still) locked out.</summary>
    public bool Fail(string email)
    {
        // Keyed by a hash: however long the text typed, an entry stays small.
        email = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email)));
        var lockout = identity.Value.Lockout;
        var now = time.GetUtcNow();
        lock (_failures)
        {
            var state = _failures.Get<State>(email) ?? new State();
            if (state.LockedUntil > now)
            {
                return true;
            }

            state.Count++;
            if (state.Count >= lockout.MaxFailedAccessAttempts)
            {
                state.Count = 0;
                state.LockedUntil = now + lockout.DefaultLockoutTimeSpan;
            }

            _failures.Set(email, state, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = lockout.DefaultLockoutTimeSpan * 2 });
            return state.LockedUntil > now;
        }
    }

    public void Dispose() => _failures.Dispose();

    private sealed class State
    {
        public int Count { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
