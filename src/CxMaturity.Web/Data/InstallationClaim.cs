namespace CxMaturity.Web.Data;

/// <summary>
/// Something only one user of the installation may ever do, claimed by inserting a row under its name: the primary
/// key lets the database accept the first claim and refuse every other, whichever process or server makes them.
/// </summary>
public sealed class InstallationClaim
{
    /// <summary>The claim of the first administrator: whoever inserts it sets the installation up.</summary>
    public const string FirstAdministrator = "first-administrator";

    public string Name { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTime ClaimedUtc { get; set; }
}
