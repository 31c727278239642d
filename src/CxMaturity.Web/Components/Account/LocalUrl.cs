namespace CxMaturity.Web.Components.Account;

/// <summary>
/// Where a browser may be sent after signing in or out: a path on this site, never another site. A return address
/// that could lead elsewhere (<c>https://evil.example</c>, <c>//evil.example</c>, <c>/\evil.example</c>,
/// <c>javascript:…</c>) is replaced by the home page instead of failing the request.
/// </summary>
public static class LocalUrl
{
    public const string Home = "/";

    /// <summary>
    /// <paramref name="url"/> as a root-relative path when it is a path on this site (<c>/profile</c>, or
    /// base-relative <c>organisations/3</c>); otherwise <see cref="Home"/>.
    /// </summary>
    public static string OrHome(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Any(c => char.IsControl(c) || c == '\\'))
        {
            return Home;
        }

        if (url[0] == '/')
        {
            return url.Length > 1 && url[1] == '/' ? Home : url;
        }

        // Base-relative ("organisations/3?tab=members"): refused when a scheme comes before the path ("javascript:").
        var pathEnd = url.IndexOfAny(['/', '?', '#']);
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && (pathEnd < 0 || colon < pathEnd) ? Home : "/" + url;
    }
}
