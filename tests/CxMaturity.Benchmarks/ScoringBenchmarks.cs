using BenchmarkDotNet.Attributes;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.TestSupport;

namespace CxMaturity.Benchmarks;

/// <summary>
/// Scoring a large round: 9 dimensions × 6 questions, 1,000 submitted respondents who answered every question
/// (about 5 % NotApplicable) and rated most dimensions' importance. Goal: ≤ 5 ms per round.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks // BenchmarkDotNet derives from the class: it cannot be sealed.
{
    private const int DimensionCount = 9;
    private const int QuestionsPerDimension = 6;
    private const int RespondentCount = 1_000;
    private static readonly string[] _groups = ["Executive", "Management", "Frontline", "Customer-facing partner"];

    private MaturityModel _model = null!;
    private string[] _scope = null!;
    private RespondentAnswers[] _respondents = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20_240_601);
        var builder = new ModelBuilder("bench", "1.0", "Benchmark model");
        for (var d = 1; d <= DimensionCount; d++)
        {
            var id = $"dim-{d:00}";
            builder.WithDimension(
                id,
                weight: 1 + d % 3 * 0.5,
                title: $"Dimension {d}",
                questions: Enumerable.Range(1, QuestionsPerDimension)
                    .Select(q => ModelBuilder.Question($"{id}.q{q}", id, weight: 1 + q % 2, text: $"Question {q}", options: ["1", "2", "3", "4", "5"]))
                    .ToArray());
        }

        _model = builder.Build();
        var dimensions = _model.Dimensions;
        _scope = dimensions.Select(d => d.Id).ToArray();
        _respondents = Enumerable.Range(1, RespondentCount)
            .Select(r => new RespondentAnswers(
                $"r{r:0000}",
                _groups[r % _groups.Length],
                RespondentStatus.Submitted,
                _model.AllQuestions.ToDictionary(q => q.Id, _ => random.Next(20) == 0 ? (int?)null : random.Next(1, 6)),
                dimensions.Where(_ => random.Next(4) != 0).ToDictionary(d => d.Id, _ => random.Next(1, 6))))
            .ToArray();
    }

    [Benchmark]
    public RoundResult Score() => RoundScorer.Score(_model, _scope, _respondents);
}
