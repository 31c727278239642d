namespace CxMaturity.Web.Components.Shared;

/// <summary>Why a page cannot show what was asked for.</summary>
public enum ProblemKind
{
    /// <summary>It does not exist, or belongs to an organisation the user is not in (never revealed which).</summary>
    NotFound,

    /// <summary>It exists in the user's organisation but their role does not allow this.</summary>
    Forbidden,
}
