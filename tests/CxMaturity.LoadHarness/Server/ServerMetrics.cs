using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CxMaturity.LoadHarness.Server;

/// <summary>
/// What the server itself sees while the browsers work: Blazor's own instruments (event handling, rendering,
/// circuits) and how long work waits for a thread-pool thread. Read and reset between phases.
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    private const int MaxSamplesPerSeries = 200_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<double>> _series = new(StringComparer.Ordinal);
    private readonly HashSet<string> _instruments = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();
    private readonly Timer _sampler;
    private int _sampling;

    public ServerMetrics()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)
                || instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal)
                || instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.SignalR", StringComparison.Ordinal))
            {
                lock (_lock)
                {
                    _instruments.Add($"{instrument.Meter.Name}/{instrument.Name} ({instrument.Unit})");
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.Start();
        _sampler = new Timer(_ => SampleThreadPool(), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
    }

    public MetricsSnapshot Snapshot(bool reset)
    {
        lock (_lock)
        {
            var series = _series
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => SeriesSummary.Of(s.Key, s.Value))
                .ToList();
            if (reset)
            {
                _series.Clear();
            }

            return new MetricsSnapshot([.. _instruments.Order(StringComparer.Ordinal)], series);
        }
    }

    public void Dispose()
    {
        _sampler.Dispose();
        _listener.Dispose();
    }

    private void Record(string name, double value)
    {
        lock (_lock)
        {
            if (!_series.TryGetValue(name, out var values))
            {
                _series[name] = values = [];
            }

            if (values.Count < MaxSamplesPerSeries)
            {
                values.Add(value);
            }
        }
    }

    // How long a work item waits for a thread: when this grows, every circuit's events wait with it.
    private void SampleThreadPool()
    {
        if (Interlocked.Exchange(ref _sampling, 1) == 1)
        {
            return;
        }

        Record("harness.threadpool.pending", ThreadPool.PendingWorkItemCount);
        Record("harness.threadpool.threads", ThreadPool.ThreadCount);
        var queued = Stopwatch.GetTimestamp();
        ThreadPool.UnsafeQueueUserWorkItem(
            _ =>
            {
                Record("harness.threadpool.queue_delay_ms", Stopwatch.GetElapsedTime(queued).TotalMilliseconds);
                Volatile.Write(ref _sampling, 0);
            },
            null);
    }
}

public sealed record MetricsSnapshot(IReadOnlyList<string> Instruments, IReadOnlyList<SeriesSummary> Series);

public sealed record SeriesSummary(string Name, int Count, double Sum, double Mean, double P50, double P95, double P99, double Max)
{
    public static SeriesSummary Of(string name, List<double> values)
    {
        if (values.Count == 0)
        {
            return new SeriesSummary(name, 0, 0, 0, 0, 0, 0, 0);
        }

        var sorted = values.Order().ToArray();
        var sum = sorted.Sum();
        return new SeriesSummary(
            name, sorted.Length, sum, sum / sorted.Length, Percentile.Of(sorted, 50), Percentile.Of(sorted, 95),
            Percentile.Of(sorted, 99), sorted[^1]);
    }
}

/// <summary>Nearest-rank percentiles: the value at or below which p % of the samples lie, always a real sample.</summary>
public static class Percentile
{
    public static double Of(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
