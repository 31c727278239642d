namespace CxMaturity.Web.Data;

/// <summary>A user's role in one organisation, from most to least rights.</summary>
public enum OrganisationRole
{
    Owner,
    CxLead,
    Contributor,
    Respondent,
    Viewer,
}
