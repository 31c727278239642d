using System.Globalization;
using CxMaturity.Web.Features.Common;

namespace CxMaturity.Web.Components.Shared;

/// <summary>How pages write dates and service errors, the same way everywhere.</summary>
public static class Formats
{
    public static string Date(DateOnly? date) =>
        date is { } d ? d.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "–";

    /// <summary>A round's dates as a person says them: "1 Mar 2026 – 31 Mar 2026", "closes 31 Mar 2026", "no dates set".</summary>
    public static string DateRange(DateOnly? opens, DateOnly? closes) => (opens, closes) switch
    {
        (null, null) => "no dates set",
        (null, _) => $"closes {Date(closes)}",
        (_, null) => $"opens {Date(opens)}",
        _ => $"{Date(opens)} – {Date(closes)}",
    };

    public static string Date(DateTime? utc) =>
        utc is { } d ? d.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "–";

    public static string DateTime(DateTime? utc) =>
        utc is { } d ? d.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) : "–";

    public static string Percent(double ratio) =>
        ((int)Math.Floor(100 * Math.Clamp(ratio, 0, 1))).ToString(CultureInfo.InvariantCulture) + " %";

    /// <summary>Every message of a validation failure, as one paragraph.</summary>
    public static string Messages(ValidationException exception) =>
        string.Join(" ", exception.Errors.SelectMany(e => e.Value));

    /// <summary>The messages for one field, or null when it has none.</summary>
    public static string? MessagesFor(IReadOnlyDictionary<string, string[]>? errors, string field) =>
        errors is not null && errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
