namespace CxMaturity.Assessment.Content;

/// <summary>
/// The <c>validate-content &lt;folder&gt;</c> command: validates a content folder (holding <c>models/</c>) or a
/// single model folder (holding <c>model.md</c>) without starting the app.
/// </summary>
public static class ContentCommand
{
    /// <summary>
    /// Writes every problem as <c>file:line: message</c> and a one-line summary of each valid model; returns 0
    /// when everything is valid and 1 otherwise.
    /// </summary>
    public static int Run(string contentFolder, TextWriter output)
    {
        var isModelFolder = File.Exists(Path.Combine(contentFolder, ModelFileReader.FileName));
        if (!isModelFolder && Directory.Exists(contentFolder) && !Directory.Exists(Path.Combine(contentFolder, "models")))
        {
            output.WriteLine($"'{contentFolder}' is neither a content folder (holding models/) nor a model folder (holding model.md).");
            return 1;
        }

        var results = isModelFolder
            ? [new ModelFolderResult("", ContentLoader.LoadModel(contentFolder))]
            : ContentLoader.LoadEach(contentFolder);

        var problems = 0;
        foreach (var result in results)
        {
            foreach (var problem in result.ProblemsFromContentRoot)
            {
                output.WriteLine(problem);
                problems++;
            }

            foreach (var model in result.Result.Models)
            {
                output.WriteLine(Summary(model));
            }
        }

        if (problems == 0)
        {
            return 0;
        }

        output.WriteLine($"{ContentLoader.Count(problems, "problem")} found; the content is not valid.");
        return 1;
    }

    private static string Summary(MaturityModel model) =>
        $"{model.Id} {model.Version}: {ContentLoader.Count(model.Dimensions.Count, "dimension")}, "
        + $"{ContentLoader.Count(model.AllQuestions.Count(), "question")}, "
        + $"{ContentLoader.Count(model.Initiatives.Count, "initiative")} — valid";
}
