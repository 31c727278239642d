namespace CxMaturity.Web.Features.Access;

/// <summary>Site-wide Identity roles, apart from the per-organisation roles.</summary>
public static class SiteRoles
{
    /// <summary>Manages users and sees background jobs; does not by that read organisations' data.</summary>
    public const string Administrator = "Administrator";
}
