namespace CxMaturity.Assessment.Content;

/// <summary>
/// A versioned maturity model loaded from <c>content/models/&lt;id&gt;/</c>: five stages, the journey stages,
/// the dimensions with their questions, and the initiatives that move a dimension from one stage to the next.
/// Immutable; an assessment round pins a snapshot of it so later content edits never change the round.
/// </summary>
public sealed record MaturityModel(
    string Id,
    string Version,
    string Title,
    string IntroductionMarkdown,
    IReadOnlyList<Stage> Stages,
    IReadOnlyList<string> JourneyStages,
    IReadOnlyList<Dimension> Dimensions,
    IReadOnlyList<Initiative> Initiatives)
{
    /// <summary>The stage with the given level (1..5).</summary>
    public Stage StageAt(int level) => Stages.Single(s => s.Level == level);

    /// <summary>The dimension with the given id, or <c>null</c>.</summary>
    public Dimension? FindDimension(string id) => Dimensions.FirstOrDefault(d => d.Id == id);

    /// <summary>The question with the given id in any dimension, or <c>null</c>.</summary>
    public Question? FindQuestion(string id) =>
        Dimensions.SelectMany(d => d.Questions).FirstOrDefault(q => q.Id == id);

    /// <summary>All questions, in dimension order then question order.</summary>
    public IEnumerable<Question> AllQuestions => Dimensions.SelectMany(d => d.Questions);
}

/// <summary>A maturity stage: level 1..5 with its name (Initial … Optimized) and a summary of what it looks like.</summary>
public sealed record Stage(int Level, string Name, string Summary);

/// <summary>
/// A dimension of the model. <see cref="Order"/> is its position in the model (from the NN- file prefix),
/// <see cref="Weight"/> its weight W_d in the overall score, <see cref="GuidanceMarkdown"/> the file body.
/// <see cref="StageDescriptions"/> says what an organisation at each stage does in this dimension, index 0 for
/// level 1 through index 4 for level 5; snapshots of models older than these descriptions have none.
/// </summary>
public sealed record Dimension(
    string Id,
    int Order,
    string Title,
    double Weight,
    string GuidanceMarkdown,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<string>? StageDescriptions = null)
{
    /// <summary>What an organisation at the given level (1..5) does in this dimension, or <c>null</c> when the model has no description.</summary>
    public string? DescriptionOf(int level) =>
        StageDescriptions is { } descriptions && level >= 1 && level <= descriptions.Count && descriptions[level - 1].Length > 0
            ? descriptions[level - 1]
            : null;
}

/// <summary>
/// A question: <see cref="Options"/> holds exactly five behaviourally anchored statements, index 0 for level 1
/// through index 4 for level 5. NotApplicable is always offered and is not part of the list.
/// </summary>
public sealed record Question(
    string Id,
    string DimensionId,
    string Text,
    string? Help,
    double Weight,
    IReadOnlyList<string> JourneyStages,
    IReadOnlyList<string> Options)
{
    /// <summary>The statement that anchors the given level (1..5).</summary>
    public string OptionFor(int level) => Options[level - 1];
}

/// <summary>
/// An initiative that moves <see cref="DimensionId"/> from stage <see cref="From"/> to <see cref="To"/> (= From + 1).
/// Impact and effort are integers 1..5.
/// </summary>
public sealed record Initiative(
    string Id,
    string DimensionId,
    int From,
    int To,
    string Title,
    int Impact,
    int Effort,
    IReadOnlyList<string> Kpis,
    string OwnerRole,
    string DescriptionMarkdown);
