using System.Net;
using ClosedXML.Excel;
using CxMaturity.Web.Data;
using CxMaturity.Web.Tests.Components.Pages;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CxMaturity.Web.Tests.Features.Workbooks.WorkbookTestFiles;

namespace CxMaturity.Web.Tests.Security;

/// <summary>
/// Input that a browser or a script can send but a person never means: a return address on another site, and
/// text with Unicode non-characters or broken surrogate pairs. Refused with a clear message, or made harmless.
/// </summary>
public sealed class UnsafeInputTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    public static TheoryData<string> ForeignReturnUrls => ["https://evil.example/x", "//evil.example", "javascript:alert(1)", "/\\evil.example"];

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task Signing_in_with_a_return_address_on_another_site_signs_in_and_goes_home(string returnUrl)
    {
        var user = await factory.CreateUserAsync();

        var (status, location) = await PageClient.SignInWithReturnUrlAsync(factory, user, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/", OnThisSite(location));
    }

    [Fact]
    public async Task Signing_in_with_a_local_return_address_goes_there()
    {
        var user = await factory.CreateUserAsync();

        var (status, location) = await PageClient.SignInWithReturnUrlAsync(factory, user, "/profile");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/profile", OnThisSite(location));
    }

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task Signing_out_with_a_return_address_on_another_site_signs_out_and_goes_home(string returnUrl)
    {
        var user = await factory.CreateUserAsync();
        using var client = await PageClient.SignInAsync(factory, user);

        var (status, location) = await client.SignOutAsync(returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/", OnThisSite(location));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/profile")).Status);
    }

    // The path a redirect leads to, failing when it leads to another site.
    private static string OnThisSite(string? location)
    {
        var target = new Uri(new Uri("http://localhost/"), location);
        Assert.Equal("localhost", target.Host);
        return target.PathAndQuery;
    }

    // JSON escapes as a script sends them: a serializer would replace half a surrogate pair before it left.
    public static TheoryData<string> BrokenTexts => [@"Acme\uFFFE", @"Acme\uFFFF Ltd", @"Acme \uD800 Ltd", @"Acme \uDC00", @"Acme\uFDD0"];

    [Theory]
    [MemberData(nameof(BrokenTexts))]
    public async Task An_organisation_name_with_a_non_character_is_refused_naming_the_field(string escapedName)
    {
        var owner = await factory.CreateUserAsync();
        using var api = await factory.CreateApiClientAsync(owner.Id);
        var before = await factory.WithDbAsync(db => db.Organisations.CountAsync());

        var problem = await (await api.SendRawAsync(HttpMethod.Post, "/api/v1/organisations", $$"""{ "name": "{{escapedName}}" }"""))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("character", Assert.Single(problem.Errors!["name"]), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task A_respondent_name_and_an_answer_comment_with_non_characters_are_refused_naming_each_field()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        using var api = await factory.CreateApiClientAsync(organisation.Owner.Id);
        var roundId = organisation.Round.Id;

        var respondent = await (await api.PostJsonAsync($"/api/v1/assessments/{roundId}/respondents", new { name = "Ada \uFFFF", email = "ada@test.local", group = "Executive" }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["name"], respondent.Errors!.Keys);

        var added = await factory.AddRespondentAsync(organisation.Owner.Id, roundId);
        var questionId = factory.Model.Dimensions[0].Questions[0].Id;
        var answers = await (await api.PutJsonAsync(
                ApiTestExtensions.AnswersUrl(roundId, added.Respondent.Id),
                new { answers = new[] { new { questionId, level = 3, comment = "fine\uFFFE" } }, submit = false }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["answers[0].comment"], answers.Errors!.Keys);
    }

    [Fact]
    public async Task Every_workbook_downloads_even_when_stored_names_hold_non_characters()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var owner = organisation.Owner;
        var roundId = organisation.Round.Id;
        var respondent = (await factory.AddRespondentAsync(owner.Id, roundId, "Executive", "Ada")).Respondent.Id;
        await factory.AnswerAllAsync(owner.Id, roundId, respondent, q => 3);
        // Text stored before input was checked, or written by another tool: every name the workbooks print.
        await factory.WithDbAsync(async db =>
        {
            await db.Organisations.Where(o => o.Id == organisation.OrganisationId)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, "Acme\uFFFE \uD800Retail\uFFFF"));
            await db.Rounds.Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, "Spring \uDC00 pulse\uFFFE"));
            await db.Respondents.Where(r => r.Id == respondent).ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, "Ada\uFFFF \uD800"));
        });
        using var api = await factory.CreateApiClientAsync(owner.Id);

        foreach (var url in new[] { EngagementUrl(roundId), EngagementUrl(roundId, anonymise: true), QuestionnaireUrl(roundId), QuestionnaireUrl(roundId, respondent) })
        {
            using var response = await api.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            using var workbook = new XLWorkbook(new MemoryStream(body));
            Assert.NotEmpty(workbook.Worksheets);
            var fileName = response.Content.Headers.ContentDisposition?.FileName ?? "";
            Assert.StartsWith("acme-retail-spring-pulse-", fileName, StringComparison.Ordinal);
            Assert.All(fileName, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '.', $"'{fileName}' holds '{c}'"));
        }
    }
}
