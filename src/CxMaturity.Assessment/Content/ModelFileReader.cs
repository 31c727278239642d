namespace CxMaturity.Assessment.Content;

/// <summary>
/// What <c>model.md</c> says: everything of the model except its dimensions and initiatives.
/// <see cref="JourneyStages"/> is <c>null</c> when they could not be read, so questions' tags are not checked against them.
/// </summary>
internal sealed record ModelHeader(
    string Id,
    string Version,
    string Title,
    string IntroductionMarkdown,
    IReadOnlyList<Stage> Stages,
    IReadOnlyList<string>? JourneyStages);

/// <summary>Reads and validates <c>model.md</c>.</summary>
internal static class ModelFileReader
{
    public const string FileName = "model.md";

    private static readonly string[] Keys = ["id", "version", "title", "stages", "journey-stages"];
    private static readonly string[] StageKeys = ["level", "name", "summary"];

    /// <summary>The model's header, or <c>null</c> when <c>model.md</c> is missing or has no readable front matter.</summary>
    public static ModelHeader? Read(string modelFolder, ProblemLog problems)
    {
        var path = Path.Combine(modelFolder, FileName);
        if (!File.Exists(path))
        {
            problems.Add(FileName, 1, "model.md is missing; every model folder needs one, with the model's id, version, title, stages and journey stages");
            return null;
        }

        if (FrontMatterReader.Read(path, FileName, problems) is not { } file)
        {
            return null;
        }

        var model = file.Section("the model", problems);
        model.RejectUnknownKeys(Keys);

        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(modelFolder)));
        var id = model.Text("id");
        if (id is not null && id != folderName)
        {
            model.Report(model.LineOfKey("id"), $"the model id '{id}' does not match its folder name '{folderName}'");
        }

        var version = model.Text("version");
        var title = model.Text("title");
        var stages = ReadStages(model);

        var journeyStages = model.Names("journey-stages", required: true, "[Awareness, Use, Advocacy]");
        if (journeyStages is { Count: 0 })
        {
            model.Report(model.LineOfKey("journey-stages"), "the model lists no journey stages; name at least one, such as [Awareness, Use, Advocacy]");
        }

        return new ModelHeader(id ?? "", version ?? "", title ?? "", file.Body, stages, journeyStages);
    }

    private static Stage[] ReadStages(YamlSection model)
    {
        if (model.List("stages") is not { } list)
        {
            return [];
        }

        var stages = new Dictionary<int, Stage>();
        var position = 0;
        foreach (var node in list)
        {
            position++;
            if (model.Child(node, $"entry {position} of 'stages'") is not { } stage)
            {
                continue;
            }

            var level = stage.WholeNumber("level", 1, 5);
            if (level is not null)
            {
                stage = stage.About($"stage {level}");
            }

            stage.RejectUnknownKeys(StageKeys);
            var name = stage.Text("name");
            var summary = stage.Text("summary");
            if (level is { } l && !stages.TryAdd(l, new Stage(l, name ?? "", summary ?? "")))
            {
                stage.Report(stage.LineOfKey("level"), $"stage level {l} appears twice in 'stages'; each level 1 to 5 appears exactly once");
            }
        }

        foreach (var missing in Enumerable.Range(1, 5).Where(l => !stages.ContainsKey(l)))
        {
            model.Report(model.LineOfKey("stages"), $"the model has no stage with level {missing}; 'stages' needs exactly five, levels 1 to 5");
        }

        return [.. stages.Values.OrderBy(s => s.Level)];
    }
}
