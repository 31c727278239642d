using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace CxMaturity.Web.Features.Api;

/// <summary>
/// Every update of an editable record carries the version it was read at, as <c>If-Match: "&lt;version&gt;"</c>:
/// without it the API answers 428, with a stale one 409 (the service compares), so two editors never overwrite
/// each other unseen.
/// </summary>
internal static class IfMatch
{
    /// <summary>The version the caller read <paramref name="what"/> at.</summary>
    /// <exception cref="PreconditionRequiredException">No If-Match header (428).</exception>
    /// <exception cref="ValidationException">If-Match is not a version this API gave out (422).</exception>
    public static Guid Required(HttpRequest request, string what)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (header.Length == 0)
        {
            throw new PreconditionRequiredException(
                $"Send If-Match with the version of the {what} you read (its \"version\" field), so that a change someone made since is not overwritten.");
        }

        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return Guid.TryParse(tag.Trim('"'), CultureInfo.InvariantCulture, out var version)
            ? version
            : throw ValidationException.For("If-Match", $"If-Match must be the {what}'s version, as GET returns it.");
    }
}
