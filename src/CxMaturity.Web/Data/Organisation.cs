namespace CxMaturity.Web.Data;

public sealed class Organisation : IVersioned
{
    public static readonly IReadOnlyList<string> DefaultRespondentGroups =
        ["Executive", "Management", "Frontline", "Customer-facing partner"];

    public int Id { get; set; }

    public string Name { get; set; } = "";

    public List<string> RespondentGroups { get; set; } = [.. DefaultRespondentGroups];

    public DateTime CreatedUtc { get; set; }

    public Guid Version { get; set; }

    public List<Membership> Memberships { get; set; } = [];

    public List<AssessmentRound> Rounds { get; set; } = [];
}
