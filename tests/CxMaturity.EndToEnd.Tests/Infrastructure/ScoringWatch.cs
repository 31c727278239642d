using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CxMaturity.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Counts how often each round is scored. Every scoring reads the round's importance ratings exactly once, in a
/// command whose parameter is the round's id, and nothing else reads them.
/// </summary>
public sealed class ScoringWatch : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<int, int> _scorings = new();

    /// <summary>How often the round has been scored so far.</summary>
    public int Of(int roundId) => _scorings.GetValueOrDefault(roundId);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("FROM \"ImportanceRatings\"", StringComparison.Ordinal))
        {
            foreach (DbParameter parameter in command.Parameters)
            {
                if (parameter.Value is int roundId)
                {
                    _scorings.AddOrUpdate(roundId, 1, (_, count) => count + 1);
                }
            }
        }

        return ValueTask.FromResult(result);
    }
}
