using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Health;

/// <summary>The thresholds of <c>/health</c> (the <c>Health</c> section).</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>Below this much free space on the volume holding <c>Data:Directory</c>, the disk check is Degraded.</summary>
    public long MinimumFreeDiskMegabytes { get; set; } = 500;

    /// <summary>Below this much free space the disk check is Unhealthy: SQLite is about to fail to write.</summary>
    public long CriticalFreeDiskMegabytes { get; set; } = 50;
}

/// <summary>Refuses to start with thresholds that cannot both hold, saying which.</summary>
internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        var problems = new List<string>();
        if (options.CriticalFreeDiskMegabytes < 0)
        {
            problems.Add($"Health:CriticalFreeDiskMegabytes is {options.CriticalFreeDiskMegabytes}: it cannot be negative (the default is 50).");
        }

        if (options.MinimumFreeDiskMegabytes < options.CriticalFreeDiskMegabytes)
        {
            problems.Add(
                $"Health:MinimumFreeDiskMegabytes ({options.MinimumFreeDiskMegabytes}) is below Health:CriticalFreeDiskMegabytes "
                + $"({options.CriticalFreeDiskMegabytes}): the warning has to come before the failure (the defaults are 500 and 50).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
