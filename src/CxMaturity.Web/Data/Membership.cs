namespace CxMaturity.Web.Data;

public sealed class Membership
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public string UserId { get; set; } = "";

    public AppUser? User { get; set; }

    public OrganisationRole Role { get; set; }

    public DateTime CreatedUtc { get; set; }
}
