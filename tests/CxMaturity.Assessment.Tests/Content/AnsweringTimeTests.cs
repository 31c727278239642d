using CxMaturity.Assessment.Content;

namespace CxMaturity.Assessment.Tests.Content;

public sealed class AnsweringTimeTests
{
    [Theory]
    [InlineData(54, 20)] // 54 × 20 s = 18 min → 20
    [InlineData(6, 5)]   // 2 min → at least 5
    [InlineData(0, 5)]
    [InlineData(15, 5)]  // exactly 5 min
    [InlineData(16, 10)] // 5 min 20 s → 10
    [InlineData(90, 30)]
    public void The_estimate_is_twenty_seconds_a_question_rounded_up_to_five_minutes(int questions, int minutes) =>
        Assert.Equal(minutes, AnsweringTime.Minutes(questions));
}
