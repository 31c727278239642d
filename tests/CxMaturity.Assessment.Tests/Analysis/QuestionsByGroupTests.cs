using CxMaturity.Assessment.Analysis;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Assessment.Tests.Scoring;

namespace CxMaturity.Assessment.Tests.Analysis;

public sealed class QuestionsByGroupTests
{
    [Fact]
    public void Each_question_has_its_group_means_and_the_widest_spread_comes_first()
    {
        var model = TestModels.Build(TestModels.Dimension("a", questions: 2), TestModels.Dimension("b"));
        var first = model.Dimensions[0].Questions[0].Id;
        var second = model.Dimensions[0].Questions[1].Id;
        RespondentAnswers Person(string id, string group, int? a, int? b, RespondentStatus status = RespondentStatus.Submitted) =>
            new(id, group, status, new Dictionary<string, int?> { [first] = a, [second] = b }, new Dictionary<string, int>());

        var rows = QuestionsByGroup.Compute(
            model,
            [.. model.Dimensions.Select(d => d.Id)],
            [
                Person("1", "Executive", 4, 3), Person("2", "Executive", 5, 3),
                Person("3", "Frontline", 2, 3), Person("4", "Frontline", 2, null), Person("5", "Frontline", 3, 2),
                Person("6", "Management", 3, 1), Person("7", "Management", 3, 5),
                Person("8", "Partner", 1, 1),                                           // alone: withheld at k = 2
                Person("9", "Executive", 1, 1, RespondentStatus.InProgress),            // does not count
            ],
            ["Executive", "Management", "Frontline", "Partner"],
            minimumGroupSize: 2);

        // First question: Executive 4.5, Management 3.0, Frontline 7/3; spread 4.5 − 2.333… = 2.1666…
        var top = rows[0];
        Assert.Equal(first, top.QuestionId);
        Assert.Equal(["Executive", "Management", "Frontline", "Partner"], top.Groups.Select(g => g.Group));
        Assert.Equal(4.5, top.Groups[0].Mean);
        Assert.Equal(7.0 / 3, top.Groups[2].Mean!.Value, 12);
        Assert.Equal((true, (double?)null), (top.Groups[3].Withheld, top.Groups[3].Mean));
        Assert.Equal(4.5 - 7.0 / 3, top.Spread!.Value, 12);

        // Second: Executive 3, Management 3, Frontline 2.5 (Not applicable left out, n = 2): spread 0.5.
        var next = rows.Single(r => r.QuestionId == second);
        Assert.Equal((2, 2.5), (next.Groups[2].N, next.Groups[2].Mean!.Value));
        Assert.Equal(0.5, next.Spread!.Value, 12);
        Assert.Equal(1, rows.ToList().IndexOf(next));
    }
}
