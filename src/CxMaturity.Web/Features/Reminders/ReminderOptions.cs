using CxMaturity.Web.Features.Common;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Reminders;

/// <summary>When the reminder job runs (the <c>Reminders</c> section).</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>A five-field cron expression in UTC; every 15 minutes unless set.</summary>
    public string Cron { get; set; } = "*/15 * * * *";
}

/// <summary>Refuses to start with a cron expression that cannot be read, saying which and why.</summary>
internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options) =>
        CronSetting.Problem("Reminders:Cron", options.Cron, "\"*/15 * * * *\" for every 15 minutes") is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
