using System.Net;
using System.Text.RegularExpressions;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Security;

/// <summary>
/// The sign-in page answers an email without an account exactly as it answers a wrong password, and registration
/// answers an address with an account exactly as a new one.
/// </summary>
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

    [Fact]
    public async Task Registering_an_address_with_an_account_looks_the_same_and_only_its_owner_is_told_by_email()
    {
        var existing = await factory.CreateUserAsync();
        var fresh = $"new-{Guid.NewGuid():N}@test.local";

        var (freshLocation, freshPage) = await RegisterAsync(fresh, "Fresh!Passw0rd");
        var (existingLocation, existingPage) = await RegisterAsync(existing.Email, "Other!Passw0rd");

        Assert.Equal($"http://localhost/Account/RegisterConfirmation?email={Uri.EscapeDataString(fresh)}", freshLocation);
        Assert.Equal($"http://localhost/Account/RegisterConfirmation?email={Uri.EscapeDataString(existing.Email)}", existingLocation);
        Assert.Contains("Check your email", freshPage, StringComparison.Ordinal);
        Assert.Equal(freshPage.Replace(fresh, "ADDRESS", StringComparison.Ordinal), existingPage.Replace(existing.Email, "ADDRESS", StringComparison.Ordinal));
        var mails = await factory.WithDbAsync(db => Task.FromResult(db.OutgoingMails.Where(m => m.Kind == "account").ToList()));
        var confirm = Assert.Single(mails, m => m.ToAddress == fresh);
        var told = Assert.Single(mails, m => m.ToAddress == existing.Email);
        Assert.Equal("Confirm your CxMaturity account", confirm.Subject);
        Assert.Equal("You already have a CxMaturity account", told.Subject);
        Assert.Contains("http://localhost:5294/Account/Login", told.Text, StringComparison.Ordinal);
        // Nothing about the existing account changed: its own password still signs in, the one typed does not.
        Assert.Equal("signed in", await SignInAsync(existing.Email, existing.Password));
        Assert.Equal("invalid", await SignInAsync(existing.Email, "Other!Passw0rd"));
    }

    [Fact]
    public async Task A_new_account_signs_in_once_the_emailed_link_confirms_its_address()
    {
        await factory.CreateUserAsync(); // past the first run
        var email = $"new-{Guid.NewGuid():N}@test.local";
        await RegisterAsync(email, "Fresh!Passw0rd");

        var before = await SignInAsync(email, "Fresh!Passw0rd");
        var mail = await factory.WithDbAsync(db => Task.FromResult(db.OutgoingMails.Single(m => m.ToAddress == email)));
        var link = Regex.Match(mail.Text, @"http://localhost:5294/Account/ConfirmEmail\S+").Value;
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var confirmed = await client.GetAsync(link.Replace("http://localhost:5294", "", StringComparison.Ordinal));

        Assert.Equal("invalid", before);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("signed in", await SignInAsync(email, "Fresh!Passw0rd"));
    }

    [Fact]
    public async Task A_weak_password_is_refused_alike_whether_or_not_the_address_has_an_account()
    {
        var existing = await factory.CreateUserAsync();
        var fresh = $"new-{Guid.NewGuid():N}@test.local";

        var (freshLocation, _) = await RegisterAsync(fresh, "weakpw");
        var (existingLocation, _) = await RegisterAsync(existing.Email, "weakpw");

        Assert.Equal("200", freshLocation);
        Assert.Equal("200", existingLocation);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == fresh)));
    }

    [Fact]
    public async Task A_password_reset_goes_to_the_address_the_account_holds_not_the_spelling_typed()
    {
        var user = await factory.CreateUserAsync();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await (await client.GetAsync("/Account/ForgotPassword")).Content.ReadAsStringAsync();
        var fields = HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = user.Email.ToUpperInvariant();

        using var response = await client.PostAsync("/Account/ForgotPassword", new FormUrlEncodedContent(fields));

        var mail = await factory.WithDbAsync(db => db.OutgoingMails.SingleAsync(m => m.Subject == "Reset your CxMaturity password" && m.ToAddress.ToLower() == user.Email.ToLower()));
        Assert.Equal(user.Email, mail.ToAddress);
    }

    private async Task<(string Location, string Page)> RegisterAsync(string email, string password)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await (await client.GetAsync("/Account/Register")).Content.ReadAsStringAsync();
        var fields = HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        fields["Input.ConfirmPassword"] = password;
        using var response = await client.PostAsync("/Account/Register", new FormUrlEncodedContent(fields));
        var location = response.Headers.Location?.OriginalString ?? $"{(int)response.StatusCode}";
        var page = await (await client.GetAsync(location)).Content.ReadAsStringAsync();
        // What the page says (its card), not the nonce and circuit markers every response carries anew.
        return (location, Regex.Match(page, "<div class=\"cx-auth-card\">.*?</div>", RegexOptions.Singleline).Value);
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
