using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace CxMaturity.Web.Components.Shared;

/// <summary>
/// Lets a heavy page read its view once. A page is rendered twice: first on the server as HTML (prerendering),
/// then again when its circuit connects. The view read while prerendering is kept here for a few seconds under a
/// random key; the page persists only that key (<c>[PersistentState]</c>), and the interactive render takes the view
/// instead of reading and scoring the round again. The view itself never goes into the page: a round's model alone
/// is about 150 KB.
/// </summary>
public sealed class PrerenderHandOff(IMemoryCache cache)
{
    /// <summary>How long a prerendered view waits for its circuit; a browser that never connects leaves it to expire.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(30);

    /// <summary>Keeps <paramref name="view"/>, read for <paramref name="userId"/>, and returns the key to persist.</summary>
    public string Keep<T>(string userId, T view)
        where T : class
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        cache.Set(CacheKey(key), new Kept(userId, view), KeptFor);
        return key;
    }

    /// <summary>The view kept under <paramref name="key"/> for the same user, once; null when there is none.</summary>
    public T? Take<T>(string? key, string userId)
        where T : class
    {
        if (key is null || !cache.TryGetValue(CacheKey(key), out Kept? kept) || kept is null)
        {
            return null;
        }

        cache.Remove(CacheKey(key));
        return kept.UserId == userId ? kept.View as T : null;
    }

    private static string CacheKey(string key) => "prerendered:" + key;

    private sealed record Kept(string UserId, object View);
}
