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
