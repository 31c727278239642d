using System.Net;
using System.Text.RegularExpressions;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Security;

/// <summary>The sign-in page answers an email without an account exactly as it answers a wrong password.</summary>
public sealed partial class AccountEnumerationTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_answer_and_the_same_lockout()
    {
        var known = await factory.CreateUserAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@test.local";

        var knownAnswers = new List<string>();
        var unknownAnswers = new List<string>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            knownAnswers.Add(await SignInAsync(known.Email, "Wrong!Passw0rd"));
            unknownAnswers.Add(await SignInAsync(unknown, "Wrong!Passw0rd"));
        }

        Assert.Equal(knownAnswers, unknownAnswers);
        Assert.Equal(["invalid", "invalid", "invalid", "invalid", "locked out", "locked out"], knownAnswers);
        // Locked out means locked out: the right password does not get in either until the time is up.
        Assert.Equal("locked out", await SignInAsync(known.Email, known.Password));
    }

    [Fact]
    public async Task The_unknown_email_lockout_counts_each_email_on_its_own()
    {
        await factory.CreateUserAsync(); // past the first run, which sends the sign-in page to set-up
        var first = $"nobody-{Guid.NewGuid():N}@test.local";
        var second = $"nobody-{Guid.NewGuid():N}@test.local";
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(first, "Wrong!Passw0rd");
        }

        Assert.Equal("locked out", await SignInAsync(first, "Wrong!Passw0rd"));
        Assert.Equal("invalid", await SignInAsync(second, "Wrong!Passw0rd"));
    }

    // Posts the sign-in form and says what the page answered: signed in, locked out, or an invalid attempt.
    private async Task<string> SignInAsync(string email, string password)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await (await client.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        var fields = HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        var location = response.Headers.Location?.OriginalString ?? "";
        var html = await response.Content.ReadAsStringAsync();
        return location.Contains("Account/Lockout", StringComparison.Ordinal) ? "locked out"
            : response.StatusCode == HttpStatusCode.Redirect ? "signed in"
            : html.Contains("Invalid login attempt", StringComparison.Ordinal) ? "invalid"
            : $"{(int)response.StatusCode} {location}";
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
