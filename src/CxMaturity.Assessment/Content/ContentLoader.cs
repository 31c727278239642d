namespace CxMaturity.Assessment.Content;

/// <summary>
/// Loads maturity models from Markdown files with YAML front matter (docs/CONTENT-FORMAT.md) and validates
/// everything, reporting every problem at once with its file and line.
/// </summary>
public static class ContentLoader
{
    private const string ModelsFolder = "models";
    private const string DimensionsFolder = "dimensions";
    private const string InitiativesFolder = "initiatives";

    /// <summary>
    /// Loads every model folder under <c>&lt;contentRoot&gt;/models/</c>. Problems name their file relative to
    /// its model folder, or relative to the content root when they concern the folders themselves.
    /// </summary>
    public static ContentLoadResult LoadModels(string contentRoot)
    {
        var results = LoadEach(contentRoot);
        return new ContentLoadResult(
            [.. results.SelectMany(r => r.Result.Models)],
            [.. results.SelectMany(r => r.Result.Problems)]);
    }

    /// <summary>
    /// Loads the models under <c>&lt;contentRoot&gt;/models/</c> for the app to start with, or throws a
    /// <see cref="ContentException"/> listing every problem (files relative to the content root) when any is found.
    /// </summary>
    public static MaturityModel[] LoadModelsOrThrow(string contentRoot)
    {
        var results = LoadEach(contentRoot);
        var problems = results.SelectMany(r => r.ProblemsFromContentRoot).ToArray();
        if (problems.Length > 0)
        {
            throw new ContentException(
                $"The content in '{Path.GetFullPath(contentRoot)}' is not valid ({Count(problems.Length, "problem")}):", problems);
        }

        return [.. results.SelectMany(r => r.Result.Models)];
    }

    /// <summary>Loads one model folder (holding <c>model.md</c>, <c>dimensions/</c> and <c>initiatives/</c>).</summary>
    public static ContentLoadResult LoadModel(string modelFolder)
    {
        var problems = new ProblemLog();
        var model = ReadModel(modelFolder, problems);
        var found = problems.InFileOrder();
        return new ContentLoadResult(model is not null && found.Count == 0 ? [model] : [], found);
    }

    /// <summary>Each model folder's result, with the prefix that makes its files relative to the content root.</summary>
    internal static IReadOnlyList<ModelFolderResult> LoadEach(string contentRoot)
    {
        if (!Directory.Exists(contentRoot))
        {
            return [FolderProblem(contentRoot, "the content folder does not exist")];
        }

        var models = Path.Combine(contentRoot, ModelsFolder);
        if (!Directory.Exists(models))
        {
            return [FolderProblem(ModelsFolder, "there is no 'models' folder; each model lives in models/<model-id>/")];
        }

        var folders = Directory.GetDirectories(models)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (folders.Length == 0)
        {
            return [FolderProblem(ModelsFolder, "there are no models; add a folder models/<model-id>/ with a model.md")];
        }

        return [.. folders.Select(f => new ModelFolderResult($"{ModelsFolder}/{Path.GetFileName(f)}/", LoadModel(f)))];
    }

    internal static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static ModelFolderResult FolderProblem(string file, string message) =>
        new("", new ContentLoadResult([], [new ContentProblem(file, 1, message)]));

    private static MaturityModel? ReadModel(string modelFolder, ProblemLog problems)
    {
        if (!Directory.Exists(modelFolder))
        {
            problems.Add(modelFolder, 1, "the model folder does not exist");
            return null;
        }

        var header = ModelFileReader.Read(modelFolder, problems);
        var dimensionReader = new DimensionFileReader(problems, header?.JourneyStages);
        var dimensions = ReadDimensions(modelFolder, dimensionReader, problems);
        var initiatives = ReadInitiatives(modelFolder, new InitiativeFileReader(problems, dimensionReader.KnownIds), problems);
        if (header is null || problems.Count > 0)
        {
            return null;
        }

        var orderOf = dimensions.ToDictionary(d => d.Id, d => d.Order);
        return new MaturityModel(
            header.Id,
            header.Version,
            header.Title,
            header.IntroductionMarkdown,
            header.Stages,
            header.JourneyStages ?? [],
            dimensions,
            [.. initiatives.OrderBy(i => orderOf[i.DimensionId]).ThenBy(i => i.From).ThenBy(i => i.Id, StringComparer.Ordinal)]);
    }

    private static Dimension[] ReadDimensions(string modelFolder, DimensionFileReader reader, ProblemLog problems)
    {
        var folder = Path.Combine(modelFolder, DimensionsFolder);
        if (!Directory.Exists(folder))
        {
            problems.Add(DimensionsFolder, 1, "the model has no 'dimensions' folder; each dimension is a file dimensions/NN-<dimension-id>.md");
            return [];
        }

        var files = MarkdownFiles(folder, SearchOption.TopDirectoryOnly);
        if (files.Length == 0)
        {
            problems.Add(DimensionsFolder, 1, "the model has no dimensions; add files such as dimensions/01-strategy.md");
        }

        var dimensions = files
            .Select(path => reader.Read(path, Relative(modelFolder, path)))
            .OfType<Dimension>();
        return [.. dimensions.OrderBy(d => d.Order)];
    }

    private static Initiative[] ReadInitiatives(string modelFolder, InitiativeFileReader reader, ProblemLog problems)
    {
        var folder = Path.Combine(modelFolder, InitiativesFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var initiatives = new List<Initiative>();
        foreach (var path in MarkdownFiles(folder, SearchOption.AllDirectories))
        {
            var relativePath = Relative(modelFolder, path);
            var folderName = Path.GetRelativePath(folder, Path.GetDirectoryName(path)!);
            if (folderName == "." || folderName.Contains(Path.DirectorySeparatorChar))
            {
                problems.Add(relativePath, 1, "initiative files belong in a folder named after their dimension: initiatives/<dimension-id>/<initiative-id>.md");
            }
            else if (reader.Read(path, relativePath, folderName) is { } initiative)
            {
                initiatives.Add(initiative);
            }
        }

        return [.. initiatives];
    }

    private static string[] MarkdownFiles(string folder, SearchOption option) =>
        [.. Directory.EnumerateFiles(folder, "*.md", option).Order(StringComparer.Ordinal)];

    private static string Relative(string modelFolder, string path) =>
        Path.GetRelativePath(modelFolder, path).Replace(Path.DirectorySeparatorChar, '/');
}

/// <summary>One model folder's result, and the prefix (<c>models/&lt;id&gt;/</c>) that makes its files relative to the content root.</summary>
internal sealed record ModelFolderResult(string Prefix, ContentLoadResult Result)
{
    public IEnumerable<ContentProblem> ProblemsFromContentRoot =>
        Result.Problems.Select(p => p with { File = Prefix + p.File });
}
