using Microsoft.AspNetCore.Identity;

namespace CxMaturity.Web.Data;

public sealed class AppUser : IdentityUser
{
    /// <summary>The name shown to colleagues; the email when empty.</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";
}
