namespace CxMaturity.Web.Extensions;

/// <summary>
/// Headers on every response. The circuit's WebSocket runs uncompressed (see Program.cs), so Blazor no longer adds
/// its own <c>frame-ancestors</c> policy; this sets it, with the rest of what a browser should be told.
/// </summary>
public static class SecurityHeadersExtensions
{
    /// <summary>
    /// Registered as a startup filter so that it wraps the whole pipeline, including the authentication and
    /// authorization middleware the host adds on its own (an API challenge never reaches middleware in Program.cs).
    /// </summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.AddTransient<IStartupFilter, SecurityHeadersStartupFilter>();

    private sealed class SecurityHeadersStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                // Set as the response starts, after any error handler has cleared the response it replaces.
                context.Response.OnStarting(static state =>
                {
                    var headers = ((HttpResponse)state).Headers;
                    headers.ContentSecurityPolicy = "frame-ancestors 'self'";
                    headers.XContentTypeOptions = "nosniff";

                    // An invitation link carries its secret in its path: no other site may learn it from a Referer.
                    headers["Referrer-Policy"] = "same-origin";
                    return Task.CompletedTask;
                }, context.Response);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
