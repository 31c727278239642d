using CxMaturity.Web.Features.Backups;
using Microsoft.AspNetCore.Mvc;

namespace CxMaturity.Web.Extensions;

/// <summary>
/// Maintenance mode (<see cref="MaintenanceMode"/>): while a backup is restored, every request but a static file gets
/// 503 with <c>Retry-After</c> — a short page, or problem details for <c>/api</c> — and the restore waits for the
/// requests already admitted to end.
/// </summary>
public static class MaintenanceExtensions
{
    public const string Title = "CxMaturity is being restored from a backup";

    public const string Detail = "CxMaturity is being restored from a backup; back in a moment.";

    /// <summary>What a client is told to wait before it asks again, in seconds (<c>Retry-After</c>).</summary>
    public const string RetryAfterSeconds = "10";

    // Files the app serves as they are (wwwroot, the framework's and packages' assets): they touch no data, and a page
    // already open may still ask for them.
    private static readonly HashSet<string> StaticExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".css", ".js", ".mjs", ".map", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp", ".woff", ".woff2", ".ttf",
    };

    /// <summary>
    /// The middleware (the <see cref="MaintenanceMode"/> itself is registered with the data). Registered as a startup
    /// filter, after the security headers, so that it runs before everything else the
    /// pipeline does (authentication reads the database too) and its answers still carry those headers.
    /// </summary>
    public static IServiceCollection AddMaintenanceMode(this IServiceCollection services)
    {
        services.AddTransient<IStartupFilter, MaintenanceStartupFilter>();
        return services;
    }

    private sealed class MaintenanceStartupFilter(MaintenanceMode maintenance) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (IsStatic(context.Request) || IsCircuit(context.Request))
                {
                    await nextMiddleware(context);
                    return;
                }

                if (!maintenance.TryEnter())
                {
                    await WriteUnavailableAsync(context);
                    return;
                }

                try
                {
                    await nextMiddleware(context);
                }
                finally
                {
                    maintenance.Leave();
                }
            });
            next(app);
        };
    }

    private static bool IsStatic(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && (request.Path.StartsWithSegments("/_framework") || request.Path.StartsWithSegments("/_content")
            || StaticExtensions.Contains(Path.GetExtension(request.Path.Value ?? "")));

    // The circuits' own connection (a WebSocket that lasts as long as the page) is neither refused nor waited for: a
    // circuit's database work meets the gate on its connections instead, and the administrator's page that runs the
    // restore is one of them.
    private static bool IsCircuit(HttpRequest request) => request.Path.StartsWithSegments("/_blazor");

    private static async Task WriteUnavailableAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds;
        response.Headers.CacheControl = "no-store";
        if (context.Request.IsApi())
        {
            await response.WriteAsJsonAsync(
                new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = Title, Detail = Detail },
                options: null,
                contentType: "application/problem+json");
            return;
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Page);
    }

    private const string Page = $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="{RetryAfterSeconds}"><title>{Title}</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">
        <h1 style="font-size: 1.4rem">{Title}</h1>
        <p>Back in a moment: this page reloads itself.</p>
        </body>
        </html>
        """;
}
