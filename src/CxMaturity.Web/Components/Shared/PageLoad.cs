namespace CxMaturity.Web.Components.Shared;

/// <summary>
/// The one way a page loads what it shows: a record that is not the user's (or does not exist) and one their role
/// does not allow become the page's <see cref="ProblemKind"/>, shown by <see cref="ProblemState"/>; anything else is
/// a fault for the error boundary.
/// </summary>
public static class PageLoad
{
    /// <summary>Runs <paramref name="load"/>; null when it succeeded, else why the page cannot show it.</summary>
    public static async Task<PageProblem?> TryAsync(Func<Task> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        try
        {
            await load();
            return null;
        }
        catch (NotFoundException e)
        {
            return new PageProblem(ProblemKind.NotFound, e.Message);
        }
        catch (ForbiddenException e)
        {
            return new PageProblem(ProblemKind.Forbidden, e.Message);
        }
    }
}

/// <summary>Why a page cannot show what was asked for, with the service's own sentence.</summary>
public sealed record PageProblem(ProblemKind Kind, string Message);
