using CxMaturity.Web.Data;

namespace CxMaturity.Web.Features.Organisations;

/// <summary>An organisation in the caller's list: their role, how many rounds it has and the latest one.</summary>
public sealed record OrganisationSummaryView(
    int Id,
    string Name,
    OrganisationRole Role,
    int RoundCount,
    RoundSummaryView? LatestRound);

/// <summary>
/// A round in a list. <paramref name="CompletionPercent"/> is the share of the in-scope questions answered over
/// all respondents, 0..100 (RULES.md §5.11 averaged). The progress figures are null for a Respondent: how far
/// others have got is not theirs to see.
/// </summary>
public sealed record RoundSummaryView(
    int Id,
    string Name,
    RoundStatus Status,
    string ModelId,
    string ModelVersion,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    DateTime CreatedUtc,
    DateTime? ClosedUtc,
    int? RespondentsSubmitted,
    int? RespondentsTotal,
    double? CompletionPercent)
{
    /// <summary>The same round without the figures about other respondents' progress.</summary>
    public RoundSummaryView WithoutProgress() =>
        this with { RespondentsSubmitted = null, RespondentsTotal = null, CompletionPercent = null };
}

/// <summary>
/// One organisation as the caller may see it. <paramref name="Members"/> is <c>null</c> unless the caller is
/// Owner or CX lead; a Respondent sees only the rounds they answer in.
/// </summary>
public sealed record OrganisationView(
    int Id,
    string Name,
    OrganisationRole YourRole,
    DateTime CreatedUtc,
    IReadOnlyList<string> RespondentGroups,
    IReadOnlyList<RoundSummaryView> Rounds,
    IReadOnlyList<MemberView>? Members,
    Guid Version);

public sealed record MemberView(string UserId, string Email, string DisplayName, OrganisationRole Role);
