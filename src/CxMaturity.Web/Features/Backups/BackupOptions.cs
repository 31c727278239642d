using CxMaturity.Web.Features.Common;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Backups;

/// <summary>Scheduled backups (the <c>Backup</c> section), kept under <c>&lt;Data:Directory&gt;/backups/</c>.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>When to take one: five cron fields in UTC; every day at 03:00 unless set; empty turns scheduled backups off.</summary>
    public string? Cron { get; set; } = "0 3 * * *";

    /// <summary>How many scheduled or administrator backups to keep; older ones are deleted.</summary>
    public int Keep { get; set; } = 7;
}

/// <summary>Refuses to start with a schedule that cannot be read or nothing to keep, saying which and why.</summary>
internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Cron) && CronSetting.Problem("Backup:Cron", options.Cron, "\"0 3 * * *\" for every day at 03:00 UTC") is { } cron)
        {
            problems.Add(cron);
        }

        if (options.Keep < 1)
        {
            problems.Add($"Backup:Keep is {options.Keep}: keep at least 1 backup (the default is 7).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
