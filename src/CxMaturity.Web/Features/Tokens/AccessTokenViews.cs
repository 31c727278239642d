namespace CxMaturity.Web.Features.Tokens;

/// <summary>A personal access token as its owner sees it: never the secret, only its first characters.</summary>
public sealed record AccessTokenView(
    int Id,
    string Name,
    string Prefix,
    DateTime CreatedUtc,
    DateTime? LastUsedUtc,
    DateTime? RevokedUtc)
{
    public bool IsRevoked => RevokedUtc is not null;
}

/// <summary>A token just created. <paramref name="Token"/> is the secret, shown this once and never again.</summary>
public sealed record AccessTokenCreatedView(string Token, AccessTokenView View);
