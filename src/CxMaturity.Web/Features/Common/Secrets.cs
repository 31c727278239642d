using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CxMaturity.Web.Features.Common;

/// <summary>Secrets handed to people (invitation links, access tokens): 256 random bits, stored only as a hash.</summary>
public static class Secrets
{
    /// <summary>A new secret: 32 random bytes, base64url (43 characters).</summary>
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The SHA-256 of the secret as lowercase hex, which is what the database keeps.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
