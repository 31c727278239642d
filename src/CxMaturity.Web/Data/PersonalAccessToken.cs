namespace CxMaturity.Web.Data;

/// <summary>An API token of one user. Only the SHA-256 (hex) of the secret is stored; the secret is shown once.</summary>
public sealed class PersonalAccessToken
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    public string TokenHash { get; set; } = "";

    /// <summary>The first characters of the secret, so its owner can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? LastUsedUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }
}
