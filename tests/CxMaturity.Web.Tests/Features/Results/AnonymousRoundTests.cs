using System.Net;
using ClosedXML.Excel;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Results;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Tests.Features.Workbooks;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Results;

/// <summary>
/// An anonymous round shows nobody's name beside their answers, to anyone, Owners included: the drill-down and the
/// workbook use R01, R02 …, small groups are not named, and nobody reads another's answers through the API.
/// </summary>
public sealed class AnonymousRoundTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    private static readonly string[] People = ["Ada Lovelace", "Ben Okri", "Cy Twombly"];

    [Fact]
    public async Task The_drill_down_labels_respondents_R01_onwards_and_names_only_groups_of_at_least_k()
    {
        var (owner, roundId, _) = await AnonymousRoundAsync();

        var sheets = await factory.Results.GetAnswerSheetsAsync(owner.Id, roundId);

        // Added in the order Ada (Executive), Ben (Executive), Cy (Frontline); k = 2, so Frontline (1) is not named.
        Assert.Equal(
            [(1, "R01", "Executive"), (2, "R02", "Executive"), (3, "R03", ResultsService.WithheldGroup(2))],
            sheets.Select(s => (s.RespondentId, s.Name, s.Group)));
        Assert.Equal("a group of fewer than 2", ResultsService.WithheldGroup(2));
        Assert.All(sheets, s => Assert.Equal(factory.Model.AllQuestions.Count(), s.Answers.Count));
    }

    [Fact]
    public async Task The_owner_s_workbook_is_anonymised_even_unasked()
    {
        var (owner, roundId, _) = await AnonymousRoundAsync();
        using var api = await factory.CreateApiClientAsync(owner.Id);

        using var response = await api.GetAsync(WorkbookTestFiles.EngagementUrl(roundId));
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        Assert.EndsWith("-engagement-anonymised.xlsx", response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var names = workbook.Worksheet("Responses").Table("tblResponses").DataRange.Rows().Select(r => r.Cell(1).GetString()).Distinct();
        Assert.Equal(["R01", "R02", "R03"], names);
        var round = await factory.Rounds.GetRoundAsync(owner.Id, roundId);
        var who = round.Respondents!.SelectMany(r => new[] { r.Name, r.Email }).ToList();
        Assert.Equal(6, who.Count);
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => who.Any(w => c.GetString().Contains(w, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Nobody_reads_another_respondent_s_answers_but_each_reads_their_own()
    {
        var (owner, roundId, respondents) = await AnonymousRoundAsync();
        using var ownerApi = await factory.CreateApiClientAsync(owner.Id);
        using var adaApi = await factory.CreateApiClientAsync(respondents[0].User.Id);

        var refused = await (await ownerApi.GetAsync(ApiTestExtensions.AnswersUrl(roundId, respondents[0].RespondentId)))
            .ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("This round is anonymous: nobody sees another person's answers beside who they are. Its results show the figures.", refused.Detail);
        Assert.Equal(HttpStatusCode.OK, (await adaApi.GetAsync(ApiTestExtensions.AnswersUrl(roundId, respondents[0].RespondentId))).StatusCode);
    }

    private async Task<(TestUser Owner, int RoundId, List<(TestUser User, int RespondentId)> Respondents)> AnonymousRoundAsync()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var round = await factory.Rounds.CreateRoundAsync(owner.Id, organisationId,
            new CreateRoundRequest(CxWebApplicationFactory.ModelId, "Anonymous", MinimumGroupSize: 2, Anonymous: true));
        var respondents = new List<(TestUser, int)>();
        foreach (var (name, group) in People.Zip(["Executive", "Executive", "Frontline"]))
        {
            var user = await factory.CreateMemberAsync(organisationId, OrganisationRole.Respondent);
            var added = await factory.AddRespondentAsync(owner.Id, round.Id, group, name, user.Email);
            await factory.Questionnaires.SaveAsync(
                RespondentRef.Member(user.Id, round.Id, added.Respondent.Id),
                new SaveAnswersRequest([.. factory.Model.AllQuestions.Select(q => new AnswerInput(q.Id, 3, "we do this well"))], Submit: true));
            respondents.Add((user, added.Respondent.Id));
        }

        return (owner, round.Id, respondents);
    }
}
