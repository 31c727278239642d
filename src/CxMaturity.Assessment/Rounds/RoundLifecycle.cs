namespace CxMaturity.Assessment.Rounds;

/// <summary>
/// How a round moves from being set up to taking answers to being closed, and what each status allows
/// (docs/RULES.md §3). Draft → Open → Closed; a closed round may be opened again; nothing goes back to Draft.
/// </summary>
public static class RoundLifecycle
{
    /// <summary>Why a round in <paramref name="from"/> cannot move to <paramref name="to"/>; null when it can.</summary>
    public static string? RefusalOf(RoundStatus from, RoundStatus to) => (from, to) switch
    {
        _ when from == to => null,
        (RoundStatus.Draft, RoundStatus.Open) => null,
        (RoundStatus.Open, RoundStatus.Closed) => null,
        (RoundStatus.Closed, RoundStatus.Open) => null,
        (RoundStatus.Draft, RoundStatus.Closed) =>
            "A draft round has never taken answers, so there is nothing to close: open it, or delete it.",
        (_, RoundStatus.Draft) =>
            $"A round that has opened cannot go back to draft: people may have answered it. It is {Describe(from)}.",
        _ => $"A round cannot go from {from} to {to}.",
    };

    /// <summary>Respondents can answer, and their links work, only while the round is open.</summary>
    public static bool TakesAnswers(RoundStatus status) => status == RoundStatus.Open;

    /// <summary>Respondents can be added, edited, moved and removed until the round closes.</summary>
    public static bool RespondentsEditable(RoundStatus status) => status != RoundStatus.Closed;

    /// <summary>Only a draft can be deleted: nobody can have answered it.</summary>
    public static bool CanDelete(RoundStatus status) => status == RoundStatus.Draft;

    /// <summary>Why respondents of a round in <paramref name="status"/> cannot be changed; null when they can.</summary>
    public static string? RespondentsRefusal(RoundStatus status) =>
        RespondentsEditable(status) ? null : "The round is closed: reopen it to add or change respondents.";

    /// <summary>Why a round in <paramref name="status"/> takes no answers; null when it does.</summary>
    public static string? AnswersRefusal(RoundStatus status) => status switch
    {
        RoundStatus.Open => null,
        RoundStatus.Draft => "The round is not open yet; answers cannot be saved.",
        _ => "The round is closed; answers can no longer be changed.",
    };

    private static string Describe(RoundStatus status) => status == RoundStatus.Open ? "open" : "closed";
}
