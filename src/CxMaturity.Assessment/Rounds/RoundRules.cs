using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Rounds;

/// <summary>What a round is to the people around it (docs/RULES.md §3).</summary>
public static class RoundRules
{
    /// <summary>
    /// The round whose results speak for an organisation now: the newest closed round someone submitted to, else
    /// the newest round with any submission; none when nobody has submitted anywhere. <paramref name="newestFirst"/>
    /// lists the organisation's rounds from the newest.
    /// </summary>
    public static TRound? LatestWithResults<TRound>(IEnumerable<TRound> newestFirst, Func<TRound, RoundStatus> status, Func<TRound, int> submitted)
        where TRound : class
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var rounds = newestFirst as IReadOnlyList<TRound> ?? [.. newestFirst];
        return rounds.FirstOrDefault(r => status(r) == RoundStatus.Closed && submitted(r) > 0)
            ?? rounds.FirstOrDefault(r => submitted(r) > 0);
    }

    /// <summary>A questionnaire still waiting for its respondent: the round takes answers and they have not handed in.</summary>
    public static bool IsWaitingForAnswers(RoundStatus round, RespondentStatus respondent) =>
        round == RoundStatus.Open && respondent != RespondentStatus.Submitted;
}
