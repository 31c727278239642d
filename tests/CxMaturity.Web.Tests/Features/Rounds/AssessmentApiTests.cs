using System.Net;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Api;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Api;

/// <summary>The happy paths of the round endpoints: create, read, targets, respondents, answers.</summary>
public sealed class AssessmentApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task Creating_an_assessment_opens_a_round_on_the_latest_model_and_points_to_it()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        using var client = await factory.CreateApiClientAsync(owner.Id);

        var response = await client.PostJsonAsync(
            $"/api/v1/organisations/{organisationId}/assessments",
            new CreateAssessmentDto(CxWebApplicationFactory.ModelId, "Spring 2026", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));

        var created = await response.ReadAsync<AssessmentDto>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/assessments/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(RoundStatus.Open, created.Status);
        Assert.Equal(new ModelRefDto(factory.Model.Id, factory.Model.Version, factory.Model.Title), created.Model);
        Assert.Equal(factory.Model.Dimensions.Select(d => d.Id), created.DimensionsInScope);

        var round = await (await client.GetAsync(response.Headers.Location)).ReadAsync<AssessmentDto>();
        Assert.Equal(("Spring 2026", organisationId), (round.Name, round.OrganisationId));
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), (round.OpensOn!.Value, round.ClosesOn!.Value));
        Assert.Equal(OrganisationRole.Owner, round.YourRole);
        Assert.Empty(round.Respondents!);
        Assert.Equal(new RespondentCountsDto(0, 0, 0, 0), round.RespondentCounts);
        Assert.All(round.Targets, t => Assert.Equal((null, null, null), (t.ExplicitStage, t.CurrentStage, t.EffectiveStage)));
    }

    [Fact]
    public async Task An_assessment_on_an_unknown_model_or_closing_before_it_opens_is_refused_with_both_fields_named()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        using var client = await factory.CreateApiClientAsync(owner.Id);

        var problem = await (await client.PostJsonAsync(
                $"/api/v1/organisations/{organisationId}/assessments",
                new CreateAssessmentDto("no-such-model", "Spring", new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 1))))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["closesOn", "modelId"], problem.Errors!.Keys.Order());
        Assert.Empty((await factory.Organisations.GetAsync(owner.Id, organisationId)).Rounds);
    }

    [Fact]
    public async Task Targets_replace_the_explicit_ones_and_a_dimension_left_out_falls_back_to_the_default()
    {
        var arranged = await factory.CreateOrganisationWithRoundAsync();
        using var client = await factory.CreateApiClientAsync(arranged.Owner.Id);
        var url = $"/api/v1/assessments/{arranged.Round.Id}/targets";

        var first = await (await client.PutJsonAsync(url, new Dictionary<string, int> { ["strategy"] = 4, ["voc"] = 3 }))
            .ReadAsync<TargetsSavedDto>();
        Assert.Equal(4, first.Targets.Single(t => t.DimensionId == "strategy").EffectiveStage);
        Assert.Equal(3, first.Targets.Single(t => t.DimensionId == "voc").ExplicitStage);
        Assert.Equal((0, 0, 0), (first.Added.Count, first.Dropped.Count, first.Kept)); // nothing submitted: no roadmap yet

        var second = await (await client.PutJsonAsync(url, new Dictionary<string, int> { ["voc"] = 5 })).ReadAsync<TargetsSavedDto>();
        Assert.Null(second.Targets.Single(t => t.DimensionId == "strategy").ExplicitStage);

        var round = await (await client.GetAsync($"/api/v1/assessments/{arranged.Round.Id}")).ReadAsync<AssessmentDto>();
        Assert.Equal(
            [("voc", 5)],
            round.Targets.Where(t => t.ExplicitStage is not null).Select(t => (t.DimensionId, t.ExplicitStage!.Value)));
    }

    [Fact]
    public async Task A_target_outside_1_to_5_or_on_an_unknown_dimension_is_refused_by_dimension_and_nothing_changes()
    {
        var arranged = await factory.CreateOrganisationWithRoundAsync();
        using var client = await factory.CreateApiClientAsync(arranged.Owner.Id);
        var url = $"/api/v1/assessments/{arranged.Round.Id}/targets";
        await client.PutJsonAsync(url, new Dictionary<string, int> { ["voc"] = 3 });

        var problem = await (await client.PutJsonAsync(url, new Dictionary<string, int> { ["strategy"] = 6, ["nonsense"] = 2, ["voc"] = 4 }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["nonsense", "strategy"], problem.Errors!.Keys.Order());
        var round = await factory.Rounds.GetRoundAsync(arranged.Owner.Id, arranged.Round.Id);
        Assert.Equal([("voc", 3)], round.Targets.Where(t => t.ExplicitStage is not null).Select(t => (t.DimensionId, t.ExplicitStage!.Value)));
    }

    [Fact]
    public async Task Targets_sent_with_a_stale_If_Match_version_are_a_conflict()
    {
        var arranged = await factory.CreateOrganisationWithRoundAsync();
        using var client = await factory.CreateApiClientAsync(arranged.Owner.Id);
        var url = $"/api/v1/assessments/{arranged.Round.Id}/targets";
        var read = await (await client.GetAsync($"/api/v1/assessments/{arranged.Round.Id}")).ReadAsync<AssessmentDto>();
        await client.PutJsonAsync(url, new Dictionary<string, int> { ["voc"] = 3 }); // someone else's change

        using var request = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = System.Net.Http.Json.JsonContent.Create(new Dictionary<string, int> { ["voc"] = 5 }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{read.Version}\"");
        var problem = await (await client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("Reload", problem.Detail);
        var round = await factory.Rounds.GetRoundAsync(arranged.Owner.Id, arranged.Round.Id);
        Assert.Equal(3, round.Targets.Single(t => t.DimensionId == "voc").ExplicitStage);
    }

    [Fact]
    public async Task Adding_a_respondent_returns_201_with_a_working_invitation_link_shown_once()
    {
        var arranged = await factory.CreateOrganisationWithRoundAsync();
        using var client = await factory.CreateApiClientAsync(arranged.Owner.Id);

        var response = await client.PostJsonAsync(
            $"/api/v1/assessments/{arranged.Round.Id}/respondents",
            new AddRespondentDto("Grace Hopper", "grace@test.local", "frontline"));

        var created = await response.ReadAsync<RespondentCreatedDto>(HttpStatusCode.Created);
        Assert.Equal(("Grace Hopper", "grace@test.local", "Frontline"), (created.Respondent.Name, created.Respondent.Email, created.Respondent.Group));
        Assert.Equal(RespondentStatus.Invited, created.Respondent.Status);
        Assert.Equal(ApiTestExtensions.AnswersUrl(arranged.Round.Id, created.Respondent.Id), response.Headers.Location?.OriginalString);
        Assert.StartsWith("http://localhost/invitations/", created.InvitationLink, StringComparison.Ordinal);
        var secret = created.InvitationLink["http://localhost/invitations/".Length..];
        Assert.Equal(created.Respondent.Id, (await factory.Questionnaires.GetAsync(RespondentRef.Invitation(secret))).RespondentId);

        var round = await (await client.GetAsync($"/api/v1/assessments/{arranged.Round.Id}")).ReadAsync<AssessmentDto>();
        var listed = Assert.Single(round.Respondents!);
        Assert.Equal(created.Respondent.Id, listed.Id);
        Assert.DoesNotContain(secret, await (await client.GetAsync($"/api/v1/assessments/{arranged.Round.Id}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_respondent_in_a_group_the_organisation_lacks_and_with_a_bad_email_is_refused_by_field()
    {
        var arranged = await factory.CreateOrganisationWithRoundAsync();
        using var client = await factory.CreateApiClientAsync(arranged.Owner.Id);

        var problem = await (await client.PostJsonAsync(
                $"/api/v1/assessments/{arranged.Round.Id}/respondents",
                new AddRespondentDto("Grace", "not an email", "Board")))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["email", "group"], problem.Errors!.Keys.Order());
        Assert.Equal(0, (await factory.Rounds.GetRoundAsync(arranged.Owner.Id, arranged.Round.Id)).Counts.Total);
    }

    [Fact]
    public async Task Answers_are_saved_read_back_and_submitted_after_which_they_cannot_change()
    {
        var arranged = await factory.CreateOrganisationWithRoundAsync();
        using var client = await factory.CreateApiClientAsync(arranged.Owner.Id);
        var respondent = (await factory.AddRespondentAsync(arranged.Owner.Id, arranged.Round.Id)).Respondent.Id;
        var questions = factory.Model.AllQuestions.Count();

        var progress = await (await client.PutAnswersAsync(
                arranged.Round.Id,
                respondent,
                [new AnswerDto("strategy.vision", 4, "We wrote it down last year."), new AnswerDto("voc.text", null)],
                importance: new Dictionary<string, int> { ["voc"] = 5 }))
            .ReadAsync<RespondentProgressDto>();

        Assert.Equal((RespondentStatus.InProgress, 2, questions), (progress.Status, progress.Answered, progress.Questions));
        Assert.Equal(2.0 / questions, progress.Completion, 12);
        var saved = await (await client.GetAsync(ApiTestExtensions.AnswersUrl(arranged.Round.Id, respondent))).ReadAsync<AnswersDto>();
        Assert.Equal(
            [("strategy.vision", (int?)4, "We wrote it down last year."), ("voc.text", null, null)],
            saved.Answers.Select(a => (a.QuestionId, a.Level, a.Comment)));
        Assert.Equal(5, saved.Importance["voc"]);
        Assert.True(saved.CanEdit);

        var submitted = await (await client.PutAnswersAsync(arranged.Round.Id, respondent, [new AnswerDto("strategy.vision", 5)], submit: true))
            .ReadAsync<RespondentProgressDto>();
        Assert.Equal(RespondentStatus.Submitted, submitted.Status);

        var problem = await (await client.PutAnswersAsync(arranged.Round.Id, respondent, [new AnswerDto("strategy.vision", 1)]))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("submitted", problem.Detail, StringComparison.OrdinalIgnoreCase);
        var after = await (await client.GetAsync(ApiTestExtensions.AnswersUrl(arranged.Round.Id, respondent))).ReadAsync<AnswersDto>();
        Assert.Equal(5, after.Answers.Single(a => a.QuestionId == "strategy.vision").Level);
        Assert.False(after.CanEdit);
    }
}
