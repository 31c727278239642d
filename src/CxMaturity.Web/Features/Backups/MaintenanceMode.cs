using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;

namespace CxMaturity.Web.Features.Backups;

/// <summary>
/// While a backup is restored into the running app, nothing else may read or write the database. Work comes in
/// three ways, and each passes a gate here:
/// <list type="bullet">
/// <item>HTTP requests: the maintenance middleware admits a request only while the app is open, and counts it until
/// it ends; while maintenance is on, new requests get 503 (Extensions/MaintenanceExtensions.cs).</item>
/// <item>Background jobs (and a backup being taken) hold a lease from <see cref="EnterAsync"/> for their whole run; a
/// job that starts during maintenance waits for the app to open again, then runs against the restored data.</item>
/// <item>Everything else — the Blazor circuits above all, whose WebSockets stay open — meets the gate when it opens a
/// database connection (<see cref="MaintenanceConnectionGate"/>), which waits once the swap has begun.</item>
/// </list>
/// A restore (<see cref="RunAsync{T}"/>) first stops admitting requests and jobs and waits for those already admitted
/// to finish (their own connections still open meanwhile); then it closes the gate on new connections and waits for
/// the open ones to close; only then does it swap the files. One restore at a time.
/// </summary>
public sealed class MaintenanceMode
{
    private const int Open = 0;
    private const int Draining = 1; // no new requests or jobs; admitted work and connections go on
    private const int Closed = 2; // no new connections either: the files are swapped

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    // Each connection being opened or open: false until it has opened, then true.
    private readonly ConcurrentDictionary<DbConnection, bool> _connections = new();
    private readonly AsyncLocal<bool> _restoring = new();
    private readonly Lock _starting = new();
    private TaskCompletionSource _reopened = Reopened();
    private int _state = Open;
    private int _work;

    /// <summary>A restore is running: requests get 503, jobs wait.</summary>
    public bool IsOn => Volatile.Read(ref _state) != Open;

    /// <summary>
    /// Admits an HTTP request while the app is open: true, and it counts until <see cref="Leave"/>; false while
    /// maintenance is on.
    /// </summary>
    public bool TryEnter()
    {
        // Counted before the state is read, and the restore reads the count after it changed the state: either the
        // request sees maintenance, or the restore sees the request.
        Interlocked.Increment(ref _work);
        if (Volatile.Read(ref _state) == Open)
        {
            return true;
        }

        Interlocked.Decrement(ref _work);
        return false;
    }

    /// <summary>Ends what <see cref="TryEnter"/> admitted.</summary>
    public void Leave() => Interlocked.Decrement(ref _work);

    /// <summary>
    /// A lease for a background job's whole run, waiting first while maintenance is on; dispose it when the run ends.
    /// </summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        while (!TryEnter())
        {
            await WhenOpenAsync(cancellationToken);
        }

        return new Lease(this);
    }

    /// <summary>
    /// Turns maintenance on, waits up to <paramref name="wait"/> for the work in flight to finish and the database
    /// connections to close, runs <paramref name="swap"/> (which alone may open connections meanwhile), and turns
    /// maintenance off again, whatever happened.
    /// </summary>
    /// <exception cref="ConflictException">A restore is running already, or work went on longer than <paramref name="wait"/>; nothing was swapped.</exception>
    public async Task<T> RunAsync<T>(Func<Task<T>> swap, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(swap);
        TaskCompletionSource reopened;
        lock (_starting)
        {
            if (Volatile.Read(ref _state) != Open)
            {
                throw new ConflictException("A restore is running already: wait for it to finish.");
            }

            // A new signal before the state changes: whoever then finds maintenance on waits for this one.
            reopened = Reopened();
            Volatile.Write(ref _reopened, reopened);
            Interlocked.Exchange(ref _state, Draining);
        }

        try
        {
            var clock = Stopwatch.StartNew();
            await WaitUntilAsync(() => Volatile.Read(ref _work) == 0, clock, wait,
                () => $"{Volatile.Read(ref _work)} request(s) or background job(s) were still at work after {wait.TotalSeconds:0} s");
            Interlocked.Exchange(ref _state, Closed);
            await WaitUntilAsync(() => OpenConnections() == 0, clock, wait,
                () => $"{OpenConnections()} database connection(s) were still open after {wait.TotalSeconds:0} s");

            _restoring.Value = true;
            return await swap();
        }
        finally
        {
            Interlocked.Exchange(ref _state, Open);
            reopened.TrySetResult();
        }
    }

    /// <summary>Before a database connection opens: waits while the files are being swapped, except for the swap itself.</summary>
    internal async ValueTask ConnectionOpeningAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        while (!TryOpen(connection))
        {
            await WhenOpenAsync(cancellationToken);
        }
    }

    /// <inheritdoc cref="ConnectionOpeningAsync"/>
    internal void ConnectionOpening(DbConnection connection)
    {
        while (!TryOpen(connection))
        {
            WhenOpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    internal void ConnectionOpened(DbConnection connection) => _connections[connection] = true;

    /// <summary>After a connection closed, or failed to open.</summary>
    internal void ConnectionClosed(DbConnection connection) => _connections.TryRemove(connection, out _);

    private bool TryOpen(DbConnection connection)
    {
        _connections[connection] = false;
        if (Volatile.Read(ref _state) != Closed || _restoring.Value)
        {
            return true;
        }

        _connections.TryRemove(connection, out _);
        return false;
    }

    // A connection whose close went unnoticed (a context dropped without closing it) must not hold a restore back;
    // one still opening counts.
    private int OpenConnections()
    {
        foreach (var (connection, _) in _connections.Where(c => c.Value && c.Key.State == ConnectionState.Closed))
        {
            _connections.TryRemove(connection, out _);
        }

        return _connections.Count;
    }

    private async Task WhenOpenAsync(CancellationToken cancellationToken)
    {
        var reopened = Volatile.Read(ref _reopened).Task;
        if (IsOn)
        {
            await reopened.WaitAsync(cancellationToken);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> done, Stopwatch clock, TimeSpan wait, Func<string> why)
    {
        while (!done())
        {
            if (clock.Elapsed >= wait)
            {
                throw new ConflictException($"The backup was not restored: {why()}. Nothing was changed; try again in a moment.");
            }

            await Task.Delay(Poll);
        }
    }

    private static TaskCompletionSource Reopened() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Lease(MaintenanceMode maintenance) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                maintenance.Leave();
            }
        }
    }
}
