using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Tests.Scoring;

/// <summary>
/// Shorthands for small maturity models of scoring tests, built by <see cref="ModelBuilder"/> (its five stages).
/// Dimensions keep the order given (Order 1, 2, …); the questions of dimension "a" are "a.q1", "a.q2", … No journey
/// stages, no initiatives (add them with <c>model with { Initiatives = … }</c>).
/// </summary>
public static class TestModels
{
    public static MaturityModel Build(params TestDimension[] dimensions) =>
        dimensions
            .Aggregate(new ModelBuilder("test", "1", "Test model"), (model, d) => model.WithDimension(d.Id, d.Weight, questions: d.Questions()))
            .Build();

    /// <summary>A dimension of <paramref name="questions"/> questions that each weigh 1.</summary>
    public static TestDimension Dimension(string id, int questions = 1, double weight = 1) =>
        new(id, weight, Enumerable.Repeat(1.0, questions).ToArray());

    /// <summary>A dimension with one question per weight given.</summary>
    public static TestDimension WeightedDimension(string id, double weight, params double[] questionWeights) =>
        new(id, weight, questionWeights);

    /// <summary>The id of question <paramref name="number"/> (from 1) of a dimension.</summary>
    public static string QuestionId(string dimensionId, int number) => $"{dimensionId}.q{number}";

    /// <summary>Every dimension id of the model, for scoring with everything in scope.</summary>
    public static string[] AllDimensions(MaturityModel model) => model.Dimensions.Select(d => d.Id).ToArray();

    /// <summary>Scores a round of the model with every dimension in scope and the default options.</summary>
    public static RoundResult ScoreAll(MaturityModel model, params TestRespondent[] respondents) =>
        RoundScorer.Score(model, AllDimensions(model), respondents.Select(r => r.Build()).ToArray());

    /// <summary>Scores with a minimum group size of 1, for tests of group arithmetic on groups of one or two.</summary>
    public static RoundResult ScoreAllGroups(MaturityModel model, params TestRespondent[] respondents) =>
        RoundScorer.Score(model, AllDimensions(model), respondents.Select(r => r.Build()).ToArray(), new ScoringOptions(MinimumGroupSize: 1));
}

/// <summary>A dimension to build: its id, weight W_d and one weight per question.</summary>
public sealed record TestDimension(string Id, double Weight, IReadOnlyList<double> QuestionWeights)
{
    /// <summary>One question per weight, "&lt;id&gt;.q1", "&lt;id&gt;.q2", …, each with the statements "Level 1" … "Level 5".</summary>
    public IReadOnlyList<Question> Questions() =>
        QuestionWeights
            .Select((weight, i) => ModelBuilder.Question(TestModels.QuestionId(Id, i + 1), Id, weight, text: $"Question {i + 1} of {Id}"))
            .ToArray();
}
