using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Tests.Scoring;

/// <summary>
/// Builds a <see cref="RespondentAnswers"/> for tests:
/// <c>TestRespondent.Submitted("r1", "Frontline").Levels("a", 3, null, 4).Rates("a", 5).Build()</c>
/// answers a.q1 = 3, a.q2 = NotApplicable, a.q3 = 4 and rates dimension a's importance 5.
/// </summary>
public sealed class TestRespondent
{
    private readonly string _id;
    private readonly string _group;
    private readonly RespondentStatus _status;
    private readonly Dictionary<string, int?> _answers = [];
    private readonly Dictionary<string, int> _importance = [];

    private TestRespondent(string id, string group, RespondentStatus status)
    {
        _id = id;
        _group = group;
        _status = status;
    }

    public static TestRespondent Submitted(string id, string group = "Executive") =>
        new(id, group, RespondentStatus.Submitted);

    public static TestRespondent InProgress(string id, string group = "Executive") =>
        new(id, group, RespondentStatus.InProgress);

    public static TestRespondent Invited(string id, string group = "Executive") =>
        new(id, group, RespondentStatus.Invited);

    /// <summary>Answers questions q1, q2, … of the dimension in turn; <c>null</c> is NotApplicable.</summary>
    public TestRespondent Levels(string dimensionId, params int?[] levels)
    {
        for (var i = 0; i < levels.Length; i++)
        {
            _answers[TestModels.QuestionId(dimensionId, i + 1)] = levels[i];
        }

        return this;
    }

    public TestRespondent Answer(string questionId, int? level)
    {
        _answers[questionId] = level;
        return this;
    }

    public TestRespondent Rates(string dimensionId, int importance)
    {
        _importance[dimensionId] = importance;
        return this;
    }

    public RespondentAnswers Build() => new(_id, _group, _status, _answers, _importance);
}
