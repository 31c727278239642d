namespace CxMaturity.Web.Features.Demo;

/// <summary>
/// The demo accounts' sign-in, for the sign-in page to show in Development. Empty (<see cref="IsAvailable"/>
/// false) in every other environment or when the demo was not seeded.
/// </summary>
public sealed class DemoSignInInfo
{
    /// <summary>The password of both demo accounts: fixed and published, so for Development only.</summary>
    public const string DemoPassword = "Demo!2026-cx";

    public const string DemoEmail = "demo@cxmaturity.local";

    public const string AdministratorEmail = "admin@cxmaturity.local";

    public bool IsAvailable { get; private set; }

    public string Email => IsAvailable ? DemoEmail : "";

    public string Password => IsAvailable ? DemoPassword : "";

    public string AdministratorSignIn => IsAvailable ? AdministratorEmail : "";

    internal void MarkAvailable() => IsAvailable = true;
}
