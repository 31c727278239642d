namespace CxMaturity.Web.Data;

public sealed class Organisation : IVersioned
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public List<string> RespondentGroups { get; set; } = [.. RoundSettings.DefaultGroups];

    /// <summary>The root-cause categories of the customer-gap register, in the organisation's order.</summary>
    public List<string> RootCauses { get; set; } = [.. CustomerGapList.DefaultRootCauses];

    public DateTime CreatedUtc { get; set; }

    /// <summary>Changes whenever the RACI matrix is saved: the version a RACI edit is made against.</summary>
    public Guid RaciVersion { get; set; } = Guid.NewGuid();

    public Guid Version { get; set; }

    public List<Membership> Memberships { get; set; } = [];

    public List<AssessmentRound> Rounds { get; set; } = [];
}
