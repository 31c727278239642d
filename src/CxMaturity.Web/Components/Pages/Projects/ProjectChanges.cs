using System.Globalization;
using CxMaturity.Web.Features.Projects;

namespace CxMaturity.Web.Components.Pages.Projects;

/// <summary>What changed between two versions of a project, field by field, in words: what a second editor is shown.</summary>
public static class ProjectChanges
{
    /// <summary>One sentence per changed field, from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static IReadOnlyList<string> Between(ProjectView before, ProjectView after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        void Compare(string field, string? was, string? now)
        {
            if (!string.Equals(was ?? "", now ?? "", StringComparison.Ordinal))
            {
                changes.Add($"{field}: “{Shown(was)}” → “{Shown(now)}”");
            }
        }

        Compare("Title", before.Title, after.Title);
        Compare("Status", before.Status.DisplayName(), after.Status.DisplayName());
        Compare("Owner", before.OwnerName ?? before.Owner, after.OwnerName ?? after.Owner);
        Compare("Dimension", before.DimensionTitle, after.DimensionTitle);
        Compare("Start", Date(before.StartOn), Date(after.StartOn));
        Compare("Due", Date(before.DueOn), Date(after.DueOn));
        if (!string.Equals(before.DescriptionMarkdown, after.DescriptionMarkdown, StringComparison.Ordinal))
        {
            changes.Add("Description: changed");
        }

        Compare("Milestones", Milestones(before), Milestones(after));
        Compare("KPIs", string.Join(", ", (before.Kpis ?? []).Select(k => k.Name)), string.Join(", ", (after.Kpis ?? []).Select(k => k.Name)));
        return changes;
    }

    private static string Milestones(ProjectView project) =>
        string.Join("; ", (project.Milestones ?? []).Select(m => $"{m.Title}{(m.Done ? " (done)" : "")}{(m.DueOn is { } d ? $" {Date(d)}" : "")}"));

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shown(string? text) => string.IsNullOrEmpty(text) ? "none" : text.Length <= 120 ? text : text[..119] + "…";
}
