using System.Net;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Results;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Features.Api;

/// <summary>
/// Every endpoint checks the caller's role in the organisation that owns the data: another
/// organisation's round is not found, whatever the id; a role too low is forbidden.
/// </summary>
public sealed class ApiAuthorizationTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task The_owner_of_organisation_A_gets_404_on_every_endpoint_of_organisation_Bs_round_and_changes_nothing()
    {
        var b = await ArrangeSubmittedRoundAsync();
        var a = await factory.CreateOrganisationWithRoundAsync();
        using var intruder = await factory.CreateApiClientAsync(a.Owner.Id);
        var before = await SnapshotAsync(b);
        var round = $"/api/v1/assessments/{b.Round.Id}";

        var responses = new[]
        {
            await intruder.GetAsync($"/api/v1/organisations/{b.OrganisationId}"),
            await intruder.PostJsonAsync($"/api/v1/organisations/{b.OrganisationId}/assessments", new CreateRoundRequest(CxWebApplicationFactory.ModelId, "Mine now")),
            await intruder.GetAsync(round),
            await intruder.PutTargetsAsync($"{round}/targets", new Dictionary<string, int> { ["strategy"] = 5 }),
            await intruder.PostJsonAsync($"{round}/respondents", new AddRespondentDto("Mallory", "mallory@test.local", "Executive")),
            await intruder.GetAsync(ApiTestExtensions.AnswersUrl(b.Round.Id, b.RespondentId)),
            await intruder.PutAnswersAsync(b.Round.Id, b.InProgressRespondentId, [new AnswerDto("strategy.vision", 1)], submit: true),
            await intruder.GetAsync($"{round}/results"),
            await intruder.GetAsync($"{round}/results?preview=true"),
        };

        foreach (var response in responses)
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain(b.Owner.Email, problem.Detail);
        }

        Assert.Equal(before, await SnapshotAsync(b));
    }

    [Fact]
    public async Task A_site_administrator_has_no_implicit_access_to_an_organisations_round()
    {
        var b = await ArrangeSubmittedRoundAsync();
        var administrator = await factory.CreateAdministratorAsync();

        using var client = await factory.CreateApiClientAsync(administrator.Id);

        await (await client.GetAsync($"/api/v1/assessments/{b.Round.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/assessments/{b.Round.Id}/results")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(ApiTestExtensions.AnswersUrl(b.Round.Id, b.RespondentId))).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Answers_for_a_respondent_of_another_round_are_404_even_in_a_round_the_caller_manages_and_nothing_is_saved()
    {
        var b = await ArrangeSubmittedRoundAsync();
        var a = await factory.CreateOrganisationWithRoundAsync();
        using var client = await factory.CreateApiClientAsync(a.Owner.Id);
        var before = await SnapshotAsync(b);

        await (await client.PutAnswersAsync(a.Round.Id, b.InProgressRespondentId, [new AnswerDto("strategy.vision", 1)], submit: true))
            .ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, await SnapshotAsync(b));
    }

    [Fact]
    public async Task A_viewer_reads_the_round_and_its_results_but_cannot_change_or_preview_anything()
    {
        var b = await ArrangeSubmittedRoundAsync();
        var viewer = await factory.CreateMemberAsync(b.OrganisationId, OrganisationRole.Viewer);
        using var client = await factory.CreateApiClientAsync(viewer.Id);
        var round = $"/api/v1/assessments/{b.Round.Id}";
        var before = await SnapshotAsync(b);

        var read = await (await client.GetAsync(round)).ReadAsync<RoundView>();
        Assert.Null(read.Respondents); // names and emails are for Owner and CX lead
        Assert.Equal(1, read.RespondentCounts.Submitted);
        Assert.Equal(1, (await (await client.GetAsync($"{round}/results")).ReadAsync<ResultsDto>()).RespondentsCounted);

        await (await client.PutTargetsAsync($"{round}/targets", new Dictionary<string, int> { ["strategy"] = 5 })).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync($"{round}/respondents", new AddRespondentDto("Eve", "eve@test.local", "Executive"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"{round}/results?preview=true")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PutAnswersAsync(b.Round.Id, b.InProgressRespondentId, [new AnswerDto("strategy.vision", 1)])).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync(ApiTestExtensions.AnswersUrl(b.Round.Id, b.RespondentId))).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync($"/api/v1/organisations/{b.OrganisationId}/assessments", new CreateRoundRequest(CxWebApplicationFactory.ModelId, "Viewer's"))).ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, await SnapshotAsync(b));
    }

    [Fact]
    public async Task A_cx_lead_manages_targets_and_respondents_and_previews_results()
    {
        var b = await ArrangeSubmittedRoundAsync();
        var lead = await factory.CreateMemberAsync(b.OrganisationId, OrganisationRole.CxLead);
        using var client = await factory.CreateApiClientAsync(lead.Id);
        var round = $"/api/v1/assessments/{b.Round.Id}";

        Assert.Equal(HttpStatusCode.OK, (await client.PutTargetsAsync($"{round}/targets", new Dictionary<string, int> { ["strategy"] = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"{round}/respondents", new AddRespondentDto("Ada", "ada@test.local", "Management"))).StatusCode);
        Assert.True((await (await client.GetAsync($"{round}/results?preview=true")).ReadAsync<ResultsDto>()).IsPreview);
    }

    [Fact]
    public async Task A_respondent_answers_only_their_own_questionnaire_and_sees_results_only_when_shared_after_closing()
    {
        var b = await ArrangeSubmittedRoundAsync();
        var member = await factory.CreateMemberAsync(b.OrganisationId, OrganisationRole.Respondent);
        var own = (await factory.AddRespondentAsync(b.Owner.Id, b.Round.Id, "Frontline", email: member.Email)).Respondent.Id;
        using var client = await factory.CreateApiClientAsync(member.Id);
        var results = $"/api/v1/assessments/{b.Round.Id}/results";

        var progress = await (await client.PutAnswersAsync(b.Round.Id, own, [new AnswerDto("strategy.vision", 2)], submit: true)).ReadAsync<RespondentProgressView>();
        Assert.Equal(RespondentStatus.Submitted, progress.Status);
        await (await client.PutAnswersAsync(b.Round.Id, b.InProgressRespondentId, [new AnswerDto("strategy.vision", 1)])).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync(results)).ReadProblemAsync(HttpStatusCode.Forbidden);

        var round = await factory.Rounds.GetRoundAsync(b.Owner.Id, b.Round.Id);
        await factory.Rounds.UpdateRoundAsync(b.Owner.Id, b.Round.Id, new UpdateRoundRequest(round.Settings with { RespondentsSeeResults = true }, round.Version));
        await (await client.GetAsync(results)).ReadProblemAsync(HttpStatusCode.Forbidden); // shared, but not closed yet
        await factory.Rounds.CloseRoundAsync(b.Owner.Id, b.Round.Id);

        var shared = await (await client.GetAsync(results)).ReadAsync<ResultsDto>();
        Assert.Equal(2, shared.RespondentsCounted);
        await (await client.GetAsync($"{results}?preview=true")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>Organisation B: a round with one submitted respondent (all 3s) and one in progress (one answer).</summary>
    private async Task<ArrangedRound> ArrangeSubmittedRoundAsync()
    {
        var b = await factory.CreateOrganisationWithRoundAsync();
        var submitted = await factory.AddRespondentAsync(b.Owner.Id, b.Round.Id);
        await factory.AnswerAllAsync(b.Owner.Id, b.Round.Id, submitted.Respondent.Id, _ => 3);
        var inProgress = await factory.AddRespondentAsync(b.Owner.Id, b.Round.Id, "Frontline");
        await factory.Questionnaires.SaveAsync(RespondentRef.Member(b.Owner.Id, b.Round.Id, inProgress.Respondent.Id), new SaveAnswersRequest([new AnswerInput("strategy.vision", 2)]));
        await factory.Roadmaps.SetTargetsAsync(b.Owner.Id, b.Round.Id, new Dictionary<string, int> { ["strategy"] = 4 });
        return new ArrangedRound(b.Owner, b.OrganisationId, b.Round, submitted.Respondent.Id, inProgress.Respondent.Id);
    }

    /// <summary>Everything of B's round an intruder could have changed, as B's owner reads it.</summary>
    private async Task<string> SnapshotAsync(ArrangedRound b)
    {
        var round = await factory.Rounds.GetRoundAsync(b.Owner.Id, b.Round.Id);
        var organisation = await factory.Organisations.GetAsync(b.Owner.Id, b.OrganisationId);
        var answers = await factory.WithDbAsync(db => Task.FromResult(db.Answers
            .Where(a => db.Respondents.Any(r => r.Id == a.RespondentId && r.RoundId == b.Round.Id))
            .OrderBy(a => a.Id)
            .Select(a => $"{a.RespondentId}:{a.QuestionId}={a.Level}")
            .ToList()));
        // Every respondent row as stored: any write to one gives it a new version.
        var respondents = await factory.WithDbAsync(db => Task.FromResult(db.Respondents
            .Where(r => r.RoundId == b.Round.Id)
            .OrderBy(r => r.Id)
            .Select(r => $"{r.Id}:{r.Email}:{r.Status}:{r.Version}")
            .ToList()));
        return string.Join(
            "|",
            round.Name,
            round.Status,
            round.Version,
            string.Join(",", round.Targets.Select(t => $"{t.DimensionId}={t.ExplicitStage}")),
            string.Join(",", round.Respondents!.Select(r => $"{r.Id}:{r.Email}:{r.Status}:{r.Answered}")),
            string.Join(",", respondents),
            string.Join(",", organisation.Rounds.Select(r => r.Id)),
            string.Join(",", answers));
    }

    private sealed record ArrangedRound(TestUser Owner, int OrganisationId, RoundView Round, int RespondentId, int InProgressRespondentId);
}
