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

    /// <summary>The dimension the respondent last answered in, to resume there.</summary>
    public string? LastDimensionId { get; set; }

    public DateTime? StartedUtc { get; set; }

    public DateTime? SubmittedUtc { get; set; }

    public Guid Version { get; set; }

    public List<Answer> Answers { get; set; } = [];

    public List<ImportanceRating> ImportanceRatings { get; set; } = [];
}
