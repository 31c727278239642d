namespace CxMaturity.Assessment.Content;

/// <summary>
/// How long a questionnaire takes, to tell a respondent before they start (docs/RULES.md §7.1): about 20 seconds a
/// question — reading five statements and picking one — rounded up to whole five minutes, at least five.
/// </summary>
public static class AnsweringTime
{
    /// <summary>The time a question takes, reading included.</summary>
    public static readonly TimeSpan PerQuestion = TimeSpan.FromSeconds(20);

    /// <summary>The estimate in minutes for <paramref name="questions"/> questions: 54 questions → 20.</summary>
    public static int Minutes(int questions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(questions);
        var minutes = (int)Math.Ceiling(questions * PerQuestion.TotalMinutes);
        return Math.Max(5, (minutes + 4) / 5 * 5);
    }
}
