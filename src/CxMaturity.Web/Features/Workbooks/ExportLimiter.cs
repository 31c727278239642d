using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Workbooks;

/// <summary>
/// Lets at most <see cref="WorkbookOptions.MaxConcurrentExports"/> workbooks be built or read at once, so that many
/// downloads together cannot exhaust memory. Callers beyond the limit wait in line for
/// <see cref="WorkbookOptions.QueueTimeout"/>, then are turned away with <see cref="ExportsBusyException"/>.
/// </summary>
public sealed class ExportLimiter(IOptions<WorkbookOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentExports, options.Value.MaxConcurrentExports);
    private readonly TimeSpan _timeout = options.Value.QueueTimeout;

    /// <summary>Slots free right now.</summary>
    public int Available => _slots.CurrentCount;

    /// <summary>Waits for a slot; dispose the lease to give it back.</summary>
    /// <exception cref="ExportsBusyException">No slot came free within the queue timeout.</exception>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        if (!await _slots.WaitAsync(_timeout, cancellationToken))
        {
            throw new ExportsBusyException();
        }

        return new Lease(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

/// <summary>Every workbook slot stayed busy for the whole queue timeout. HTTP 503.</summary>
public sealed class ExportsBusyException()
    : Exception("Too many exports are running; try again in a minute.");
