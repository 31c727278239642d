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
    private static readonly string[] Keys = ["id", "title", "weight", "stages", "questions"];
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
        var stages = ReadStageDescriptions(dimension);
        var questions = ReadQuestions(dimension, id ?? idInName ?? "");

        return new Dimension(id ?? "", order, title ?? "", weight, file.Body, questions, stages);
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

    // Every dimension says what an organisation at each of the five stages does in it, in its own words.
    private static string[] ReadStageDescriptions(YamlSection dimension) =>
        ReadLevels(dimension, "stages", "stage description", "describe what an organisation at each stage does in it");

    private static string[] ReadOptions(YamlSection question) =>
        ReadLevels(question, "options", "option", "give one statement for each level");

    // A mapping of one text per level, '1: …' to '5: …' (a question's options, a dimension's stage descriptions).
    private static string[] ReadLevels(YamlSection section, string key, string what, string hint)
    {
        var node = section.Value(key);
        if (node is null)
        {
            section.Report(section.Line, $"{section.Subject} has no '{key}'; {hint}, as lines '1: …' to '5: …'");
            return [];
        }

        if (node is not YamlMappingNode entries)
        {
            section.Report(node, $"'{key}' of {section.Subject} must {hint}, as lines '1: …' to '5: …'");
            return [];
        }

        var texts = new string?[Levels.Length];
        var present = new bool[Levels.Length];
        foreach (var (entryKey, value) in entries.Children)
        {
            var level = entryKey is YamlScalarNode { Value: var name } ? Array.IndexOf(Levels, name) + 1 : 0;
            if (level == 0)
            {
                section.Report(entryKey, $"{section.Subject} has {Article(what)} {what} '{(entryKey as YamlScalarNode)?.Value ?? entryKey.ToString()}'; {what}s are numbered 1 to 5, one for each level");
                continue;
            }

            present[level - 1] = true;
            if (value is not YamlScalarNode scalar)
            {
                section.Report(value, $"{what} {level} of {section.Subject} must be one statement, not a list");
            }
            else if (YamlSection.ValueOf(scalar) is { } text)
            {
                texts[level - 1] = text;
            }
            else
            {
                section.Report(entryKey, $"{section.Subject} has an empty {what} for level {level}");
            }
        }

        for (var level = 1; level <= Levels.Length; level++)
        {
            if (!present[level - 1])
            {
                section.Report(section.LineOfKey(key), $"{section.Subject} has no {what} for level {level}");
            }
        }

        return [.. texts.Select(s => s ?? "")];
    }

    private static string Article(string noun) => "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    [GeneratedRegex(@"^(?<order>[0-9]{2})-(?<id>.+)\.md$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
