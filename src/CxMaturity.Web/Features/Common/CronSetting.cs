using Cronos;

namespace CxMaturity.Web.Features.Common;

/// <summary>Checks a cron setting at start, so that a mistyped schedule stops the app with a sentence instead of never running.</summary>
public static class CronSetting
{
    /// <summary>Why <paramref name="value"/> of <paramref name="setting"/> is not a cron expression, or null.</summary>
    public static string? Problem(string setting, string? value, string example)
    {
        try
        {
            CronExpression.Parse(value ?? "");
            return null;
        }
        catch (CronFormatException e)
        {
            return $"{setting} \"{value}\" is not a cron expression ({e.Message}): give five fields, minute hour day-of-month month day-of-week, e.g. {example}.";
        }
    }
}
