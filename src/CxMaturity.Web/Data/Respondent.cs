using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Web.Data;

public sealed class Respondent : IVersioned
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public AssessmentRound? Round { get; set; }

    /// <summary>The member's account, or <c>null</c> for an invitee reached only by the invitation link.</summary>
    public string? UserId { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Group { get; set; } = "";

    public RespondentStatus Status { get; set; }

    /// <summary>SHA-256 (hex) of the invitation secret; the secret itself is shown once and never stored.</summary>
    public string? InvitationTokenHash { get; set; }

    /// <summary>Who added the respondent to the round, for the questionnaire's welcome; null when unknown or deleted.</summary>
    public string? InvitedByUserId { get; set; }

    /// <summary>The dimension the respondent last answered in, to resume there.</summary>
    public string? LastDimensionId { get; set; }

    public DateTime? StartedUtc { get; set; }

    public DateTime? SubmittedUtc { get; set; }

    public Guid Version { get; set; }

    public List<Answer> Answers { get; set; } = [];

    public List<ImportanceRating> ImportanceRatings { get; set; } = [];

    /// <summary>
    /// Answers or ratings were saved at <paramref name="now"/>: an invited respondent is now in progress, and resumes
    /// in <paramref name="lastDimensionId"/> when one is given. Shared by every way answers arrive (page, API, workbook).
    /// </summary>
    public void MarkAnswered(DateTime now, string? lastDimensionId)
    {
        if (Status == RespondentStatus.Invited)
        {
            Status = RespondentStatus.InProgress;
        }

        StartedUtc ??= now;
        LastDimensionId = lastDimensionId ?? LastDimensionId;
    }

    /// <summary>Hands the answers in: from now on they count in final results.</summary>
    public void Submit(DateTime now)
    {
        Status = RespondentStatus.Submitted;
        SubmittedUtc = now;
    }

    /// <summary>Back to in progress, for answers that replaced a submitted questionnaire without submitting again.</summary>
    public void Reopen()
    {
        Status = RespondentStatus.InProgress;
        SubmittedUtc = null;
    }
}
