using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CxMaturity.Web.Tests.Infrastructure;

/// <summary>
/// Records the SQL commands EF Core sends while a test's own code runs (the flow that called <see cref="Record"/>),
/// so that a test can pin how many round trips an operation takes; and can hold a command back until the test lets
/// it go, to put two operations side by side at an exact point.
/// </summary>
public sealed class CommandRecorder : DbCommandInterceptor
{
    private readonly AsyncLocal<ConcurrentQueue<string>?> _recording = new();
    private readonly ConcurrentDictionary<string, Pause> _pauses = new(StringComparer.Ordinal);

    /// <summary>Starts recording the commands of the calling flow; dispose the result to stop.</summary>
    public Recording Record()
    {
        var commands = new ConcurrentQueue<string>();
        _recording.Value = commands;
        return new Recording(commands, () => _recording.Value = null);
    }

    /// <summary>
    /// The next command whose text holds <paramref name="tag"/> (a query tag) waits, after it ran, until
    /// <see cref="Pause.Release"/>; <see cref="Pause.Reached"/> completes when it is waiting.
    /// </summary>
    public Pause PauseAfter(string tag) => _pauses[tag] = new Pause();

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        foreach (var (tag, pause) in _pauses)
        {
            if (command.CommandText.Contains(tag, StringComparison.Ordinal) && _pauses.TryRemove(tag, out _))
            {
                await pause.WaitAsync();
            }
        }

        return result;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Note(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Note(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Note(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Note(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Note(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Note(command, result));

    private T Note<T>(DbCommand command, T result)
    {
        _recording.Value?.Enqueue(command.CommandText);
        return result;
    }

    /// <summary>The commands recorded so far, in the order they were sent.</summary>
    public sealed class Recording(ConcurrentQueue<string> commands, Action stop) : IDisposable
    {
        public IReadOnlyList<string> Commands => [.. commands];

        public void Dispose() => stop();
    }

    public sealed class Pause
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        internal Task WaitAsync()
        {
            _reached.TrySetResult();
            return _released.Task;
        }
    }
}
