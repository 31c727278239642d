using System.Globalization;

namespace CxMaturity.LoadHarness.Driver;

/// <summary>What the harness reports about the machine it ran on: the CPU model, and CPU time from <c>/proc/stat</c>.</summary>
internal static class Machine
{
    public static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}

/// <summary>The machine's CPU time from <c>/proc/stat</c>: busy and total, in seconds over all cores.</summary>
internal readonly record struct MachineCpu(double BusySeconds, double TotalSeconds)
{
    public double BusyShare => TotalSeconds > 0 ? BusySeconds / TotalSeconds : 0;

    public static MachineCpu operator -(MachineCpu a, MachineCpu b) => new(a.BusySeconds - b.BusySeconds, a.TotalSeconds - b.TotalSeconds);

    public static MachineCpu Read()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture) / 100).ToArray();
        var idle = fields[3] + fields[4];
        var total = fields.Take(8).Sum();
        return new MachineCpu(total - idle, total);
    }
}
