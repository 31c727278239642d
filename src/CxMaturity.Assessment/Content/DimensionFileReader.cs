using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CxMaturity.Assessment.Content;

/// <summary>
/// Reads and validates the dimension files of one model, checking across them that dimension ids, order
/// numbers and question ids are unique.
/// </summary>
internal sealed partial class DimensionFileReader(ProblemLog problems, IReadOnlyList<string>? journeyStages)
{
    private static readonly string[] Keys = ["id", "title", "weight", "questions"];
    private static readonly string[] QuestionKeys = ["id", "text", "help", "weight", "journey-stages", "options"];
    private static readonly string[] Levels = ["1", "2", "3", "4", "5"];

    private readonly Dictionary<string, string> _dimensionFiles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownIds = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _orderFiles = [];
    private readonly Dictionary<string, string> _questionPlaces = new(StringComparer.Ordinal);

    /// <summary>
    /// The ids of the dimensions read so far, and the ids in their file names: a dimension whose front matter
    /// cannot be read or whose id does not match its file name is reported once, not again for each initiative.
    /// </summary>
    public IReadOnlyCollection<string> KnownIds => _knownIds;

    /// <summary>The dimension in the file, or <c>null</c> when it has no readable front matter.</summary>
    public Dimension? Read(string path, string relativePath)
    {
        var fileName = Path.GetFileName(path);
        var match = FileNamePattern().Match(fileName);
        var order = match.Success ? int.Parse(match.Groups["order"].Value, CultureInfo.InvariantCulture) : int.MaxValue;
        var idInName = match.Success ? match.Groups["id"].Value : null;
        if (!match.Success)
        {
            problems.Add(relativePath, 1, $"the dimension file name '{fileName}' must be 'NN-<dimension-id>.md', NN being two digits for its place in the model, such as '03-voc.md'");
        }
        else if (!_orderFiles.TryAdd(order, relativePath))
        {
            problems.Add(relativePath, 1, $"the order number {match.Groups["order"].Value} is also used by {_orderFiles[order]}; each dimension file needs its own");
        }

        if (idInName is not null)
        {
            _knownIds.Add(idInName);
        }

        if (FrontMatterReader.Read(path, relativePath, problems) is not { } file)
        {
            return null;
        }

        var dimension = file.Section($"the dimension in {fileName}", problems);
        var id = dimension.Text("id");
        if (id is not null)
        {
            dimension = dimension.About($"dimension '{id}'");
            _knownIds.Add(id);
            if (idInName is not null && id != idInName)
            {
                dimension.Report(dimension.LineOfKey("id"), $"the dimension id '{id}' does not match the file name '{fileName}'; name the file '{match.Groups["order"].Value}-{id}.md' or change the id");
            }

            if (!_dimensionFiles.TryAdd(id, relativePath))
            {
                dimension.Report(dimension.LineOfKey("id"), $"the dimension id '{id}' is also used by {_dimensionFiles[id]}; dimension ids must be unique in the model");
            }
        }

        dimension.RejectUnknownKeys(Keys);
        var title = dimension.Text("title");
        var weight = dimension.PositiveNumber("weight", fallback: 1);
        var questions = ReadQuestions(dimension, id ?? idInName ?? "");

        return new Dimension(id ?? "", order, title ?? "", weight, file.Body, questions);
    }

    private Question[] ReadQuestions(YamlSection dimension, string dimensionId)
    {
        if (dimension.List("questions") is not { } list)
        {
            return [];
        }

        if (list.Children.Count == 0)
        {
            dimension.Report(dimension.LineOfKey("questions"), $"{dimension.Subject} has no questions; add at least one under 'questions'");
        }

        var questions = new List<Question>();
        var position = 0;
        foreach (var node in list)
        {
            position++;
            if (dimension.Child(node, $"question {position} of {dimension.Subject}") is { } question)
            {
                questions.Add(ReadQuestion(question, dimensionId));
            }
        }

        return [.. questions];
    }

    private Question ReadQuestion(YamlSection question, string dimensionId)
    {
        var id = question.Text("id");
        if (id is not null)
        {
            question = question.About($"question '{id}'");
            var place = $"{question.File}:{question.LineOfKey("id")}";
            if (!_questionPlaces.TryAdd(id, place))
            {
                question.Report(question.LineOfKey("id"), $"the question id '{id}' is already used at {_questionPlaces[id]}; question ids must be unique in the model");
            }
        }

        question.RejectUnknownKeys(QuestionKeys);
        var text = question.Text("text");
        var help = question.Text("help", required: false);
        var weight = question.PositiveNumber("weight", fallback: 1);
        var tags = question.Names("journey-stages", required: false, "[Use, Advocacy]") ?? [];
        if (journeyStages is not null)
        {
            foreach (var tag in tags.Where(t => !journeyStages.Contains(t, StringComparer.Ordinal)))
            {
                question.Report(question.LineOfKey("journey-stages"), $"{question.Subject} is tagged with the journey stage '{tag}', which model.md does not list ({string.Join(", ", journeyStages)})");
            }
        }

        var options = ReadOptions(question);
        return new Question(id ?? "", dimensionId, text ?? "", help, weight, tags, options);
    }

    private static string[] ReadOptions(YamlSection question)
    {
        var node = question.Value("options");
        if (node is null)
        {
            question.Report(question.Line, $"{question.Subject} has no 'options'; give one statement for each level, as lines '1: …' to '5: …'");
            return [];
        }

        if (node is not YamlMappingNode options)
        {
            question.Report(node, $"'options' of {question.Subject} must give one statement for each level, as lines '1: …' to '5: …'");
            return [];
        }

        var statements = new string?[Levels.Length];
        var present = new bool[Levels.Length];
        foreach (var (key, value) in options.Children)
        {
            var level = key is YamlScalarNode { Value: var name } ? Array.IndexOf(Levels, name) + 1 : 0;
            if (level == 0)
            {
                question.Report(key, $"{question.Subject} has an option '{(key as YamlScalarNode)?.Value ?? key.ToString()}'; options are numbered 1 to 5, one for each level");
                continue;
            }

            present[level - 1] = true;
            if (value is not YamlScalarNode scalar)
            {
                question.Report(value, $"option {level} of {question.Subject} must be one statement, not a list");
            }
            else if (YamlSection.ValueOf(scalar) is { } statement)
            {
                statements[level - 1] = statement;
            }
            else
            {
                question.Report(key, $"{question.Subject} has an empty option for level {level}");
            }
        }

        for (var level = 1; level <= Levels.Length; level++)
        {
            if (!present[level - 1])
            {
                question.Report(question.LineOfKey("options"), $"{question.Subject} has no option for level {level}");
            }
        }

        return [.. statements.Select(s => s ?? "")];
    }

    [GeneratedRegex(@"^(?<order>[0-9]{2})-(?<id>.+)\.md$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
