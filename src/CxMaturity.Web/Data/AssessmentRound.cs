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

    public DateTime CreatedUtc { get; set; }

    public DateTime? ClosedUtc { get; set; }

    public Guid Version { get; set; }

    public List<RoundTarget> Targets { get; set; } = [];

    public List<Respondent> Respondents { get; set; } = [];
}
