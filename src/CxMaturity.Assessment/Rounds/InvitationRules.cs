using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Rounds;

/// <summary>Who gets an invitation email, and when a failed one is tried again (docs/RULES.md §3).</summary>
public static class InvitationRules
{
    /// <summary>
    /// Why an invitation is not sent (null: it is): only to an invitee (a member answers from their account), who
    /// has not handed in, of a round that is open.
    /// </summary>
    public static string? WhyNotSend(RoundStatus round, RespondentStatus respondent, bool isMember) =>
        round != RoundStatus.Open ? "The round is not open."
        : respondent == RespondentStatus.Submitted ? "They have handed in."
        : isMember ? "A member answers from their own account."
        : null;

    /// <summary>How long to wait after the <paramref name="attempts"/>-th failure: 1, 2, 4 … minutes, at most an hour.</summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
}
