using CxMaturity.Web.Data;

namespace CxMaturity.Web.Components.Shared;

/// <summary>Organisation roles as people read them.</summary>
public static class RoleNames
{
    public static string Of(OrganisationRole role) => role switch
    {
        OrganisationRole.CxLead => "CX lead",
        _ => role.ToString(),
    };
}
