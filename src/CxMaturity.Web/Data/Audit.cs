namespace CxMaturity.Web.Data;

/// <summary>
/// Writes audit lines with a change: added to the caller's context, so the caller's SaveChanges writes them in the
/// change's own transaction, and a change refused or rolled back leaves no line. The actor is the context's
/// <see cref="AppDbContext.ActingUserId"/>.
/// </summary>
internal static class Audit
{
    /// <summary>The longest before or after text kept; longer text (a description) is cut with an ellipsis.</summary>
    public const int MaxText = 2000;

    /// <summary>Adds a line: <paramref name="area"/> record <paramref name="subject"/> was <paramref name="action"/>, from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static void Record(
        AppDbContext db, int organisationId, DateTime atUtc, string area, string subject, string action, string? before = null, string? after = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            OrganisationId = organisationId,
            AtUtc = atUtc,
            UserId = db.ActingUserId,
            Area = area,
            Subject = Cut(subject, 400)!,
            Action = action,
            Before = Cut(before, MaxText),
            After = Cut(after, MaxText),
        });

    /// <summary>"field: before → after" for each field that differs, one a line; null when nothing does.</summary>
    public static (string? Before, string? After) Changes(params (string Field, string? Before, string? After)[] fields)
    {
        var changed = fields.Where(f => !string.Equals(f.Before ?? "", f.After ?? "", StringComparison.Ordinal)).ToList();
        return changed.Count == 0
            ? (null, null)
            : (string.Join('\n', changed.Select(f => $"{f.Field}: {Shown(f.Before)}")), string.Join('\n', changed.Select(f => $"{f.Field}: {Shown(f.After)}")));
    }

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "–" : value;

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}
