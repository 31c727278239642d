using BenchmarkDotNet.Running;

namespace CxMaturity.Benchmarks;

// Not a top-level program: the Web project's Program class would clash with the generated one.
public static class BenchmarkProgram
{
    /// <summary>
    /// BenchmarkDotNet for everything, except <c>budget &lt;scenario&gt;</c>, which runs one workbook scenario in this
    /// process and reports its peak working set (BenchmarkDotNet cannot), and <c>reminders-profile</c>, which shows where
    /// a reminder run's time goes (<see cref="ReminderProfile"/>), and <c>backup-under-load</c>, which measures save
    /// latency with and without an online backup (<see cref="BackupUnderLoad"/>).
    /// </summary>
    public static void Main(string[] args)
    {
        if (args is ["budget", var scenario])
        {
            WorkbookBudgets.Run(scenario, Console.Out);
            return;
        }

        if (args is ["reminders-profile", .. var more])
        {
            var runs = more.FirstOrDefault(a => a.All(char.IsAsciiDigit)) is { } number ? int.Parse(number, System.Globalization.CultureInfo.InvariantCulture) : 5;
            var history = more.FirstOrDefault(a => a.StartsWith("history=", StringComparison.Ordinal)) is { } h
                ? int.Parse(h["history=".Length..], System.Globalization.CultureInfo.InvariantCulture)
                : 0;
            ReminderProfile.RunAsync(Console.Out, runs, smtp: more.Contains("smtp"), history).GetAwaiter().GetResult();
            return;
        }

        if (args is ["backup-under-load", .. var settings])
        {
            BackupUnderLoad.RunAsync(Console.Out, settings).GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
