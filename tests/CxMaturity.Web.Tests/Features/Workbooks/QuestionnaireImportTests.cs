using System.Net;
using System.Text.Json;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Workbooks;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CxMaturity.Web.Tests.Features.Workbooks.WorkbookTestFiles;

namespace CxMaturity.Web.Tests.Features.Workbooks;

/// <summary>The offline questionnaire round trip through the API: export, fill, import; and every refusal changing nothing.</summary>
public sealed class QuestionnaireImportTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    private MaturityModel Model => factory.Model;

    private List<Question> AllQuestions => [.. Model.Dimensions.OrderBy(d => d.Order).SelectMany(d => d.Questions)];

    /// <summary>
    /// A varied questionnaire: every seventh question Not applicable, every fifth left empty, the rest spread over
    /// the five levels with <paramref name="shift"/>; comments on some, one starting like a formula.
    /// </summary>
    private Dictionary<string, Typed> Answers(int shift)
    {
        var answers = new Dictionary<string, Typed>(StringComparer.Ordinal);
        var questions = AllQuestions;
        for (var i = 0; i < questions.Count; i++)
        {
            if (i % 5 == 4)
            {
                continue;
            }

            var level = i % 7 == 6 ? (int?)null : ((i * 3) + shift) % 5 + 1;
            var comment = i % 4 == 0 ? $"Comment {i} from shift {shift}" : i == 9 ? "=not a formula, just text" : null;
            answers[questions[i].Id] = new Typed(level, comment);
        }

        return answers;
    }

    private static List<AnswerDto> AsApiAnswers(Dictionary<string, Typed> answers) =>
        [.. answers.Select(a => new AnswerDto(a.Key, a.Value.Level, a.Value.Comment))];

    [Fact]
    public async Task Imported_workbooks_give_the_same_results_as_a_twin_round_answered_through_the_api()
    {
        var org = await factory.CreateOrganisationWithRoundAsync();
        var owner = org.Owner.Id;
        using var api = await factory.CreateApiClientAsync(owner);
        var twin = await factory.CreateRoundAsync(owner, org.OrganisationId, "Twin entered through the API");
        var imported = await factory.CreateRoundAsync(owner, org.OrganisationId, "Answers collected offline");
        var ada = Answers(shift: 0);
        var ben = Answers(shift: 3);

        var twinAda = await factory.AddRespondentAsync(owner, twin.Id, "Executive", "Ada");
        var twinBen = await factory.AddRespondentAsync(owner, twin.Id, "Frontline", "Ben");
        (await api.PutAnswersAsync(twin.Id, twinAda.Respondent.Id, AsApiAnswers(ada), submit: true)).EnsureSuccessStatusCode();
        (await api.PutAnswersAsync(twin.Id, twinBen.Respondent.Id, AsApiAnswers(ben), submit: true)).EnsureSuccessStatusCode();

        // Ada gets a workbook made for her; Ben fills a blank one and is added to the round by the import.
        var adaInRound = await factory.AddRespondentAsync(owner, imported.Id, "Executive", "Ada");
        var adaWorkbook = Fill(await api.DownloadAsync(QuestionnaireUrl(imported.Id, adaInRound.Respondent.Id)), Model, ada);
        var adaSummary = await (await api.ImportAsync(imported.Id, adaWorkbook)).ReadAsync<QuestionnaireImportSummary>();
        var benWorkbook = Fill(await api.DownloadAsync(QuestionnaireUrl(imported.Id)), Model, ben);
        var benSummary = await (await api.ImportAsync(imported.Id, benWorkbook, fields: new Dictionary<string, string>
        {
            ["name"] = "Ben",
            ["email"] = "ben@northwind.example",
            ["group"] = "Frontline",
        })).ReadAsync<QuestionnaireImportSummary>();

        var empty = AllQuestions.Count - ada.Count;
        Assert.Equal(
            new QuestionnaireImportSummary(adaInRound.Respondent.Id, "Ada", "Executive", false, ada.Values.Count(a => a.Level is not null),
                ada.Values.Count(a => a.Level is null), empty, AllQuestions.Count, true, false, adaSummary.ImportedUtc),
            adaSummary);
        Assert.True(benSummary.NewRespondent);
        Assert.Equal(("Ben", "Frontline", true), (benSummary.RespondentName, benSummary.Group, benSummary.Submitted));

        var expected = (await factory.Results.GetResultsAsync(owner, twin.Id)).Result;
        var actual = (await factory.Results.GetResultsAsync(owner, imported.Id)).Result;
        Assert.Equal(2, actual.RespondentsCounted);
        Assert.NotNull(actual.Overall);
        Assert.Equal(Figures(expected), Figures(actual));

        var saved = await factory.Questionnaires.GetAsync(RespondentRef.Member(owner, imported.Id, adaInRound.Respondent.Id));
        Assert.Equal(ada.Count, saved.Answers.Count);
        Assert.All(ada, a => Assert.Equal((a.Value.Level, a.Value.Comment), (saved.Answers[a.Key].Level, saved.Answers[a.Key].Comment)));
        Assert.Equal(RespondentStatus.Submitted, saved.Status);
    }

    // Every figure of the results, with the respondents' ids (which differ between the rounds) left out.
    private static string Figures(RoundResult result) => JsonSerializer.Serialize(new
    {
        result.Overall,
        result.OverallStage,
        result.FoundationStage,
        result.Dimensions,
        result.Groups,
        result.PerceptionGaps,
        result.Questions,
        Scores = result.RespondentScores.Select(s => new { s.Group, s.DimensionId, s.Score }).OrderBy(s => s.Group).ThenBy(s => s.DimensionId),
        Completion = result.Completion.Select(c => new { c.Answered, c.Questions, c.Ratio }).OrderBy(c => c.Answered),
    });

    public static TheoryData<string> Refusals() =>
    [
        "tampered signature", "another round's workbook", "a value not in the list", "a macro-enabled name", "a renamed text file",
        "a .txt name", "a new respondent with a bad email", "a closed round", "over 10 MB", "a comment too long",
    ];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_import_reports_its_problem_and_changes_nothing(string refusal)
    {
        var org = await factory.CreateOrganisationWithRoundAsync();
        var owner = org.Owner.Id;
        var roundId = org.Round.Id;
        using var api = await factory.CreateApiClientAsync(owner);
        var respondent = (await factory.AddRespondentAsync(owner, roundId, "Management", "Cleo")).Respondent.Id;
        var questions = AllQuestions;
        (await api.PutAnswersAsync(roundId, respondent, [new AnswerDto(questions[0].Id, 2, "Saved online"), new AnswerDto(questions[1].Id, null)]))
            .EnsureSuccessStatusCode();
        var before = await SnapshotAsync(owner, roundId, respondent);
        var filled = Fill(await api.DownloadAsync(QuestionnaireUrl(roundId, respondent)), Model, Answers(shift: 1));
        var row = QuestionRows(filled)[questions[2].Id];

        (byte[] File, string Name, Dictionary<string, string>? Fields, string? Cell, string Message) attempt = refusal switch
        {
            "tampered signature" => (Edit(filled, d => SetText(d, "Metadata", "B8", Convert.ToBase64String(new byte[32]))), "answers.xlsx", null,
                "B8", "signature does not match"),
            "another round's workbook" => (await OtherRoundsWorkbookAsync(api, owner, org.OrganisationId), "answers.xlsx", null,
                "B4", "not to round"),
            "a value not in the list" => (Edit(filled, d => SetText(d, Questions, $"D{row}", "Pretty good, I think")), "answers.xlsx", null,
                $"D{row}", "is not one of the answers offered"),
            "a macro-enabled name" => (filled, "answers.xlsm", null, null, "macro-enabled"),
            "a renamed text file" => ("Question,Answer\nstrategy.vision,3\n"u8.ToArray(), "answers.xlsx", null, null, "is not an Excel workbook"),
            "a .txt name" => (filled, "answers.txt", null, null, "only .xlsx files can be imported"),
            "a new respondent with a bad email" => (Fill(await api.DownloadAsync(QuestionnaireUrl(roundId)), Model, Answers(shift: 2)), "answers.xlsx",
                new Dictionary<string, string> { ["name"] = "Dan", ["email"] = "not an email", ["group"] = "Executive" }, null, "valid email"),
            "a closed round" => (filled, "answers.xlsx", null, null, "is closed"),
            "over 10 MB" => (new byte[11 * 1024 * 1024], "answers.xlsx", null, null, ""),
            "a comment too long" => (Edit(filled, d => SetText(d, Questions, $"E{row}", new string('x', 4001))), "answers.xlsx", null,
                null, $"The comment on question {questions[2].Id} has 4,001 characters; a comment can hold at most 4,000."),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
        };
        var (file, name, fields, expectedCell, expectedMessage) = attempt;
        if (refusal == "a closed round")
        {
            await factory.Rounds.CloseRoundAsync(owner, roundId);
            before = await SnapshotAsync(owner, roundId, respondent);
        }

        using var response = await api.ImportAsync(roundId, file, name, fields);

        if (refusal == "over 10 MB")
        {
            // The import endpoint accepts bodies up to 12 MB, so the importer's own 10 MB rule answers, with its sentence.
            var detail = Assert.Single((await response.ReadAsync<ImportProblemDocument>(HttpStatusCode.UnprocessableEntity)).Problems).Message;
            Assert.Contains("over 10 MB are refused", detail);
        }
        else
        {
            var problem = await response.ReadAsync<ImportProblemDocument>(HttpStatusCode.UnprocessableEntity);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(problem.Problems, p => p.Cell == expectedCell && p.Message.Contains(expectedMessage, StringComparison.Ordinal));
            Assert.Contains(expectedMessage, problem.Detail + string.Join(" ", problem.Problems.Select(p => p.Message)));
            Assert.False(problem.ConfirmationRequired);
        }

        Assert.Equal(before, await SnapshotAsync(owner, roundId, respondent));
    }

    private async Task<byte[]> OtherRoundsWorkbookAsync(HttpClient api, string owner, int organisationId)
    {
        var other = await factory.CreateRoundAsync(owner, organisationId, "Another round");
        return Fill(await api.DownloadAsync(QuestionnaireUrl(other.Id)), Model, Answers(shift: 4));
    }

    [Fact]
    public async Task Every_problem_of_a_workbook_is_reported_at_once_with_its_cell()
    {
        var org = await factory.CreateOrganisationWithRoundAsync();
        using var api = await factory.CreateApiClientAsync(org.Owner.Id);
        var respondent = (await factory.AddRespondentAsync(org.Owner.Id, org.Round.Id)).Respondent.Id;
        var filled = Fill(await api.DownloadAsync(QuestionnaireUrl(org.Round.Id, respondent)), Model, Answers(shift: 0));
        var rows = QuestionRows(filled);
        var (first, second) = (rows[AllQuestions[0].Id], rows[AllQuestions[4].Id]);
        var broken = Edit(filled, d =>
        {
            SetText(d, Questions, $"D{first}", "Maybe");
            SetText(d, Questions, $"E{second}", "A comment without an answer");
        });

        var problem = await (await api.ImportAsync(org.Round.Id, broken)).ReadAsync<ImportProblemDocument>(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([($"D{first}", "Questions"), ($"E{second}", "Questions")], problem.Problems.Select(p => (p.Cell, p.Sheet)));
        Assert.Contains("2 problems", problem.Detail);
        Assert.Empty((await factory.Questionnaires.GetAsync(RespondentRef.Member(org.Owner.Id, org.Round.Id, respondent))).Answers);
    }

    [Fact]
    public async Task A_submitted_questionnaire_is_overwritten_only_when_the_importer_confirms()
    {
        var org = await factory.CreateOrganisationWithRoundAsync();
        var owner = org.Owner.Id;
        using var api = await factory.CreateApiClientAsync(owner);
        var respondent = (await factory.AddRespondentAsync(owner, org.Round.Id, "Executive", "Eve")).Respondent.Id;
        await factory.AnswerAllAsync(owner, org.Round.Id, respondent, _ => 1);
        var before = await SnapshotAsync(owner, org.Round.Id, respondent);
        var workbook = Fill(await api.DownloadAsync(QuestionnaireUrl(org.Round.Id, respondent)), Model, Answers(shift: 2));

        var refused = await (await api.ImportAsync(org.Round.Id, workbook)).ReadAsync<ImportProblemDocument>(HttpStatusCode.UnprocessableEntity);

        Assert.True(refused.ConfirmationRequired);
        var problem = Assert.Single(refused.Problems);
        Assert.Matches(@"^Eve already submitted on \d{1,2} \w+ \d{4} at \d\d:\d\d UTC — confirm to overwrite", problem.Message);
        Assert.Equal(before, await SnapshotAsync(owner, org.Round.Id, respondent));

        var summary = await (await api.ImportAsync(org.Round.Id, workbook, fields: new Dictionary<string, string> { ["confirmOverwrite"] = "true" }))
            .ReadAsync<QuestionnaireImportSummary>();

        Assert.True(summary.OverwroteSubmission);
        Assert.True(summary.Submitted);
        var saved = await factory.Questionnaires.GetAsync(RespondentRef.Member(owner, org.Round.Id, respondent));
        var expected = Answers(shift: 2);
        Assert.Equal(expected.Count, saved.Answers.Count);
        Assert.All(expected, a => Assert.Equal(a.Value.Level, saved.Answers[a.Key].Level));
    }

    [Fact]
    public async Task An_import_replaces_the_answers_clears_evidence_keeps_importance_and_without_submit_reopens_the_questionnaire()
    {
        var org = await factory.CreateOrganisationWithRoundAsync();
        var owner = org.Owner.Id;
        using var api = await factory.CreateApiClientAsync(owner);
        var respondent = (await factory.AddRespondentAsync(owner, org.Round.Id, "Executive", "Ivo")).Respondent.Id;
        var first = Model.Dimensions[0];
        await factory.Questionnaires.SaveAsync(RespondentRef.Member(owner, org.Round.Id, respondent), new(
            [.. Model.AllQuestions.Select(q => new AnswerInput(q.Id, 1, null, "https://evidence.example/" + q.Id))],
            Submit: true,
            Importance: new Dictionary<string, int?> { [first.Id] = 5 }));
        var workbook = Fill(await api.DownloadAsync(QuestionnaireUrl(org.Round.Id, respondent)), Model, Answers(shift: 2));

        var summary = await (await api.ImportAsync(org.Round.Id, workbook, fields: new Dictionary<string, string>
        {
            ["confirmOverwrite"] = "true",
            ["submit"] = "false",
        })).ReadAsync<QuestionnaireImportSummary>();

        var saved = await factory.Questionnaires.GetAsync(RespondentRef.Member(owner, org.Round.Id, respondent));
        var expected = Answers(shift: 2);
        Assert.True(summary.OverwroteSubmission);
        Assert.False(summary.Submitted);
        Assert.Equal(CxMaturity.Assessment.Scoring.RespondentStatus.InProgress, (await factory.Rounds.GetRoundAsync(owner, org.Round.Id)).Respondents!.Single(r => r.Id == respondent).Status);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), saved.Answers.Keys.Order(StringComparer.Ordinal)); // replaced, not merged
        Assert.All(saved.Answers.Values, a => Assert.Null(a.Evidence));
        Assert.Equal(5, saved.Importance[first.Id]);
    }

    [Fact]
    public async Task A_blank_workbook_needs_a_respondent_and_imports_into_the_one_chosen()
    {
        var org = await factory.CreateOrganisationWithRoundAsync();
        var owner = org.Owner.Id;
        using var api = await factory.CreateApiClientAsync(owner);
        var chosen = (await factory.AddRespondentAsync(owner, org.Round.Id, "Frontline", "Fay")).Respondent.Id;
        var blank = Fill(await api.DownloadAsync(QuestionnaireUrl(org.Round.Id)), Model, Answers(shift: 1));

        var unnamed = await (await api.ImportAsync(org.Round.Id, blank)).ReadAsync<ImportProblemDocument>(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("blank questionnaire workbook: choose the respondent", Assert.Single(unnamed.Problems).Message);

        var summary = await (await api.ImportAsync(org.Round.Id, blank, fields: new Dictionary<string, string>
        {
            ["respondentId"] = chosen.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["submit"] = "false",
        })).ReadAsync<QuestionnaireImportSummary>();

        Assert.Equal((chosen, "Fay", false, false), (summary.RespondentId, summary.RespondentName, summary.NewRespondent, summary.Submitted));
        var saved = await factory.Questionnaires.GetAsync(RespondentRef.Member(owner, org.Round.Id, chosen));
        Assert.Equal(RespondentStatus.InProgress, saved.Status);
        Assert.Equal(Answers(shift: 1).Count, saved.Answers.Count);
    }

    [Fact]
    public async Task A_workbook_made_for_one_respondent_cannot_be_imported_for_another()
    {
        var org = await factory.CreateOrganisationWithRoundAsync();
        var owner = org.Owner.Id;
        using var api = await factory.CreateApiClientAsync(owner);
        var gil = (await factory.AddRespondentAsync(owner, org.Round.Id, "Executive", "Gil")).Respondent.Id;
        var hal = (await factory.AddRespondentAsync(owner, org.Round.Id, "Executive", "Hal")).Respondent.Id;
        var gilsWorkbook = Fill(await api.DownloadAsync(QuestionnaireUrl(org.Round.Id, gil)), Model, Answers(shift: 0));

        var problem = await (await api.ImportAsync(org.Round.Id, gilsWorkbook, fields: new Dictionary<string, string>
        {
            ["respondentId"] = hal.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).ReadAsync<ImportProblemDocument>(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("made for Gil", Assert.Single(problem.Problems).Message);
        Assert.Empty((await factory.Questionnaires.GetAsync(RespondentRef.Member(owner, org.Round.Id, hal))).Answers);
        Assert.Empty((await factory.Questionnaires.GetAsync(RespondentRef.Member(owner, org.Round.Id, gil))).Answers);
    }

    [Fact]
    public async Task Only_the_owner_and_cx_leads_import_and_another_organisations_round_is_not_found()
    {
        var org = await factory.CreateOrganisationWithRoundAsync();
        using var ownerApi = await factory.CreateApiClientAsync(org.Owner.Id);
        var respondent = (await factory.AddRespondentAsync(org.Owner.Id, org.Round.Id)).Respondent.Id;
        var workbook = Fill(await ownerApi.DownloadAsync(QuestionnaireUrl(org.Round.Id, respondent)), Model, Answers(shift: 0));
        var contributor = await factory.CreateMemberAsync(org.OrganisationId, OrganisationRole.Contributor);
        var stranger = await factory.CreateOrganisationWithRoundAsync();
        using var contributorApi = await factory.CreateApiClientAsync(contributor.Id);
        using var strangerApi = await factory.CreateApiClientAsync(stranger.Owner.Id);

        await (await contributorApi.ImportAsync(org.Round.Id, workbook)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await strangerApi.ImportAsync(org.Round.Id, workbook)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await factory.CreateAnonymousClient().ImportAsync(org.Round.Id, workbook)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty((await factory.Questionnaires.GetAsync(RespondentRef.Member(org.Owner.Id, org.Round.Id, respondent))).Answers);

        var cxLead = await factory.CreateMemberAsync(org.OrganisationId, OrganisationRole.CxLead);
        using var cxLeadApi = await factory.CreateApiClientAsync(cxLead.Id);
        (await cxLeadApi.ImportAsync(org.Round.Id, workbook)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_import_request_without_a_file_says_which_field_to_send()
    {
        var org = await factory.CreateOrganisationWithRoundAsync();
        using var api = await factory.CreateApiClientAsync(org.Owner.Id);
        using var form = new MultipartFormDataContent { { new StringContent("1"), "respondentId" } };

        var problem = await (await api.PostAsync(ImportUrl(org.Round.Id), form)).ReadAsync<ImportProblemDocument>(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("form field \"file\"", Assert.Single(problem.Problems).Message);
    }

    /// <summary>Everything an import could change: the respondent's answers and status, and who is in the round.</summary>
    private async Task<string> SnapshotAsync(string ownerId, int roundId, int respondentId)
    {
        var questionnaire = await factory.Questionnaires.GetAsync(RespondentRef.Member(ownerId, roundId, respondentId));
        var round = await factory.Rounds.GetRoundAsync(ownerId, roundId);
        var answers = await factory.WithDbAsync(db => db.Answers.AsNoTracking()
            .Where(a => a.RespondentId == respondentId)
            .OrderBy(a => a.QuestionId)
            .Select(a => new { a.QuestionId, a.Level, a.Comment, a.UpdatedUtc })
            .ToListAsync());
        // Every respondent row as stored: any write to one gives it a new version.
        var stored = await factory.WithDbAsync(db => db.Respondents.AsNoTracking()
            .Where(r => r.RoundId == roundId)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Version })
            .ToListAsync());
        return JsonSerializer.Serialize(new
        {
            Respondent = questionnaire.Status,
            answers,
            Round = round.Status,
            Respondents = round.Respondents!.Select(r => new { r.Id, r.Name, r.Status, r.Answered }),
            stored,
        });
    }
}
