using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using static CxMaturity.Assessment.Tests.Scoring.TestModels;

namespace CxMaturity.Assessment.Tests.Scoring;

// Properties that must hold for any round, checked on a few hundred seeded random rounds: weights of one decimal
// from 0.1 to 3.0 (which binary arithmetic cannot represent exactly), some NotApplicable, some unanswered
// questions, answers to out-of-scope and unknown questions, every status and group.
public sealed class ScoringPropertyTests
{
    private const int Rounds = 300;
    private static readonly string[] _groups = ["Executive", "Frontline", "Management", "Customer-facing partner"];

    public static TheoryData<int> Seeds => new(Enumerable.Range(0, 3).Select(i => 20_240 + i));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Scores_and_stages_stay_within_1_to_5(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Rounds; i++)
        {
            var round = NextRound(random);
            var result = round.Score();

            AssertWithinScale(result.Overall);
            AssertStage(result.OverallStage);
            AssertStage(result.FoundationStage);
            Assert.All(result.Dimensions, d => AssertSound(d.Statistics, d.Stage));
            Assert.All(result.Dimensions, d => Assert.InRange(d.Importance, 1, 5));
            Assert.All(result.Groups, g => AssertSound(g.Statistics, g.Stage));
            Assert.All(result.RespondentScores, s => AssertWithinScale(s.Score));
            Assert.All(result.Questions, q => AssertWithinScale(q.Mean));
            Assert.All(result.Completion, c => Assert.InRange(c.Ratio, 0, 1));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Shuffling_respondents_and_their_answers_changes_nothing(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Rounds; i++)
        {
            var round = NextRound(random);
            var expected = round.Score();

            var actual = (round with { Respondents = Shuffled(round.Respondents, random) }).Score();

            Assert.Equal(expected.IsPreview, actual.IsPreview);
            Assert.Equal(expected.RespondentsCounted, actual.RespondentsCounted);
            Assert.Equal(expected.Overall, actual.Overall);
            Assert.Equal(expected.OverallStage, actual.OverallStage);
            Assert.Equal(expected.FoundationStage, actual.FoundationStage);
            Assert.Equal(expected.Dimensions, actual.Dimensions);
            Assert.Equal(expected.Groups, actual.Groups);
            Assert.Equal(expected.PerceptionGaps, actual.PerceptionGaps);
            Assert.Equal(expected.Questions.Select(Flatten), actual.Questions.Select(Flatten));
            Assert.Equal(expected.RespondentScores.OrderBy(s => s.RespondentId), actual.RespondentScores.OrderBy(s => s.RespondentId));
            Assert.Equal(expected.Completion.OrderBy(c => c.RespondentId), actual.Completion.OrderBy(c => c.RespondentId));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Scores_agree_with_a_plain_reading_of_the_rules(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Rounds; i++)
        {
            var round = NextRound(random);
            var result = round.Score();

            var counted = round.Respondents.Where(r =>
                r.Status == RespondentStatus.Submitted || (round.Options.IncludeInProgress && r.Status == RespondentStatus.InProgress)).ToList();
            var inScope = round.Model.Dimensions.Where(d => round.Scope.Contains(d.Id)).ToList();
            var expectedScores = inScope.ToDictionary(
                d => d.Id,
                d => counted.Select(r => PlainRespondentScore(r, d)).OfType<double>().DefaultIfEmpty(double.NaN).Average());
            var defined = inScope.Where(d => !double.IsNaN(expectedScores[d.Id])).ToList();
            var expectedOverall = defined.Count == 0
                ? (double?)null
                : defined.Sum(d => d.Weight * expectedScores[d.Id]) / defined.Sum(d => d.Weight);
            var inScopeQuestions = inScope.SelectMany(d => d.Questions).Select(q => q.Id).ToHashSet();

            Assert.Equal(counted.Count, result.RespondentsCounted);
            AssertClose(expectedOverall, result.Overall);
            Assert.Equal(inScope.Select(d => d.Id), result.Dimensions.Select(d => d.DimensionId));
            foreach (var dimension in result.Dimensions)
            {
                var expectedScore = expectedScores[dimension.DimensionId];
                AssertClose(double.IsNaN(expectedScore) ? null : expectedScore, dimension.Score);
                var ratings = counted.Where(r => r.Importance.ContainsKey(dimension.DimensionId)).Select(r => r.Importance[dimension.DimensionId]).ToList();
                Assert.Equal(ratings.Count == 0 ? 3 : ratings.Average(), dimension.Importance, 12);
            }

            Assert.Equal(
                round.Respondents.Select(r => r.Answers.Keys.Count(inScopeQuestions.Contains)),
                result.Completion.Select(c => c.Answered));
        }
    }

    private static double? PlainRespondentScore(RespondentAnswers respondent, Dimension dimension)
    {
        var answered = dimension.Questions
            .Where(q => respondent.Answers.TryGetValue(q.Id, out var level) && level is not null)
            .ToList();
        return answered.Count == 0
            ? null
            : answered.Sum(q => q.Weight * respondent.Answers[q.Id]!.Value) / answered.Sum(q => q.Weight);
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e && actual is { } a)
        {
            Assert.Equal(e, a, 9);
        }
    }

