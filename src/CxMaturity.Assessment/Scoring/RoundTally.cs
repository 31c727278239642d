namespace CxMaturity.Assessment.Scoring;

/// <summary>
/// One pass over the counted respondents' answers: each respondent's dimension scores (RULES.md §5.2), each
/// question's level counts, and the importance ratings (rule 12). Everything the round's figures are computed from.
/// </summary>
internal sealed class RoundTally
{
    // Per question: slot 0 counts NotApplicable, slots 1..5 count levels 1..5.
    private const int SlotsPerQuestion = Stages.Max + 1;
    private const int NotApplicableSlot = 0;

    private readonly ScoringScope _scope;
    private readonly RespondentAnswers[] _respondents;
    private readonly int[] _groupOfRespondent;
    private readonly Dictionary<string, int> _groupIndex = new(StringComparer.Ordinal);
    private readonly List<string> _groupNames = [];
    private readonly List<int> _groupSizes = [];

    // Counted respondent × in-scope dimension, row-major; NaN where the respondent's score is undefined.
    private readonly double[] _scores;
    private readonly int[] _questionSlots;
    private readonly int[] _importanceSums;
    private readonly int[] _importanceCounts;

    public RoundTally(ScoringScope scope, int maxRespondents)
    {
        _scope = scope;
        _respondents = new RespondentAnswers[maxRespondents];
        _groupOfRespondent = new int[maxRespondents];
        _scores = new double[maxRespondents * scope.DimensionCount];
        _questionSlots = new int[scope.QuestionCount * SlotsPerQuestion];
        _importanceSums = new int[scope.DimensionCount];
        _importanceCounts = new int[scope.DimensionCount];
    }

    /// <summary>How many respondents have been added.</summary>
    public int Count { get; private set; }

    /// <summary>Names of the groups of the added respondents, in the order they first appeared.</summary>
    public IReadOnlyList<string> GroupNames => _groupNames;

    /// <summary>How many added respondents are in the group at <paramref name="group"/> of <see cref="GroupNames"/>.</summary>
    public int GroupSize(int group) => _groupSizes[group];

    /// <summary>The respondent added <paramref name="index"/>-th.</summary>
    public RespondentAnswers Respondent(int index) => _respondents[index];

    /// <summary>Score of a counted respondent on a dimension (rule 2), NaN when undefined.</summary>
    public double ScoreOf(int respondent, int dimension) => _scores[respondent * _scope.DimensionCount + dimension];

    /// <summary>Index in <see cref="GroupNames"/> of the group, or −1 when no added respondent is in it.</summary>
    public int GroupIndexOf(string group) => _groupIndex.GetValueOrDefault(group, -1);

    /// <summary>How many added respondents answered the question with the level (1..5).</summary>
    public int LevelCount(int question, int level) => _questionSlots[question * SlotsPerQuestion + level];

    /// <summary>How many added respondents answered the question NotApplicable.</summary>
    public int NotApplicableCount(int question) => _questionSlots[question * SlotsPerQuestion + NotApplicableSlot];

    /// <summary>Sum and count of the added respondents' importance ratings of the dimension.</summary>
    public (int Sum, int Count) Importance(int dimension) => (_importanceSums[dimension], _importanceCounts[dimension]);

    /// <summary>Counts the respondent in; returns how many in-scope questions they answered, NotApplicable included.</summary>
    public int Add(RespondentAnswers respondent)
    {
        var index = Count++;
        _respondents[index] = respondent;
        _groupOfRespondent[index] = GroupIndexFor(respondent.Group);
        AddImportance(respondent);
        return AddAnswers(respondent, _scores.AsSpan(index * _scope.DimensionCount, _scope.DimensionCount));
    }

    /// <summary>
    /// Statistics of the defined scores on <paramref name="dimension"/> of every added respondent, or only of those in
    /// <paramref name="group"/> when it is not null. <paramref name="buffer"/> must hold <see cref="Count"/> values.
    /// </summary>
    public Statistics StatisticsOf(int dimension, int? group, double[] buffer)
    {
        var n = 0;
        for (var r = 0; r < Count; r++)
        {
            var score = ScoreOf(r, dimension);
            if (!double.IsNaN(score) && (group is null || _groupOfRespondent[r] == group))
            {
                buffer[n++] = score;
            }
        }

        return Statistics.OfInPlace(buffer.AsSpan(0, n));
    }

    // Rule 2 for every in-scope dimension, and the question tallies, in one pass over the model's questions. Going
    // through the model's questions (not the respondent's dictionary) keeps the sums in model order, so the order
    // answers were stored in cannot change a bit of the result, and skips answers to unknown or out-of-scope
    // questions without looking at them.
    private int AddAnswers(RespondentAnswers respondent, Span<double> scores)
    {
        var answered = 0;
        for (var d = 0; d < _scope.DimensionCount; d++)
        {
            double weightedLevels = 0, weights = 0;
            for (var q = _scope.FirstQuestion[d]; q < _scope.FirstQuestion[d + 1]; q++)
            {
                if (!respondent.Answers.TryGetValue(_scope.QuestionIds[q], out var answer))
                {
                    continue;
                }

                answered++;
                if (answer is not { } level)
                {
                    _questionSlots[q * SlotsPerQuestion + NotApplicableSlot]++;
                    continue;
                }

                EnsureLevel(respondent, q, level);
                _questionSlots[q * SlotsPerQuestion + level]++;
                weightedLevels += _scope.QuestionWeights[q] * level;
                weights += _scope.QuestionWeights[q];
            }

            scores[d] = RespondentDimensionScore(weightedLevels, weights);
        }

        return answered;
    }

    // A weighted mean of levels lies within 1..5; binary rounding can push it one ulp outside (weights 0.2 and 0.7,
    // both answered 5, give 5.000000000000001), and the clamp takes that back.
    private static double RespondentDimensionScore(double weightedLevels, double weights) =>
        weights > 0 ? Math.Clamp(weightedLevels / weights, Stages.Min, Stages.Max) : double.NaN;

    private void AddImportance(RespondentAnswers respondent)
    {
        for (var d = 0; d < _scope.DimensionCount; d++)
        {
            if (respondent.Importance.TryGetValue(_scope.Dimensions[d].Id, out var rating))
            {
                EnsureImportance(respondent, d, rating);
                _importanceSums[d] += rating;
                _importanceCounts[d]++;
            }
        }
    }

    private int GroupIndexFor(string group)
    {
        if (!_groupIndex.TryGetValue(group, out var index))
        {
            index = _groupNames.Count;
            _groupIndex.Add(group, index);
            _groupNames.Add(group);
            _groupSizes.Add(0);
        }

        _groupSizes[index]++;
        return index;
    }

    private void EnsureLevel(RespondentAnswers respondent, int question, int level)
    {
        if (level is < Stages.Min or > Stages.Max)
        {
            throw new ArgumentException(
                $"Respondent '{respondent.RespondentId}' answered question '{_scope.QuestionIds[question]}' " +
                $"with level {level}; an answer is a level from 1 to 5 or NotApplicable.");
        }
    }

    private void EnsureImportance(RespondentAnswers respondent, int dimension, int rating)
    {
        if (!Scoring.Importance.IsValid(rating))
        {
            throw new ArgumentException(
                $"Respondent '{respondent.RespondentId}' rated the importance of dimension " +
                $"'{_scope.Dimensions[dimension].Id}' {rating}; an importance rating is from 1 to 5.");
        }
    }
}
