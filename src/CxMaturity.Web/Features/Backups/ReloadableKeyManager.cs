using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace CxMaturity.Web.Features.Backups;

/// <summary>
/// The data-protection key manager (sign-in cookies, unsubscribe links, the calendar feeds' secrets) with one addition,
/// <see cref="Expire"/>: the app caches the key ring for up to a day and reads the keys folder again only when it
/// creates or revokes a key itself. After a restore has put the backup's keys in place, the cached ring would go on
/// protecting with a key no longer on disk (lost at the next start) and refuse what the restored keys protected.
/// </summary>
public sealed class ReloadableKeyManager(IKeyManager inner) : IKeyManager, IDisposable
{
    private readonly Lock _lock = new();
    private CancellationTokenSource _expired = new();
    private CancellationTokenSource? _linked;

    /// <summary>Makes the cached key ring stale: the next use of data protection reads the keys folder again.</summary>
    public void Expire()
    {
        CancellationTokenSource expired;
        lock (_lock)
        {
            expired = _expired;
            _expired = new CancellationTokenSource();
        }

        expired.Cancel();
        expired.Dispose();
    }

    public CancellationToken GetCacheExpirationToken()
    {
        lock (_lock)
        {
            // The ring asks for a token each time it reads the keys; only the newest link is kept.
            _linked?.Dispose();
            _linked = CancellationTokenSource.CreateLinkedTokenSource(inner.GetCacheExpirationToken(), _expired.Token);
            return _linked.Token;
        }
    }

    public IKey CreateNewKey(DateTimeOffset activationDate, DateTimeOffset expirationDate) => inner.CreateNewKey(activationDate, expirationDate);

    public IReadOnlyCollection<IKey> GetAllKeys() => inner.GetAllKeys();

    public void RevokeKey(Guid keyId, string? reason = null) => inner.RevokeKey(keyId, reason);

    public void RevokeAllKeys(DateTimeOffset revocationDate, string? reason = null) => inner.RevokeAllKeys(revocationDate, reason);

    public void Dispose()
    {
        lock (_lock)
        {
            _linked?.Dispose();
            _expired.Dispose();
        }
    }
}
