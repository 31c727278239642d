using System.Globalization;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Web.Components.Shared;

/// <summary>How the roadmap pages write priorities and Pareto shares, the same way everywhere.</summary>
public static class RoadmapFormats
{
    /// <summary>A priority with two decimals, half away from zero (RULES.md §6.5).</summary>
    public static string Priority(double priority) =>
        Stages.ForExport(priority).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// A share 0..1 as a percentage with one decimal, e.g. "81.3 %"; two where one would show the 80 % of the vital
    /// few for a share below it (RULES.md §5.10, §6.8).
    /// </summary>
    public static string Share(double share) =>
        Stages.DisplayAgainst(100 * share, 100 * Assessment.Analysis.Pareto.VitalFewShare) + " %";
}
