using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Common;

/// <summary>Where the app is reached from outside (the <c>App</c> section).</summary>
public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>
    /// The public base URL links in emails and API answers are built from, e.g. <c>https://cx.example.com/</c>; never
    /// the Host header of a request, which a caller controls.
    /// </summary>
    public string? PublicUrl { get; set; }
}

/// <summary>Absolute links to pages of the app, from the configured public base URL.</summary>
public sealed class PublicLinks(IOptions<AppOptions> options)
{
    /// <summary>True when <c>App:PublicUrl</c> is set to an absolute http(s) URL.</summary>
    public bool IsConfigured => BaseUri is not null;

    /// <summary>The absolute link to <paramref name="path"/> (which may start with a slash).</summary>
    /// <exception cref="InvalidOperationException">App:PublicUrl is not set; the message says what to set.</exception>
    public string To(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var root = BaseUri ?? throw new InvalidOperationException(
            "App:PublicUrl is not set, so no link can be sent: set it to the address people open CxMaturity at, e.g. https://cx.example.com/.");
        return new Uri(root, path.TrimStart('/')).ToString();
    }

    private Uri? BaseUri => BaseUriOf(options.Value.PublicUrl);

    /// <summary><paramref name="publicUrl"/> as a base to build links on (ending in a slash); null unless it is an absolute http(s) URL.</summary>
    internal static Uri? BaseUriOf(string? publicUrl) =>
        Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new Uri(uri.ToString().TrimEnd('/') + "/")
            : null;
}
