using System.Security.Cryptography;

namespace CxMaturity.Web.Extensions;

/// <summary>
/// Headers on every response: the Content-Security-Policy (with a nonce for the one inline script, the import map),
/// what else a browser should be told, and no <c>Server</c> header. HSTS is added outside Development by
/// <see cref="ErrorHandlingExtensions.UseErrorHandling"/>. API responses are never cached.
/// </summary>
public static class SecurityHeadersExtensions
{
    /// <summary>
    /// Registered as a startup filter so that it wraps the whole pipeline, including the authentication and
    /// authorization middleware the host adds on its own (an API challenge never reaches middleware in Program.cs).
    /// </summary>
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddTransient<IStartupFilter, SecurityHeadersStartupFilter>();
        return builder;
    }

    private sealed class SecurityHeadersStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var nonce = ContentSecurityPolicy.CreateNonce(context);

                // Set as the response starts, after any error handler has cleared the response it replaces.
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers.ContentSecurityPolicy = ContentSecurityPolicy.For(nonce);
                    headers.XContentTypeOptions = "nosniff";

                    // An invitation link carries its secret in its path: no other site may learn it from a Referer.
                    headers["Referrer-Policy"] = "same-origin";
                    headers["Permissions-Policy"] = ContentSecurityPolicy.Permissions;

                    // What the API answers is one organisation's data for one caller (refusals included, which the
                    // authentication middleware writes before the API's own middleware runs): nothing may cache it.
                    if (context.Request.IsApi())
                    {
                        headers.CacheControl = "no-store";
                    }
                    return Task.CompletedTask;
                });
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// The Content-Security-Policy of every response. Scripts come only from the app itself, plus the import map Blazor
/// writes inline, which carries the request's nonce; no <c>unsafe-eval</c> and no other inline script. Styles allow
/// inline <c>style</c> attributes and elements, which MudBlazor's components and theme are made of. The circuit's
/// WebSocket is same-origin (<c>connect-src 'self'</c>). No other site may frame a page.
/// </summary>
public static class ContentSecurityPolicy
{
    private static readonly object NonceKey = new();

    /// <summary>What the app's pages may use of the browser: nothing but the clipboard and passkeys, on itself.</summary>
    public const string Permissions =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), " +
        "clipboard-write=(self), publickey-credentials-create=(self), publickey-credentials-get=(self)";

    /// <summary>The nonce of this request's policy, for an inline script the page has to write; null outside a request.</summary>
    public static string? NonceOf(HttpContext? context) =>
        context?.Items.TryGetValue(NonceKey, out var nonce) == true ? (string?)nonce : null;

    /// <summary>The policy for a response whose inline scripts carry <paramref name="nonce"/>.</summary>
    public static string For(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'self'";

    internal static string CreateNonce(HttpContext context)
    {
        // Hexadecimal: a valid nonce that needs no escaping in an HTML attribute.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }
}
