using BenchmarkDotNet.Running;

namespace CxMaturity.Benchmarks;

// Not a top-level program: the Web project's Program class would clash with the generated one.
public static class BenchmarkProgram
{
    /// <summary>
    /// BenchmarkDotNet for everything, except <c>budget &lt;scenario&gt;</c>, which runs one workbook scenario in this
    /// process and reports its peak working set (BenchmarkDotNet cannot).
    /// </summary>
    public static void Main(string[] args)
    {
        if (args is ["budget", var scenario])
        {
            WorkbookBudgets.Run(scenario, Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
