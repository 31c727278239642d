using System.Net;
using ClosedXML.Excel;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Assessment.Workbooks;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Tests.Infrastructure;
using static CxMaturity.Web.Tests.Features.Workbooks.WorkbookTestFiles;

namespace CxMaturity.Web.Tests.Features.Workbooks;

/// <summary>The engagement and questionnaire workbooks as the API and the browser download them.</summary>
public sealed class WorkbookDownloadTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    /// <summary>
    /// Northwind Retail's "2026 Baseline": Ada (Executive) and Ben (Frontline) submitted, Cy (Management) is still
    /// answering and must not appear in a final export.
    /// </summary>
    private async Task<(TestUser Owner, int OrganisationId, int RoundId, int Ada, int Cy)> NorthwindAsync()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id, "Northwind Retail");
        var round = await factory.CreateRoundAsync(owner.Id, organisationId, "2026 Baseline");
        var questions = factory.Model.Dimensions.SelectMany(d => d.Questions).ToList();
        var ada = (await factory.AddRespondentAsync(owner.Id, round.Id, "Executive", "Ada Lovelace")).Respondent.Id;
        var ben = (await factory.AddRespondentAsync(owner.Id, round.Id, "Frontline", "Ben Okri")).Respondent.Id;
        var cy = (await factory.AddRespondentAsync(owner.Id, round.Id, "Management", "Cy Twombly")).Respondent.Id;
        await factory.Questionnaires.SaveAsync(RespondentRef.Member(owner.Id, round.Id, ada), new SaveAnswersRequest(
            [.. questions.Select((q, i) => new AnswerInput(q.Id, i == 1 ? null : (i % 5) + 1, i == 0 ? "=HYPERLINK(\"x\") we rely on anecdotes" : null))],
            Submit: true));
        await factory.AnswerAllAsync(owner.Id, round.Id, ben, q => 2);
        await factory.AnswerAllAsync(owner.Id, round.Id, cy, q => 5, submit: false);
        return (owner, organisationId, round.Id, ada, cy);
    }

    private static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    private static IXLCell ValueOf(IXLWorksheet summary, string label) =>
        summary.Column(1).CellsUsed().Single(c => c.GetString() == label).CellRight();

    private static List<IXLRangeRow> Responses(XLWorkbook workbook) =>
        [.. workbook.Worksheet("Responses").Table("tblResponses").DataRange.Rows()];

    [Fact]
    public async Task The_engagement_workbook_holds_the_final_results_of_the_round()
    {
        var (owner, _, roundId, _, _) = await NorthwindAsync();
        using var api = await factory.CreateApiClientAsync(owner.Id);
        var result = (await factory.Results.GetResultsAsync(owner.Id, roundId)).Result;

        using var response = await api.GetAsync(EngagementUrl(roundId));
        using var workbook = Open(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("northwind-retail-2026-baseline-engagement.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(EngagementWorkbookWriter.SheetNames, workbook.Worksheets.Select(w => w.Name));

        var summary = workbook.Worksheet("Summary");
        Assert.Equal("Northwind Retail", ValueOf(summary, "Organisation").GetString());
        Assert.Equal(2, ValueOf(summary, "Respondents submitted").GetValue<int>());
        Assert.Equal(3, ValueOf(summary, "Respondents invited").GetValue<int>());
        var overall = ValueOf(summary, "Overall score");
        Assert.Equal(Stages.ForExport(result.Overall!.Value), overall.GetDouble());
        Assert.Equal("0.00", overall.Style.NumberFormat.Format);
        Assert.Equal(factory.Model.StageAt(result.OverallStage!.Value).Name, ValueOf(summary, "Overall stage").GetString());

        // Ada answered 53 questions with a level and one Not applicable; Ben all 54; Cy's answers are in progress.
        var rows = Responses(workbook);
        var questions = factory.Model.Dimensions.SelectMany(d => d.Questions).ToList();
        Assert.Equal(2 * questions.Count, rows.Count);
        Assert.DoesNotContain(rows, r => r.Cell(1).GetString() == "Cy Twombly");
        var first = rows.Single(r => r.Cell(1).GetString() == "Ada Lovelace" && r.Cell(4).GetString() == questions[0].Id);
        var dimension = factory.Model.FindDimension(questions[0].DimensionId)!;
        Assert.Equal(
            ["Ada Lovelace", "Executive", dimension.Title, questions[0].Id, questions[0].Text, "1", factory.Model.StageAt(1).Name, "'=HYPERLINK(\"x\") we rely on anecdotes"],
            Enumerable.Range(1, 8).Select(c => first.Cell(c) is var cell && cell.HasFormula ? "formula!" : cell.GetString()));
        var notApplicable = rows.Single(r => r.Cell(1).GetString() == "Ada Lovelace" && r.Cell(4).GetString() == questions[1].Id);
        Assert.True(notApplicable.Cell(6).IsEmpty());
        Assert.Equal("Not applicable", notApplicable.Cell(7).GetString());
    }

    [Fact]
    public async Task Anonymised_workbooks_name_no_respondent_and_readers_only_get_anonymised_ones_without_comments()
    {
        var (owner, organisationId, roundId, _, _) = await NorthwindAsync();
        using var ownerApi = await factory.CreateApiClientAsync(owner.Id);
        var viewer = await factory.CreateMemberAsync(organisationId, OrganisationRole.Viewer);
        using var viewerApi = await factory.CreateApiClientAsync(viewer.Id);

        using var anonymised = Open(await ownerApi.DownloadAsync(EngagementUrl(roundId, anonymise: true)));
        using var response = await viewerApi.GetAsync(EngagementUrl(roundId));
        using var viewers = Open(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("northwind-retail-2026-baseline-engagement-anonymised.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        foreach (var workbook in new[] { anonymised, viewers })
        {
            var rows = Responses(workbook);
            Assert.Equal(["R01", "R02"], rows.Select(r => r.Cell(1).GetString()).Distinct());
            Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => c.GetString().Contains("Ada", StringComparison.Ordinal));
        }

        Assert.Contains(Responses(anonymised), r => r.Cell(8).GetString().Contains("anecdotes", StringComparison.Ordinal));
        Assert.All(Responses(viewers), r => Assert.True(r.Cell(8).IsEmpty()));
    }

    [Fact]
    public async Task The_questionnaire_workbook_is_blank_or_made_for_one_respondent_of_the_round()
    {
        var (owner, _, roundId, ada, _) = await NorthwindAsync();
        using var api = await factory.CreateApiClientAsync(owner.Id);

        using var response = await api.GetAsync(QuestionnaireUrl(roundId, ada));
        using var forAda = Open(await response.Content.ReadAsByteArrayAsync());
        using var blank = Open(await api.DownloadAsync(QuestionnaireUrl(roundId)));

        Assert.Equal("northwind-retail-2026-baseline-questionnaire-ada-lovelace.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains(forAda.Worksheet("Instructions").CellsUsed(), c => c.GetString() == "Respondent: Ada Lovelace");
        Assert.DoesNotContain(blank.Worksheet("Instructions").CellsUsed(), c => c.GetString().Contains("Ada", StringComparison.Ordinal));
        Assert.Equal(factory.Model.Dimensions.Sum(d => d.Questions.Count), QuestionRows(await api.DownloadAsync(QuestionnaireUrl(roundId))).Count);

        var elsewhere = await factory.CreateOrganisationWithRoundAsync();
        var stranger = (await factory.AddRespondentAsync(elsewhere.Owner.Id, elsewhere.Round.Id)).Respondent.Id;
        await (await api.GetAsync(QuestionnaireUrl(roundId, stranger))).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Workbook_downloads_through_the_api_check_the_callers_role()
    {
        var (owner, organisationId, roundId, _, _) = await NorthwindAsync();
        var respondentMember = await factory.CreateMemberAsync(organisationId, OrganisationRole.Respondent);
        var viewer = await factory.CreateMemberAsync(organisationId, OrganisationRole.Viewer);
        var contributor = await factory.CreateMemberAsync(organisationId, OrganisationRole.Contributor);
        var cxLead = await factory.CreateMemberAsync(organisationId, OrganisationRole.CxLead);
        var stranger = await factory.CreateOrganisationWithRoundAsync();
        using var respondentApi = await factory.CreateApiClientAsync(respondentMember.Id);
        using var viewerApi = await factory.CreateApiClientAsync(viewer.Id);
        using var contributorApi = await factory.CreateApiClientAsync(contributor.Id);
        using var cxLeadApi = await factory.CreateApiClientAsync(cxLead.Id);
        using var strangerApi = await factory.CreateApiClientAsync(stranger.Owner.Id);

        await (await strangerApi.GetAsync(EngagementUrl(roundId))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await strangerApi.GetAsync(QuestionnaireUrl(roundId))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await respondentApi.GetAsync(EngagementUrl(roundId))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await respondentApi.GetAsync(QuestionnaireUrl(roundId))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await viewerApi.GetAsync(QuestionnaireUrl(roundId))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await contributorApi.GetAsync(QuestionnaireUrl(roundId))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await viewerApi.DownloadAsync(EngagementUrl(roundId));
        await contributorApi.DownloadAsync(EngagementUrl(roundId));
        await cxLeadApi.DownloadAsync(EngagementUrl(roundId));
        await cxLeadApi.DownloadAsync(QuestionnaireUrl(roundId));

        using var anonymous = factory.CreateAnonymousClient();
        await (await anonymous.GetAsync(EngagementUrl(roundId))).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync(QuestionnaireUrl(roundId))).ReadProblemAsync(HttpStatusCode.Unauthorized);

        var token = await factory.AccessTokens.CreateAsync(owner.Id, "revoked soon");
        using var revoked = factory.CreateClientWithToken(token.Token);
        await revoked.DownloadAsync(EngagementUrl(roundId));
        await factory.AccessTokens.RevokeAsync(owner.Id, token.View.Id);
        await (await revoked.GetAsync(EngagementUrl(roundId))).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_browser_downloads_with_its_sign_in_cookie_and_the_same_checks()
    {
        var (owner, organisationId, roundId, _, _) = await NorthwindAsync();
        var respondentMember = await factory.CreateMemberAsync(organisationId, OrganisationRole.Respondent);
        var stranger = await factory.CreateOrganisationWithRoundAsync();
        using var browser = factory.CreateAnonymousClient();
        var path = $"/downloads/rounds/{roundId}/workbook.xlsx";

        async Task<HttpResponseMessage> GetAsync(string url, string? cookie)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }

            return await browser.SendAsync(request);
        }

        var ownerCookie = await factory.SignInCookieAsync(owner.Id);
        using var download = await GetAsync(path, ownerCookie);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("northwind-retail-2026-baseline-engagement.xlsx", download.Content.Headers.ContentDisposition?.FileName);
        using (var workbook = Open(await download.Content.ReadAsByteArrayAsync()))
        {
            Assert.Contains(Responses(workbook), r => r.Cell(1).GetString() == "Ada Lovelace");
        }

        using var questionnaire = await GetAsync($"/downloads/rounds/{roundId}/questionnaire.xlsx", ownerCookie);
        Assert.Equal(HttpStatusCode.OK, questionnaire.StatusCode);
        Assert.Equal(CxMaturity.Web.Features.Workbooks.WorkbookFile.ContentType, questionnaire.Content.Headers.ContentType?.MediaType);

        using var anonymous = await GetAsync(path, null);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location?.PathAndQuery);

        using var notTheirs = await GetAsync(path, await factory.SignInCookieAsync(stranger.Owner.Id));
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.NotEqual(CxMaturity.Web.Features.Workbooks.WorkbookFile.ContentType, notTheirs.Content.Headers.ContentType?.MediaType);

        using var respondent = await GetAsync(path, await factory.SignInCookieAsync(respondentMember.Id));
        Assert.Equal(HttpStatusCode.Forbidden, respondent.StatusCode);
        Assert.Contains("does not allow this", await respondent.Content.ReadAsStringAsync());

        // The browser path takes no access token; the API takes no cookie.
        using var tokenOnly = factory.CreateClientWithToken(await factory.CreateAccessTokenAsync(owner.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await tokenOnly.GetAsync(path)).StatusCode);
        using var cookieOnApi = await GetAsync(EngagementUrl(roundId), ownerCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, cookieOnApi.StatusCode);
    }
}