    private static void AssertSound(Statistics statistics, int? stage)
    {
        Assert.Equal(statistics.N == 0, statistics.Mean is null);
        Assert.Equal(statistics.Mean is null, stage is null);
        if (statistics.N == 0)
        {
            return;
        }

        AssertWithinScale(statistics.Mean);
        AssertStage(stage);
        Assert.InRange(statistics.Mean!.Value, statistics.Min!.Value, statistics.Max!.Value);
        Assert.InRange(statistics.Median!.Value, statistics.Min.Value, statistics.Max.Value);
        Assert.InRange(statistics.Min.Value, 1, 5);
        Assert.InRange(statistics.Max.Value, 1, 5);
        Assert.InRange(statistics.StandardDeviation!.Value, 0, 2);
    }

    private static void AssertWithinScale(double? score)
    {
        if (score is { } s)
        {
            Assert.InRange(s, 1, 5);
        }
    }

    private static void AssertStage(int? stage)
    {
        if (stage is { } s)
        {
            Assert.InRange(s, 1, 5);
        }
    }

    private static (string, string, int, double?, string, int) Flatten(QuestionResult q) =>
        (q.QuestionId, q.DimensionId, q.N, q.Mean, string.Join(',', q.LevelCounts), q.NotApplicableCount);

    private static RandomRound NextRound(Random random)
    {
        var dimensions = Enumerable.Range(1, random.Next(1, 6))
            .Select(d => WeightedDimension(
                $"d{d}",
                RandomWeight(random),
                Enumerable.Range(0, random.Next(1, 7)).Select(_ => RandomWeight(random)).ToArray()))
            .ToArray();
        var model = Build(dimensions);
        var scope = model.Dimensions.Where(_ => random.NextDouble() < 0.8).Select(d => d.Id).ToArray();
        var respondents = Enumerable.Range(1, random.Next(0, 25))
            .Select(i => RandomRespondent(random, model, $"r{i:00}"))
            .ToArray();
        var options = new ScoringOptions(IncludeInProgress: random.Next(2) == 0);
        return new RandomRound(model, scope, respondents, options);
    }

    private static double RandomWeight(Random random) => random.Next(1, 31) / 10.0;

    private static RespondentAnswers RandomRespondent(Random random, MaturityModel model, string id)
    {
        var answers = new Dictionary<string, int?>();
        foreach (var question in model.AllQuestions)
        {
            var roll = random.NextDouble();
            if (roll < 0.1)
            {
                answers[question.Id] = null;
            }
            else if (roll < 0.8)
            {
                answers[question.Id] = random.Next(1, 6);
            }
        }

        if (random.Next(4) == 0)
        {
            answers["unknown.q1"] = random.Next(1, 6);
        }

        var importance = model.Dimensions
            .Where(_ => random.Next(2) == 0)
            .ToDictionary(d => d.Id, _ => random.Next(1, 6));
        var status = (RespondentStatus)random.Next(3);
        return new RespondentAnswers(id, _groups[random.Next(_groups.Length)], status, answers, importance);
    }

    private static RespondentAnswers[] Shuffled(RespondentAnswers[] respondents, Random random)
    {
        var shuffled = respondents
            .Select(r => r with
            {
                Answers = ShuffledDictionary(r.Answers, random),
                Importance = ShuffledDictionary(r.Importance, random),
            })
            .ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }

    // A dictionary filled in a different order enumerates in that order, as one read back from a database might.
    private static Dictionary<string, T> ShuffledDictionary<T>(IReadOnlyDictionary<string, T> source, Random random)
    {
        var entries = source.ToArray();
        random.Shuffle(entries);
        return entries.ToDictionary(e => e.Key, e => e.Value);
    }

    private sealed record RandomRound(MaturityModel Model, string[] Scope, RespondentAnswers[] Respondents, ScoringOptions Options)
    {
        public RoundResult Score() => RoundScorer.Score(Model, Scope, Respondents, Options);
    }
}
