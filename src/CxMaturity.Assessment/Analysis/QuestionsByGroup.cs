using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Analysis;

/// <summary>
/// One question's mean level per respondent group, and how far the groups' means lie apart (<paramref name="Spread"/>,
/// highest minus lowest, over the groups shown; none with fewer than two).
/// </summary>
public sealed record QuestionByGroup(string QuestionId, string DimensionId, IReadOnlyList<GroupMean> Groups, double? Spread);

/// <summary>A group's mean level on a question; <paramref name="Withheld"/> when the group is too small to show (rule 14).</summary>
public sealed record GroupMean(string Group, int N, double? Mean, bool Withheld);

/// <summary>The question heatmap by group (docs/RULES.md §5.17): where opinions diverge most between groups.</summary>
public static class QuestionsByGroup
{
    /// <summary>
    /// Every in-scope question with each group's mean level (Not applicable left out), groups in
    /// <paramref name="groupOrder"/>; a group with fewer counted respondents than <paramref name="minimumGroupSize"/>
    /// is withheld. Questions come in order of spread, widest first (ties in model order), then those without one.
    /// </summary>
    public static IReadOnlyList<QuestionByGroup> Compute(
        MaturityModel model,
        IReadOnlyCollection<string> dimensionsInScope,
        IReadOnlyList<RespondentAnswers> respondents,
        IReadOnlyList<string> groupOrder,
        int minimumGroupSize,
        bool preview = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(respondents);
        var counted = respondents.Where(r => r.Status.Counts(preview)).ToList();
        var groups = groupOrder.Where(g => counted.Any(r => r.Group == g))
            .Concat(counted.Select(r => r.Group).Distinct().Where(g => !groupOrder.Contains(g)).Order(StringComparer.Ordinal))
            .Select(g => (Name: g, Members: counted.Where(r => r.Group == g).ToList()))
            .ToList();

        var rows = new List<(QuestionByGroup Row, int Order)>();
        var order = 0;
        foreach (var dimension in model.Dimensions.Where(d => dimensionsInScope.Contains(d.Id)).OrderBy(d => d.Order))
        {
            foreach (var question in dimension.Questions)
            {
                var means = groups.Select(g =>
                {
                    if (g.Members.Count < minimumGroupSize)
                    {
                        return new GroupMean(g.Name, 0, null, Withheld: true);
                    }

                    var levels = g.Members
                        .Select(r => r.Answers.TryGetValue(question.Id, out var level) ? level : null)
                        .OfType<int>()
                        .ToList();
                    return new GroupMean(g.Name, levels.Count, levels.Count == 0 ? null : levels.Average(), Withheld: false);
                }).ToList();
                var shown = means.Where(m => m.Mean is not null).Select(m => m.Mean!.Value).ToList();
                rows.Add((new QuestionByGroup(question.Id, dimension.Id, means, shown.Count < 2 ? null : shown.Max() - shown.Min()), order++));
            }
        }

        return [.. rows
            .OrderBy(r => r.Row.Spread is null)
            .ThenByDescending(r => r.Row.Spread is { } spread ? Math.Round(spread, 9) : 0) // noise never moves an order (rule 13)
            .ThenBy(r => r.Order)
            .Select(r => r.Row)];
    }
}
