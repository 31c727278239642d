namespace CxMaturity.Web.Features.Models;

/// <summary>Where the maturity models are read from at start (the <c>Content</c> section).</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>
    /// The content folder holding <c>models/</c>. When empty: the repository's <c>content/</c>, found by walking up
    /// from the content root, or else <c>content/</c> next to the app.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>
    /// A folder named on the command line: as given when it exists or is absolute, else the first match walking up
    /// from <paramref name="start"/> — <c>dotnet run --project</c> starts the app in the project's folder, so
    /// <c>validate-content content</c> typed at the repository root still finds the repository's <c>content/</c>.
    /// </summary>
    internal static string ResolveFolder(string folder, string start)
    {
        if (Path.IsPathRooted(folder) || System.IO.Directory.Exists(folder))
        {
            return folder;
        }

        for (var ancestor = new DirectoryInfo(start); ancestor is not null; ancestor = ancestor.Parent)
        {
            var candidate = Path.Combine(ancestor.FullName, folder);
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return folder;
    }

    internal static string FindDefault(string contentRoot)
    {
        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "content");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "models")))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "content");
    }
}
