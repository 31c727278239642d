using CxMaturity.Web.Data;

namespace CxMaturity.Web.Features.Access;

/// <summary>The role sets of the role matrix, so that services name who may do something rather than list roles.</summary>
public static class OrganisationRoles
{
    /// <summary>Owner only: members and the organisation itself.</summary>
    public static readonly OrganisationRole[] Owners = [OrganisationRole.Owner];

    /// <summary>Owner and CX lead: rounds, targets, respondents, answers and comments, previews.</summary>
    public static readonly OrganisationRole[] Managers = [OrganisationRole.Owner, OrganisationRole.CxLead];

    /// <summary>Every role that reads an organisation's results.</summary>
    public static readonly OrganisationRole[] Readers =
        [OrganisationRole.Owner, OrganisationRole.CxLead, OrganisationRole.Contributor, OrganisationRole.Viewer];

    /// <summary>Every role.</summary>
    public static readonly OrganisationRole[] Everyone = Enum.GetValues<OrganisationRole>();

    public static bool CanManage(this OrganisationRole role) => role is OrganisationRole.Owner or OrganisationRole.CxLead;
}
