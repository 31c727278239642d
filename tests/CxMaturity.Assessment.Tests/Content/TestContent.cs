using CxMaturity.Assessment.Content;

namespace CxMaturity.Assessment.Tests.Content;

/// <summary>
/// A small valid content folder in a temporary directory (content/models/test-model/), which a test edits to
/// break one rule. The files below are numbered in the comments of the tests that point at their lines.
/// </summary>
internal sealed class TestContent : IDisposable
{
    public const string ModelId = "test-model";

    public const string ModelMd = """
        ---
        id: test-model
        version: 1.0.0
        title: Test model
        stages:
          - level: 1
            name: Initial
            summary: Nothing yet.
          - level: 2
            name: Development
            summary: Starting.
          - level: 3
            name: Definition
            summary: Defined.
          - level: 4
            name: Managed
            summary: Measured.
          - level: 5
            name: Optimized
            summary: Improving.
        journey-stages: [Awareness, Use, Advocacy]
        ---
        Introduction to the **test** model.

        """;

    public const string StrategyMd = """
        ---
        id: strategy
        title: Strategy
        weight: 2
        questions:
          - id: strategy.vision
            text: How clear is the vision?
            help: Think of the last year.
            weight: 1.5
            journey-stages: [Use]
            options:
              1: No vision.
              2: A draft.
              3: Written.
              4: Shared.
              5: Lived.
          - id: strategy.owner
            text: Who owns CX?
            options:
              1: Nobody.
              2: Someone informally.
              3: A named owner.
              4: An owner with a budget.
              5: An executive with a mandate.
        stages:
          1: Nobody owns the strategy.
          2: A draft strategy exists.
          3: The strategy is written and agreed.
          4: The strategy steers budgets.
          5: The strategy is lived every day.
        ---
        Guidance for **strategy**.

        """;

    public const string VocMd = """
        ---
        id: voc
        title: Voice of the customer
        questions:
          - id: voc.listening
            text: How do you listen to customers?
            options:
              1: We do not.
              2: Ad hoc surveys.
              3: A regular survey.
              4: Surveys and analytics.
              5: Closed loops everywhere.
        stages:
          1: Nobody listens.
          2: Some surveys.
          3: A survey programme.
          4: Feedback in one place.
          5: Every loop is closed.
        ---
        Guidance for voc.

        """;

    public const string StrategyCharterMd = """
        ---
        id: strategy-charter
        dimension: strategy
        from: 1
        to: 2
        title: Write a CX charter
        impact: 4
        effort: 2
        kpis: [NPS, CSAT]
        owner-role: Executive sponsor
        ---
        Write it down and get it signed.

        """;

    public const string VocSurveyMd = """
        ---
        id: voc-survey
        dimension: voc
        from: 2
        to: 3
        title: Run a regular survey
        impact: 3
        effort: 3
        kpis: [CSAT]
        owner-role: CX lead
        ---
        Survey every quarter.

        """;

    private TestContent()
    {
        Root = Path.Combine(Path.GetTempPath(), "cx-content-" + Guid.NewGuid().ToString("N"), "content");
        ModelFolder = Path.Combine(Root, "models", ModelId);
        Write("model.md", ModelMd);
        Write("dimensions/01-strategy.md", StrategyMd);
        Write("dimensions/02-voc.md", VocMd);
        Write("initiatives/strategy/strategy-charter.md", StrategyCharterMd);
        Write("initiatives/voc/voc-survey.md", VocSurveyMd);
    }

    /// <summary>The content root, holding models/.</summary>
    public string Root { get; }

    /// <summary>The folder of the one model, models/test-model/.</summary>
    public string ModelFolder { get; }

    public static TestContent Valid() => new();

    /// <summary>Writes a file of the model; the path is relative to the model folder.</summary>
    public void Write(string relativePath, string text)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Replaces text in a file of the model, failing the test when the text is not there.</summary>
    public void Edit(string relativePath, string oldText, string newText)
    {
        var text = File.ReadAllText(PathOf(relativePath));
        Assert.Contains(oldText, text);
        File.WriteAllText(PathOf(relativePath), text.Replace(oldText, newText));
    }

    public void Delete(string relativePath) => File.Delete(PathOf(relativePath));

    public void Move(string relativePath, string newRelativePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(newRelativePath))!);
        File.Move(PathOf(relativePath), PathOf(newRelativePath));
    }

    public ContentLoadResult Load() => ContentLoader.LoadModel(ModelFolder);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);

    private string PathOf(string relativePath) => Path.Combine(ModelFolder, relativePath);
}

internal static class ProblemAssert
{
    /// <summary>Asserts that loading found exactly one problem, in that file, on that line, saying that phrase.</summary>
    public static ContentProblem Single(ContentLoadResult result, string file, int line, string phrase)
    {
        Assert.False(result.IsValid);
        Assert.Empty(result.Models);
        var problem = Assert.Single(result.Problems);
        AssertIs(problem, file, line, phrase);
        return problem;
    }

    /// <summary>Asserts that loading found exactly these problems (file, line, phrase), in this order.</summary>
    public static void Exactly(ContentLoadResult result, params (string File, int Line, string Phrase)[] expected)
    {
        Assert.Empty(result.Models);
        Assert.True(
            expected.Length == result.Problems.Count,
            $"Expected {expected.Length} problems, found:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
        foreach (var (problem, (file, line, phrase)) in result.Problems.Zip(expected))
        {
            AssertIs(problem, file, line, phrase);
        }
    }

    private static void AssertIs(ContentProblem problem, string file, int line, string phrase)
    {
        Assert.Equal((file, line), (problem.File, problem.Line));
        Assert.Contains(phrase, problem.Message, StringComparison.Ordinal);
    }
}
