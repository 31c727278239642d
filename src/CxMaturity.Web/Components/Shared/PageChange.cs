namespace CxMaturity.Web.Components.Shared;

/// <summary>
/// The one way an interactive page runs a change: a refusal the user can act on (a conflict, a record someone else
/// changed or removed, a role that no longer allows it) becomes the sentence to show; anything else is a fault for
/// the error boundary.
/// </summary>
public static class PageChange
{
    /// <summary>Runs <paramref name="change"/>; null when it went through, else the service's own sentence.</summary>
    public static async Task<string?> RefusalAsync(Func<Task> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            await change();
            return null;
        }
        catch (Exception e) when (e is ConflictException or ConcurrencyConflictException or ForbiddenException or NotFoundException)
        {
            return e.Message;
        }
    }
}
