using System.Net;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Features.Api;

/// <summary>
/// Invalid payloads get problem details that name the field at fault (400 for a body that is not well-formed JSON,
/// 413 for one too large, 422 for JSON that does not fit the endpoint and for values the domain refuses), and nothing
/// is saved.
/// </summary>
public sealed class ApiValidationTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task Unknown_question_level_0_and_level_7_are_each_named_and_nothing_of_the_request_is_saved()
    {
        var (client, roundId, respondentId) = await ArrangeAsync();

        var problem = await (await client.PutAnswersAsync(
                roundId,
                respondentId,
                [
                    new AnswerDto("strategy.vision", 3),
                    new AnswerDto("strategy.telepathy", 3),
                    new AnswerDto("strategy.budget", 0),
                    new AnswerDto("voc.text", 7),
                ],
                submit: true))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["answers[1].questionId", "answers[2].level", "answers[3].level"], problem.Errors!.Keys.Order());
        Assert.Contains("strategy.telepathy", problem.Errors["answers[1].questionId"][0]);
        Assert.Contains("7", problem.Errors["answers[3].level"][0]);
        await AssertNothingSavedAsync(client, roundId, respondentId);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_and_nothing_is_saved()
    {
        var (client, roundId, respondentId) = await ArrangeAsync();

        var problem = await (await client.SendRawAsync(
                HttpMethod.Put,
                ApiTestExtensions.AnswersUrl(roundId, respondentId),
                """{ "answers": [ { "questionId": "strategy.vision", "level": 3 }, ], "submit": tru """))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("JSON", problem.Detail);
        await AssertNothingSavedAsync(client, roundId, respondentId);
    }

    [Theory]
    [InlineData("\"high\"")]
    [InlineData("\"3\"")]
    [InlineData("true")]
    public async Task A_level_that_is_not_a_json_number_is_a_422_naming_the_field(string level)
    {
        var (client, roundId, respondentId) = await ArrangeAsync();

        var problem = await (await client.SendRawAsync(
                HttpMethod.Put,
                ApiTestExtensions.AnswersUrl(roundId, respondentId),
                $$"""{ "answers": [ { "questionId": "strategy.vision", "level": 3 }, { "questionId": "voc.text", "level": {{level}} } ] }"""))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("answers[1].level", Assert.Single(problem.Errors!.Keys));
        Assert.DoesNotContain("CxMaturity.", problem.Detail);
        await AssertNothingSavedAsync(client, roundId, respondentId);
    }

    [Fact]
    public async Task A_key_given_twice_is_a_422_naming_it_rather_than_the_last_one_winning()
    {
        var (client, roundId, respondentId) = await ArrangeAsync();

        var problem = await (await client.SendRawAsync(
                HttpMethod.Put,
                ApiTestExtensions.AnswersUrl(roundId, respondentId),
                """{ "answers": [ { "questionId": "strategy.vision", "level": 1, "level": 5 } ] }"""))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        var field = Assert.Single(problem.Errors!.Keys);
        Assert.StartsWith("answers[0]", field, StringComparison.Ordinal);
        Assert.Contains("level", problem.Detail, StringComparison.Ordinal);
        await AssertNothingSavedAsync(client, roundId, respondentId);
    }

    [Fact]
    public async Task An_answer_without_a_level_is_refused_rather_than_taken_as_not_applicable()
    {
        var (client, roundId, respondentId) = await ArrangeAsync();

        var problem = await (await client.SendRawAsync(
                HttpMethod.Put,
                ApiTestExtensions.AnswersUrl(roundId, respondentId),
                """{ "answers": [ { "questionId": "strategy.vision" } ] }"""))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("level", problem.Detail);
        await AssertNothingSavedAsync(client, roundId, respondentId);
    }

    [Fact]
    public async Task An_unknown_property_is_refused_by_name_so_a_misspelt_submit_cannot_pass_unnoticed()
    {
        var (client, roundId, respondentId) = await ArrangeAsync();

        var problem = await (await client.SendRawAsync(
                HttpMethod.Put,
                ApiTestExtensions.AnswersUrl(roundId, respondentId),
                """{ "answers": [ { "questionId": "strategy.vision", "level": 3 } ], "sumbit": true }"""))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("sumbit", problem.Detail);
        await AssertNothingSavedAsync(client, roundId, respondentId);
    }

    [Fact]
    public async Task A_body_that_is_not_json_at_all_is_a_415_problem()
    {
        var (client, roundId, respondentId) = await ArrangeAsync();

        await (await client.SendRawAsync(HttpMethod.Put, ApiTestExtensions.AnswersUrl(roundId, respondentId), "level=3", "text/plain"))
            .ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);

        await AssertNothingSavedAsync(client, roundId, respondentId);
    }

    [Fact]
    public async Task A_5_MB_body_is_a_413_problem_with_content_length()
    {
        var (client, roundId, respondentId) = await ArrangeAsync();
        var padding = new string(' ', 5 * 1024 * 1024);

        var problem = await (await client.SendRawAsync(
                HttpMethod.Put,
                ApiTestExtensions.AnswersUrl(roundId, respondentId),
                $$"""{ "answers": [ { "questionId": "strategy.vision", "level": 3 } ], "submit": true }{{padding}}"""))
            .ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("larger", problem.Detail);
        await AssertNothingSavedAsync(client, roundId, respondentId);
    }

    [Fact]
    public async Task A_5_MB_body_is_a_413_problem_without_content_length_too()
    {
        var seen = new ContentLengthRecorder();
        await using var recordingFactory = new CxWebApplicationFactory
        {
            ConfigureServices = services => services.AddSingleton<IStartupFilter>(seen),
        };
        var arranged = await recordingFactory.CreateOrganisationWithRoundAsync();
        var respondent = await recordingFactory.AddRespondentAsync(arranged.Owner.Id, arranged.Round.Id);
        // Without redirects: following them would buffer the body and announce its length after all.
        using var client = recordingFactory.CreateClientWithToken(await recordingFactory.CreateAccessTokenAsync(arranged.Owner.Id));
        var url = ApiTestExtensions.AnswersUrl(arranged.Round.Id, respondent.Respondent.Id);
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new UnannouncedLengthContent(5 * 1024 * 1024) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.True(seen.Saw(url), "The request did not reach the app.");
        Assert.Null(seen.ContentLengthOf(url));
        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingSavedAsync(client, arranged.Round.Id, respondent.Respondent.Id);
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read()
    {
        var (client, roundId, respondentId) = await ArrangeAsync();
        var json = """{ "answers": [ { "questionId": "strategy.vision", "level": 3 } ] }""";
        var padded = json + new string(' ', (1024 * 1024) - json.Length);

        var progress = await (await client.SendRawAsync(HttpMethod.Put, ApiTestExtensions.AnswersUrl(roundId, respondentId), padded))
            .ReadAsync<RespondentProgressView>();

        Assert.Equal(1, progress.Answered);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem_not_the_sites_html_page()
    {
        var (client, _, _) = await ArrangeAsync();

        var problem = await (await client.GetAsync("/api/v1/nothing-here")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("/api/v1/nothing-here", problem.Detail);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var (client, roundId, _) = await ArrangeAsync();

        await (await client.DeleteAsync($"/api/v1/assessments/{roundId}/results")).ReadProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    private async Task<(HttpClient Client, int RoundId, int RespondentId)> ArrangeAsync()
    {
        var arranged = await factory.CreateOrganisationWithRoundAsync();
        var respondent = await factory.AddRespondentAsync(arranged.Owner.Id, arranged.Round.Id);
        return (await factory.CreateApiClientAsync(arranged.Owner.Id), arranged.Round.Id, respondent.Respondent.Id);
    }

    private static async Task AssertNothingSavedAsync(HttpClient client, int roundId, int respondentId)
    {
        var saved = await (await client.GetAsync(ApiTestExtensions.AnswersUrl(roundId, respondentId))).ReadAsync<AnswersDto>();
        Assert.Empty(saved.Answers);
        Assert.Empty(saved.Importance);
        Assert.Equal(RespondentStatus.Invited, saved.Status);
    }
}

/// <summary>Notes the Content-Length each request arrived with, before the app's own middleware sees it.</summary>
internal sealed class ContentLengthRecorder : IStartupFilter
{
    private readonly Dictionary<string, long?> _seen = [];

    public bool Saw(string path)
    {
        lock (_seen)
        {
            return _seen.ContainsKey(path);
        }
    }

    public long? ContentLengthOf(string path)
    {
        lock (_seen)
        {
            return _seen[path];
        }
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            lock (_seen)
            {
                _seen[context.Request.Path.Value ?? ""] = context.Request.ContentLength;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
