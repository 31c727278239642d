namespace CxMaturity.Web.Data;

/// <summary>
/// A governance role of an organisation (Executive sponsor, CX lead …), held by a member or by a named person without
/// an account, with its responsibilities (docs/RULES.md §8.1).
/// </summary>
public sealed class GovernanceRole : IVersioned
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Its place in the organisation's list (and the RACI grid's columns).</summary>
    public int Position { get; set; }

    /// <summary>The member who holds the role, if any.</summary>
    public string? HolderUserId { get; set; }

    public AppUser? HolderUser { get; set; }

    /// <summary>Who holds the role when they have no account.</summary>
    public string? HolderName { get; set; }

    public string Responsibilities { get; set; } = "";

    public Guid Version { get; set; }
}

/// <summary>One letter of the RACI matrix: a role's part in one row (a project, or a roadmap item not yet a project).</summary>
public sealed class RaciAssignment
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    /// <summary>The row: <c>project:12</c>, or <c>item:7:initiative-id</c> for a roadmap item of round 7.</summary>
    public string RowKey { get; set; } = "";

    public int RoleId { get; set; }

    public GovernanceRole? Role { get; set; }

    public RaciLetter Letter { get; set; }
}
