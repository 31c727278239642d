using System.Collections.Concurrent;

namespace CxMaturity.Web.Features.Notifications;

/// <summary>
/// Tells the open pages of a user that their notifications changed (one was delivered, or read in another tab), so
/// that the bell's count moves without polling. A singleton: a component subscribes for its user, calls
/// <c>InvokeAsync</c> in its callback, and disposes the subscription when it goes.
/// </summary>
public sealed class NotificationNotifier(ILogger<NotificationNotifier> logger)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<Task>>> _subscribers = new(StringComparer.Ordinal);

    /// <summary>Calls <paramref name="changed"/> whenever <paramref name="userId"/>'s notifications change, until disposed.</summary>
    public IDisposable Subscribe(string userId, Func<Task> changed)
    {
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(userId, _ => new())[id] = changed;
        return new Subscription(() =>
        {
            if (_subscribers.TryGetValue(userId, out var callbacks))
            {
                callbacks.TryRemove(id, out _);
            }
        });
    }

    /// <summary>Tells every open page of these users; a page that fails to hear does not stop the others.</summary>
    public void Changed(IEnumerable<string> userIds)
    {
        foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
        {
            if (_subscribers.TryGetValue(userId, out var callbacks))
            {
                foreach (var callback in callbacks.Values)
                {
                    // Off the caller's thread: the job or another page's circuit does not wait for this page.
                    _ = Task.Run(() => Notify(callback));
                }
            }
        }
    }

    private async Task Notify(Func<Task> callback)
    {
        try
        {
            await callback();
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "A page could not be told of new notifications (it has probably closed).");
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
