using CxMaturity.Assessment.Content;

namespace CxMaturity.TestSupport;

/// <summary>
/// Builds maturity models for tests and benchmarks. The five stages are written here once, with the shipped names;
/// dimensions keep the order they are added in (Order 1, 2, …) unless given one, and are titled
/// "Dimension &lt;id&gt;" unless given a title. No journey stages, no introduction.
/// </summary>
public sealed class ModelBuilder
{
    /// <summary>The five stages, level 1 to 5, with the shipped model's names.</summary>
    public static IReadOnlyList<Stage> Stages { get; } =
    [
        new(1, "Initial", "Ad hoc."),
        new(2, "Development", "Pockets of practice."),
        new(3, "Definition", "Defined and repeatable."),
        new(4, "Managed", "Measured and managed."),
        new(5, "Optimized", "Continuously improved."),
    ];

    /// <summary>The names of <see cref="Stages"/>, index 0 for level 1.</summary>
    public static IReadOnlyList<string> StageNames { get; } = [.. Stages.Select(s => s.Name)];

    private readonly string _id;
    private readonly string _version;
    private readonly string _title;
    private readonly List<Dimension> _dimensions = [];
    private readonly List<Initiative> _initiatives = [];

    /// <summary>A builder of a model with the given id, version and title.</summary>
    public ModelBuilder(string id = "test-model", string version = "1.0", string title = "Test model")
    {
        (_id, _version, _title) = (id, version, title);
    }

    /// <summary>Adds a dimension; its order defaults to its position in the builder, its title to "Dimension &lt;id&gt;".</summary>
    public ModelBuilder WithDimension(
        string id,
        double weight = 1,
        int? order = null,
        string? title = null,
        string guidance = "",
        IReadOnlyList<Question>? questions = null,
        IReadOnlyList<string>? stageDescriptions = null)
    {
        _dimensions.Add(new Dimension(
            id, order ?? _dimensions.Count + 1, title ?? $"Dimension {id}", weight, guidance, questions ?? [], stageDescriptions));
        return this;
    }

    /// <summary>
    /// Adds an initiative moving <paramref name="dimensionId"/> from <paramref name="from"/> to from + 1, titled
    /// "Initiative &lt;id&gt;" unless given a title, owned by the CX lead.
    /// </summary>
    public ModelBuilder WithInitiative(string id, string dimensionId, int from, int impact = 3, int effort = 3, string? title = null)
    {
        _initiatives.Add(new Initiative(id, dimensionId, from, from + 1, title ?? $"Initiative {id}", impact, effort, [], "CX lead", ""));
        return this;
    }

    /// <summary>Adds one initiative per transition 1→2 … 4→5, named "&lt;dimension&gt;-&lt;from&gt;-&lt;to&gt;".</summary>
    public ModelBuilder WithEveryTransition(string dimensionId, int impact = 3, int effort = 3)
    {
        for (var from = 1; from < Stages.Count; from++)
        {
            WithInitiative($"{dimensionId}-{from}-{from + 1}", dimensionId, from, impact, effort);
        }

        return this;
    }

    public MaturityModel Build() => new(_id, _version, _title, "", Stages, [], [.. _dimensions], [.. _initiatives]);

    /// <summary>
    /// A question of <paramref name="dimensionId"/>; its five statements default to "Level 1" … "Level 5" and its text
    /// to "Question &lt;id&gt;".
    /// </summary>
    public static Question Question(
        string id, string dimensionId, double weight = 1, string? text = null, string? help = null, IReadOnlyList<string>? options = null) =>
        new(id, dimensionId, text ?? $"Question {id}", help, weight, [], options ?? ["Level 1", "Level 2", "Level 3", "Level 4", "Level 5"]);
}
