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

    /// <summary>
    /// How long a restore from the administrators' page waits, in maintenance mode, for the requests, jobs and
    /// database connections in flight to finish before it gives up and changes nothing.
    /// </summary>
    public int RestoreWaitSeconds { get; set; } = 30;

    /// <summary>The largest backup file an administrator may upload to restore, in megabytes.</summary>
    public int MaxUploadMegabytes { get; set; } = 2048;
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

        if (options.RestoreWaitSeconds is < 1 or > 600)
        {
            problems.Add($"Backup:RestoreWaitSeconds is {options.RestoreWaitSeconds}: give 1 to 600 seconds (the default is 30).");
        }

        if (options.MaxUploadMegabytes < 1)
        {
            problems.Add($"Backup:MaxUploadMegabytes is {options.MaxUploadMegabytes}: allow at least 1 MB (the default is 2048).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
