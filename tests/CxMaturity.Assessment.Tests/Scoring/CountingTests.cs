using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using static CxMaturity.Assessment.Tests.Scoring.TestModels;

namespace CxMaturity.Assessment.Tests.Scoring;

// RULES.md §5.1: only Submitted respondents count; a preview also counts InProgress ones.
public sealed class CountingTests
{
    private static readonly MaturityModel _model = Build(Dimension("a"));

    private static readonly RespondentAnswers[] _respondents =
    [
        TestRespondent.Submitted("submitted", "Executive").Levels("a", 2).Rates("a", 2).Build(),
        TestRespondent.InProgress("answering", "Frontline").Levels("a", 4).Rates("a", 4).Build(),
        TestRespondent.Invited("invited", "Management").Levels("a", 5).Rates("a", 5).Build(),
    ];

    [Fact]
    public void Final_results_count_only_submitted_respondents()
    {
        var result = RoundScorer.Score(_model, ["a"], _respondents);

        Assert.False(result.IsPreview);
        Assert.Equal(1, result.RespondentsCounted);
        Assert.Equal(2.0, result.Overall);
        Assert.Equal(2.0, result.Dimensions[0].Importance);
        Assert.Equal(["Executive"], result.Groups.Select(g => g.Group));
        Assert.Equal(["submitted"], result.RespondentScores.Select(s => s.RespondentId));
        Assert.Equal(1, result.Questions[0].N);
    }

    [Fact]
    public void A_preview_counts_in_progress_respondents_too_and_says_it_is_a_preview()
    {
        // Submitted 2 and InProgress 4: mean 3; the Invited respondent's 5 still does not count.
        var result = RoundScorer.Score(_model, ["a"], _respondents, new ScoringOptions(IncludeInProgress: true));

        Assert.True(result.IsPreview);
        Assert.Equal(2, result.RespondentsCounted);
        Assert.Equal(3.0, result.Overall);
        Assert.Equal(3.0, result.Dimensions[0].Importance);
        Assert.Equal(["Executive", "Frontline"], result.Groups.Select(g => g.Group));
        Assert.Equal(["submitted", "answering"], result.RespondentScores.Select(s => s.RespondentId));
    }

    [Fact]
    public void Completion_lists_every_respondent_whatever_their_status()
    {
        var result = RoundScorer.Score(_model, ["a"], _respondents);

        Assert.Equal(["submitted", "answering", "invited"], result.Completion.Select(c => c.RespondentId));
    }
}
