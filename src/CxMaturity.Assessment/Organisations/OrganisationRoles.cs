namespace CxMaturity.Assessment.Organisations;

/// <summary>The role sets of docs/RULES.md §1, so that services name who may do something rather than list roles.</summary>
public static class OrganisationRoles
{
    /// <summary>Owner only: members and the organisation itself.</summary>
    public static readonly IReadOnlyList<OrganisationRole> Owners = [OrganisationRole.Owner];

    /// <summary>Owner and CX lead: rounds, targets, respondents, answers and comments, previews.</summary>
    public static readonly IReadOnlyList<OrganisationRole> Managers = [OrganisationRole.Owner, OrganisationRole.CxLead];

    /// <summary>Every role that reads an organisation's results.</summary>
    public static readonly IReadOnlyList<OrganisationRole> Readers =
        [OrganisationRole.Owner, OrganisationRole.CxLead, OrganisationRole.Contributor, OrganisationRole.Viewer];

    /// <summary>Every role.</summary>
    public static readonly IReadOnlyList<OrganisationRole> Everyone = Enum.GetValues<OrganisationRole>();

    /// <summary>Owner and CX lead run the programme.</summary>
    public static bool CanManage(this OrganisationRole role) => role is OrganisationRole.Owner or OrganisationRole.CxLead;

    /// <summary>Every role but Respondent reads results in full.</summary>
    public static bool CanRead(this OrganisationRole role) => role != OrganisationRole.Respondent;

    /// <summary>The role as people read it: "CX lead" for <see cref="OrganisationRole.CxLead"/>.</summary>
    public static string DisplayName(this OrganisationRole role) => role switch
    {
        OrganisationRole.CxLead => "CX lead",
        _ => role.ToString(),
    };
}
