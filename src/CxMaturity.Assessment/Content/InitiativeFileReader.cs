namespace CxMaturity.Assessment.Content;

/// <summary>
/// Reads and validates the initiative files of one model (<c>initiatives/&lt;dimension-id&gt;/&lt;id&gt;.md</c>),
/// checking that each belongs to an existing dimension and that ids are unique.
/// </summary>
internal sealed class InitiativeFileReader(ProblemLog problems, IReadOnlyCollection<string> dimensionIds)
{
    private static readonly string[] Keys = ["id", "dimension", "from", "to", "title", "impact", "effort", "kpis", "owner-role"];

    private readonly Dictionary<string, string> _initiativeFiles = new(StringComparer.Ordinal);

    /// <summary>
    /// The initiative in the file, or <c>null</c> when it has no readable front matter. <paramref name="folderName"/>
    /// is the folder the file is in, which must be its dimension's id.
    /// </summary>
    public Initiative? Read(string path, string relativePath, string folderName)
    {
        if (FrontMatterReader.Read(path, relativePath, problems) is not { } file)
        {
            return null;
        }

        var fileName = Path.GetFileName(path);
        var idInName = Path.GetFileNameWithoutExtension(path);
        var initiative = file.Section($"initiative '{idInName}'", problems);
        var id = initiative.Text("id");
        if (id is not null)
        {
            initiative = initiative.About($"initiative '{id}'");
            if (id != idInName)
            {
                initiative.Report(initiative.LineOfKey("id"), $"the initiative id '{id}' does not match the file name '{fileName}'; name the file '{id}.md' or change the id");
            }

            if (!_initiativeFiles.TryAdd(id, relativePath))
            {
                initiative.Report(initiative.LineOfKey("id"), $"the initiative id '{id}' is also used by {_initiativeFiles[id]}; initiative ids must be unique in the model");
            }
        }

        initiative.RejectUnknownKeys(Keys);

        var dimension = initiative.Text("dimension");
        if (dimension is not null && !dimensionIds.Contains(dimension, StringComparer.Ordinal))
        {
            initiative.Report(initiative.LineOfKey("dimension"), $"{initiative.Subject} is for the dimension '{dimension}', which the model does not have");
        }
        else if (dimension is not null && dimension != folderName)
        {
            initiative.Report(initiative.LineOfKey("dimension"), $"{initiative.Subject} is for the dimension '{dimension}' but sits in initiatives/{folderName}/; move it to initiatives/{dimension}/");
        }

        var from = initiative.WholeNumber("from", 1, 4);
        var to = initiative.WholeNumber("to", 2, 5);
        if (from is not null && to is not null && to != from + 1)
        {
            initiative.Report(initiative.LineOfKey("to"), $"{initiative.Subject} goes from {from} to {to}; an initiative moves exactly one stage, so 'to' must be {from + 1}");
        }

        var title = initiative.Text("title");
        var impact = initiative.WholeNumber("impact", 1, 5);
        var effort = initiative.WholeNumber("effort", 1, 5);
        var kpis = initiative.Names("kpis", required: true, "[NPS, CSAT]");
        var ownerRole = initiative.Text("owner-role");

        return new Initiative(
            id ?? "", dimension ?? "", from ?? 0, to ?? 0, title ?? "", impact ?? 0, effort ?? 0, kpis ?? [], ownerRole ?? "", file.Body);
    }
}
