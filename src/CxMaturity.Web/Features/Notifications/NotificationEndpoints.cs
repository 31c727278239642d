using System.Security.Claims;
using CxMaturity.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxMaturity.Web.Features.Notifications;

/// <summary>The caller's notifications over HTTP, the calendar feed and the one-click unsubscribe.</summary>
public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("", ListAsync)
            .WithName("ListNotifications")
            .WithSummary("The caller's notifications, newest first (at most 200), with the number unread; `unread=true` lists only unread ones.");
        group.MapPost("/{id:long}/read", ReadAsync)
            .WithName("MarkNotificationRead")
            .WithSummary("Marks one of the caller's notifications read.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/read-all", ReadAllAsync)
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Marks every unread notification of the caller read; answers how many.");
        return api;
    }

    /// <summary>
    /// The routes a secret link stands for a signed-in user: the calendar feed (<c>/calendar/{secret}.ics</c>) and the
    /// one-click unsubscribe mail programs POST to (RFC 8058). Neither says whether a secret ever existed.
    /// </summary>
    public static WebApplication MapNotificationLinks(this WebApplication app)
    {
        app.MapGet("/calendar/{secret}.ics", CalendarAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/unsubscribe/{token}/now", UnsubscribeAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<NotificationListView>> ListAsync(ClaimsPrincipal user, NotificationService service, bool? unread, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListAsync(ApiUser.IdOf(user), unread ?? false, cancellationToken));

    private static async Task<NoContent> ReadAsync(ClaimsPrincipal user, NotificationService service, long id, CancellationToken cancellationToken)
    {
        await service.MarkReadAsync(ApiUser.IdOf(user), id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MarkedReadView>> ReadAllAsync(ClaimsPrincipal user, NotificationService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(new MarkedReadView(await service.MarkAllReadAsync(ApiUser.IdOf(user), cancellationToken)));

    private static async Task<IResult> CalendarAsync(string secret, CalendarFeedService feeds, HttpContext context, CancellationToken cancellationToken)
    {
        var feed = await feeds.FeedAsync(secret, cancellationToken);
        if (feed is null)
        {
            return Microsoft.AspNetCore.Http.Results.Text("This calendar feed does not exist or was revoked.", "text/plain", statusCode: StatusCodes.Status404NotFound);
        }

        context.Response.Headers.CacheControl = "no-store";
        return Microsoft.AspNetCore.Http.Results.Text(feed, "text/calendar; charset=utf-8");
    }

    private static async Task<IResult> UnsubscribeAsync(string token, UnsubscribeLinks links, NotificationService service, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } who)
        {
            // With a body, so that the status-code pages do not re-run this POST as the not-found page.
            return Microsoft.AspNetCore.Http.Results.Text("This unsubscribe link is not valid.", "text/plain", statusCode: StatusCodes.Status404NotFound);
        }

        await service.UnsubscribeAsync(who.UserId, who.Kind, cancellationToken);
        return Microsoft.AspNetCore.Http.Results.NoContent();
    }
}

/// <summary>How many notifications were marked read.</summary>
public sealed record MarkedReadView(int Marked);
