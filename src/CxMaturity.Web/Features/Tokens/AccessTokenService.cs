using CxMaturity.Assessment.Common;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CxMaturity.Web.Features.Tokens;

/// <summary>
/// Personal access tokens for the HTTP API (<c>Authorization: Bearer &lt;token&gt;</c>). A token carries exactly its
/// owner's permissions; only its SHA-256 is stored.
/// </summary>
/// <remarks>
/// A token found valid is remembered for <see cref="RememberedFor"/>, so that a busy client does not cost a query on
/// every call. Revoking forgets it at once on this server; another server of the same installation may accept it
/// for up to that long.
/// </remarks>
public sealed class AccessTokenService(IDbContextFactory<AppDbContext> contextFactory, IMemoryCache cache, TimeProvider time)
{
    /// <summary>How long a token found valid is accepted without asking the database again.</summary>
    public static readonly TimeSpan RememberedFor = TimeSpan.FromSeconds(10);

    private const int PrefixLength = 8;
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>Creates a token for the user; the secret is in the result and nowhere else.</summary>
    /// <exception cref="ValidationException">The name is empty or longer than 100 characters.</exception>
    public async Task<AccessTokenCreatedView> CreateAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > FieldLimits.Name)
        {
            throw ValidationException.For("name", $"Give the token a name of 1 to {FieldLimits.Name} characters, such as what it is for.");
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

        var secret = Secrets.Create();
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = name,
            TokenHash = Secrets.Hash(secret),
            Prefix = secret[..PrefixLength],
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new AccessTokenCreatedView(secret, View(token));
    }

    /// <summary>The user's tokens, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<AccessTokenView>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedUtc).ThenByDescending(t => t.Id)
            .Select(t => new AccessTokenView(t.Id, t.Name, t.Prefix, t.CreatedUtc, t.LastUsedUtc, t.RevokedUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes one of the user's own tokens; revoking twice is harmless.</summary>
    /// <exception cref="NotFoundException">The user has no token with that id.</exception>
    public async Task RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken)
            ?? throw new NotFoundException($"Access token {tokenId} was not found.");
        if (token.RevokedUtc is null)
        {
            token.RevokedUtc = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        cache.Remove(CacheKey(token.TokenHash));
    }

    /// <summary>
    /// The id of the user a presented token belongs to, or <c>null</c> when it is unknown or revoked. Notes when
    /// the token was used, at most once a minute so that busy clients do not write on every call.
    /// </summary>
    public async Task<string?> ValidateAsync(string rawToken, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(rawToken))
        {
            return null;
        }

        var hash = Secrets.Hash(rawToken.Trim());
        var now = time.GetUtcNow().UtcDateTime;
        if (cache.TryGetValue(CacheKey(hash), out ValidToken? known) && known is not null)
        {
            if (now - known.LastUsedUtc >= LastUsedResolution)
            {
                await NoteUseAsync(known.Id, now, cancellationToken);
                known.LastUsedUtc = now;
            }

            return known.UserId;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedUtc == null)
            .Select(t => new { t.Id, t.UserId, t.LastUsedUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (token is null)
        {
            return null;
        }

        var lastUsed = token.LastUsedUtc ?? DateTime.MinValue;
        if (now - lastUsed >= LastUsedResolution)
        {
            await NoteUseAsync(token.Id, now, cancellationToken);
            lastUsed = now;
        }

        cache.Set(CacheKey(hash), new ValidToken(token.Id, token.UserId) { LastUsedUtc = lastUsed }, RememberedFor);
        return token.UserId;
    }

    // At most once a minute, and only if no other call noted it in the meantime.
    private async Task NoteUseAsync(int tokenId, DateTime now, CancellationToken cancellationToken)
    {
        var stale = now - LastUsedResolution;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.PersonalAccessTokens
            .Where(t => t.Id == tokenId && (t.LastUsedUtc == null || t.LastUsedUtc <= stale))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, now), cancellationToken);
    }

    /// <summary>
    /// Revokes every token of <paramref name="userId"/> still in force, on <paramref name="db"/> and in its transaction
    /// (an administrator locking the user out). Answers the revoked tokens' hashes for <see cref="Forget"/> once committed.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> RevokeAllAsync(AppDbContext db, string userId, DateTime now, CancellationToken cancellationToken)
    {
        var hashes = await db.PersonalAccessTokens
            .Where(t => t.UserId == userId && t.RevokedUtc == null)
            .Select(t => t.TokenHash)
            .ToListAsync(cancellationToken);
        await db.PersonalAccessTokens
            .Where(t => t.UserId == userId && t.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUtc, now), cancellationToken);
        return hashes;
    }

    /// <summary>Stops this server remembering tokens revoked by <see cref="RevokeAllAsync"/> as valid.</summary>
    internal static void Forget(IMemoryCache cache, IEnumerable<string> tokenHashes)
    {
        foreach (var hash in tokenHashes)
        {
            cache.Remove(CacheKey(hash));
        }
    }

    private static string CacheKey(string tokenHash) => "access-token:" + tokenHash;

    private static AccessTokenView View(PersonalAccessToken t) =>
        new(t.Id, t.Name, t.Prefix, t.CreatedUtc, t.LastUsedUtc, t.RevokedUtc);

    private sealed record ValidToken(int Id, string UserId)
    {
        public DateTime LastUsedUtc { get; set; }
    }
}
