using CxMaturity.Assessment.Rounds;

namespace CxMaturity.Assessment.Tests.Rounds;

public sealed class RoundLifecycleTests
{
    [Theory]
    [InlineData(RoundStatus.Draft, RoundStatus.Open)]
    [InlineData(RoundStatus.Open, RoundStatus.Closed)]
    [InlineData(RoundStatus.Closed, RoundStatus.Open)]
    [InlineData(RoundStatus.Open, RoundStatus.Open)]
    public void A_round_moves_forward_and_a_closed_round_can_open_again(RoundStatus from, RoundStatus to) =>
        Assert.Null(RoundLifecycle.RefusalOf(from, to));

    [Fact]
    public void Nothing_goes_back_to_draft_and_the_refusal_says_why()
    {
        Assert.Equal(
            "A round that has opened cannot go back to draft: people may have answered it. It is closed.",
            RoundLifecycle.RefusalOf(RoundStatus.Closed, RoundStatus.Draft));
        Assert.Equal(
            "A round that has opened cannot go back to draft: people may have answered it. It is open.",
            RoundLifecycle.RefusalOf(RoundStatus.Open, RoundStatus.Draft));
    }

    [Fact]
    public void A_draft_cannot_close_without_ever_opening() =>
        Assert.Equal(
            "A draft round has never taken answers, so there is nothing to close: open it, or delete it.",
            RoundLifecycle.RefusalOf(RoundStatus.Draft, RoundStatus.Closed));

    [Theory]
    [InlineData(RoundStatus.Draft, false, true, true)]
    [InlineData(RoundStatus.Open, true, true, false)]
    [InlineData(RoundStatus.Closed, false, false, false)]
    public void What_each_status_allows(RoundStatus status, bool answers, bool respondents, bool delete)
    {
        Assert.Equal(answers, RoundLifecycle.TakesAnswers(status));
        Assert.Equal(answers, RoundLifecycle.AnswersRefusal(status) is null);
        Assert.Equal(respondents, RoundLifecycle.RespondentsEditable(status));
        Assert.Equal(respondents, RoundLifecycle.RespondentsRefusal(status) is null);
        Assert.Equal(delete, RoundLifecycle.CanDelete(status));
    }
}
