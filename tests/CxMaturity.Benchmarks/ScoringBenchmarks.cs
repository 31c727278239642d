using BenchmarkDotNet.Attributes;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;

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
        var dimensions = Enumerable.Range(1, DimensionCount)
            .Select(d => new Dimension(
                $"dim-{d:00}",
                d,
                $"Dimension {d}",
                Weight: 1 + d % 3 * 0.5,
                GuidanceMarkdown: "",
                Questions: Enumerable.Range(1, QuestionsPerDimension)
                    .Select(q => new Question(
                        $"dim-{d:00}.q{q}", $"dim-{d:00}", $"Question {q}", null, Weight: 1 + q % 2,
                        [], ["1", "2", "3", "4", "5"]))
                    .ToArray()))
            .ToArray();
        Stage[] stages =
        [
            new(1, "Initial", ""), new(2, "Development", ""), new(3, "Definition", ""),
            new(4, "Managed", ""), new(5, "Optimized", ""),
        ];
        _model = new MaturityModel("bench", "1.0", "Benchmark model", "", stages, [], dimensions, []);
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
