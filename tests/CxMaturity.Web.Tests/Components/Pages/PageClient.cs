using System.Net;
using System.Text.RegularExpressions;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Components.Pages;

/// <summary>
/// A browser without JavaScript: it signs in by posting the static sign-in form (with the form's antiforgery token),
/// keeps the cookies, and reads the first HTML response of a page, which interactive pages prerender on the server.
/// </summary>
public sealed partial class PageClient : IDisposable
{
    private const string IdentityCookie = "CxMaturity.Identity";

    private readonly HttpClient _client;

    private PageClient(CxWebApplicationFactory factory) =>
        _client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    public static PageClient Anonymous(CxWebApplicationFactory factory) => new(factory);

    /// <summary>Signs in through <c>/Account/Login</c> as a person would, and fails if the site does not accept it.</summary>
    public static async Task<PageClient> SignInAsync(CxWebApplicationFactory factory, TestUser user)
    {
        var client = new PageClient(factory);
        try
        {
            await client.PostSignInFormAsync(user.Email, user.Password);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Signs in through the sign-in form opened with <paramref name="returnUrl"/> and answers where the site sends the
    /// browser next (the redirect's target), or the status when it does not redirect.
    /// </summary>
    public static async Task<(HttpStatusCode Status, string? Location)> SignInWithReturnUrlAsync(
        CxWebApplicationFactory factory,
        TestUser user,
        string returnUrl)
    {
        using var client = new PageClient(factory);
        var path = "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var form = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var fields = HiddenFields(form.Html);
        fields["Input.Email"] = user.Email;
        fields["Input.Password"] = user.Password;
        using var response = await client._client.PostAsync(path, new FormUrlEncodedContent(fields));
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    /// <summary>
    /// Signs out as the app bar's sign-out form does, asking to return to <paramref name="returnUrl"/>, with an
    /// antiforgery token read from a static page (the app bar's menu renders its form only when opened); answers the
    /// status and where the site sends the browser.
    /// </summary>
    public async Task<(HttpStatusCode Status, string? Location)> SignOutAsync(string returnUrl)
    {
        var page = await GetAsync("/Account/Manage");
        var token = InputPattern().Matches(page.Html).Select(m => m.Value)
            .First(tag => Attribute(tag, "name") == "__RequestVerificationToken");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Attribute(token, "value") ?? "",
            ["ReturnUrl"] = returnUrl,
        };
        using var response = await _client.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields));
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    public async Task<PageResponse> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        return new PageResponse(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }

    public void Dispose() => _client.Dispose();

    private async Task PostSignInFormAsync(string email, string password)
    {
        var form = await GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var fields = HiddenFields(form.Html);
        Assert.True(fields.ContainsKey("__RequestVerificationToken"), "The sign-in form carries no antiforgery token.");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;

        using var response = await _client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));

        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.True(
            response.StatusCode == HttpStatusCode.Redirect && !location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase),
            $"Signing in as {email} answered {(int)response.StatusCode} to '{location}'.");
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(IdentityCookie + "=", StringComparison.Ordinal));
    }

    // The hidden inputs of the sign-in form: the antiforgery token and Blazor's form handler name.
    private static Dictionary<string, string> HiddenFields(string html)
    {
        var form = FormPattern().Match(html);
        Assert.True(form.Success, "The sign-in page has no sign-in form.");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputPattern().Matches(form.Value))
        {
            var tag = input.Value;
            if (Attribute(tag, "type") == "hidden" && Attribute(tag, "name") is { } name)
            {
                fields[name] = Attribute(tag, "value") ?? "";
            }
        }

        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, "\\s" + name + "=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("""<form[^>]*data-testid="login-form"[\s\S]*?</form>""")]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputPattern();
}

/// <summary>What a page answered: the status, the HTML, and where a redirect points.</summary>
public sealed record PageResponse(HttpStatusCode Status, string Html, Uri? Location)
{
    /// <summary>True when the page rendered an element with this <c>data-testid</c>.</summary>
    public bool Has(string testId) => Html.Contains($"data-testid=\"{testId}\"", StringComparison.Ordinal);

    /// <summary>The text inside the first element with this <c>data-testid</c>, tags removed and whitespace collapsed.</summary>
    public string TextOf(string testId)
    {
        var match = Regex.Match(Html, $"""data-testid="{Regex.Escape(testId)}"[^>]*>([\s\S]*?)</""");
        Assert.True(match.Success, $"The page has no element '{testId}'.");
        return Regex.Replace(WebUtility.HtmlDecode(match.Groups[1].Value), @"\s+", " ").Trim();
    }

    /// <summary>The start tag of the element with this <c>data-testid</c>, for its attributes.</summary>
    public string TagOf(string testId)
    {
        var match = Regex.Match(Html, $"""<[^<>]*data-testid="{Regex.Escape(testId)}"[^<>]*>""");
        Assert.True(match.Success, $"The page has no element '{testId}'.");
        return match.Value;
    }
}
