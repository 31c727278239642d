using System.Net;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Api;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Rounds;

/// <summary>
/// The assessment endpoints, as the API calls rounds: create and read. Their targets, respondents and answers are tested
/// with their features (TargetApiTests, RespondentApiTests, AnswerApiTests).
/// </summary>
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
            new CreateRoundRequest(CxWebApplicationFactory.ModelId, "Spring 2026", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));

        var created = await response.ReadAsync<RoundView>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/assessments/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(RoundStatus.Open, created.Status);
        Assert.Equal(new ModelRef(factory.Model.Id, factory.Model.Version, factory.Model.Title), created.Model);
        Assert.Equal(factory.Model.Dimensions.Select(d => d.Id), created.DimensionsInScope);

        var round = await (await client.GetAsync(response.Headers.Location)).ReadAsync<RoundView>();
        Assert.Equal(("Spring 2026", organisationId), (round.Name, round.OrganisationId));
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), (round.OpensOn!.Value, round.ClosesOn!.Value));
        Assert.Equal(OrganisationRole.Owner, round.YourRole);
        Assert.Empty(round.Respondents!);
        Assert.Equal(new RespondentCountsView(0, 0, 0, 0), round.RespondentCounts);
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
                new CreateRoundRequest("no-such-model", "Spring", new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 1))))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["closesOn", "modelId"], problem.Errors!.Keys.Order());
        Assert.Empty((await factory.Organisations.GetAsync(owner.Id, organisationId)).Rounds);
    }
}
