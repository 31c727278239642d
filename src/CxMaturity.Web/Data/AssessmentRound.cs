using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Web.Data;

public sealed class AssessmentRound : IVersioned
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public int ModelVersionId { get; set; }

    public ModelVersion? ModelVersion { get; set; }

    public string Name { get; set; } = "";

    public RoundStatus Status { get; set; }

    public DateOnly? OpensOn { get; set; }

    public DateOnly? ClosesOn { get; set; }

    public List<string> DimensionsInScope { get; set; } = [];

    public bool RespondentsSeeResults { get; set; }

    /// <summary>The groups respondents of this round belong to, in order; the organisation's when the round was made.</summary>
    public List<string> RespondentGroups { get; set; } = [];

    /// <summary>Groups with fewer submitted respondents have their figures withheld (RULES.md §5.14).</summary>
    public int MinimumGroupSize { get; set; } = ScoringOptions.DefaultMinimumGroupSize;

    /// <summary>No name or email beside anyone's answers, to anyone (RULES.md §5.14).</summary>
    public bool Anonymous { get; set; }

    /// <summary>The group the perception gap starts from.</summary>
    public string PerceptionGroupA { get; set; } = ScoringOptions.Default.PerceptionGroupA;

    /// <summary>The group the perception gap compares it with.</summary>
    public string PerceptionGroupB { get; set; } = ScoringOptions.Default.PerceptionGroupB;

    public DateTime CreatedUtc { get; set; }

    public DateTime? ClosedUtc { get; set; }

    public Guid Version { get; set; }

    public List<RoundTarget> Targets { get; set; } = [];

    public List<Respondent> Respondents { get; set; } = [];

    /// <summary>The settings as the domain checks them.</summary>
    public RoundSettings Settings => new(
        Name, OpensOn, ClosesOn, DimensionsInScope, RespondentGroups, MinimumGroupSize, Anonymous, RespondentsSeeResults,
        PerceptionGroupA, PerceptionGroupB);

    /// <summary>Takes settings the domain has checked (<see cref="RoundSettings.Check"/>).</summary>
    public void Apply(RoundSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        (Name, OpensOn, ClosesOn, RespondentsSeeResults) = (settings.Name, settings.OpensOn, settings.ClosesOn, settings.RespondentsSeeResults);
        (DimensionsInScope, RespondentGroups) = ([.. settings.DimensionsInScope], [.. settings.RespondentGroups]);
        (MinimumGroupSize, Anonymous) = (settings.MinimumGroupSize, settings.Anonymous);
        (PerceptionGroupA, PerceptionGroupB) = (settings.PerceptionGroupA, settings.PerceptionGroupB);
    }

    /// <summary>Moves the round to <paramref name="status"/> as its lifecycle allows (RULES.md §3).</summary>
    /// <exception cref="ConflictException">The lifecycle does not allow the move; the message says why.</exception>
    public void MoveTo(RoundStatus status, DateTime now)
    {
        if (RoundLifecycle.RefusalOf(Status, status) is { } refusal)
        {
            throw new ConflictException(refusal);
        }

        Status = status;
        ClosedUtc = status == RoundStatus.Closed ? now : null;
    }
}
