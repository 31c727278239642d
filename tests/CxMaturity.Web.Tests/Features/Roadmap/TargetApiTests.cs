using System.Net;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Roadmap;

/// <summary>PUT /api/v1/assessments/{id}/targets: explicit targets replaced, refused by dimension, guarded by If-Match (428 without it).</summary>
public sealed class TargetApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task Targets_replace_the_explicit_ones_and_a_dimension_left_out_falls_back_to_the_default()
    {
        var arranged = await factory.CreateOrganisationWithRoundAsync();
        using var client = await factory.CreateApiClientAsync(arranged.Owner.Id);
        var url = $"/api/v1/assessments/{arranged.Round.Id}/targets";

        var first = await (await client.PutTargetsAsync(url, new Dictionary<string, int> { ["strategy"] = 4, ["voc"] = 3 }))
            .ReadAsync<TargetsSavedDto>();
        Assert.Equal(4, first.Targets.Single(t => t.DimensionId == "strategy").EffectiveStage);
        Assert.Equal(3, first.Targets.Single(t => t.DimensionId == "voc").ExplicitStage);
        Assert.Equal((0, 0, 0), (first.Added.Count, first.Dropped.Count, first.Kept)); // nothing submitted: no roadmap yet

        var second = await (await client.PutTargetsAsync(url, new Dictionary<string, int> { ["voc"] = 5 })).ReadAsync<TargetsSavedDto>();
        Assert.Null(second.Targets.Single(t => t.DimensionId == "strategy").ExplicitStage);

        var round = await (await client.GetAsync($"/api/v1/assessments/{arranged.Round.Id}")).ReadAsync<RoundView>();
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
        await client.PutTargetsAsync(url, new Dictionary<string, int> { ["voc"] = 3 });

        var problem = await (await client.PutTargetsAsync(url, new Dictionary<string, int> { ["strategy"] = 6, ["nonsense"] = 2, ["voc"] = 4 }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["nonsense", "strategy"], problem.Errors!.Keys.Order());
        var round = await factory.Rounds.GetRoundAsync(arranged.Owner.Id, arranged.Round.Id);
        Assert.Equal([("voc", 3)], round.Targets.Where(t => t.ExplicitStage is not null).Select(t => (t.DimensionId, t.ExplicitStage!.Value)));
    }

    [Fact]
    public async Task Targets_sent_without_If_Match_are_refused_with_428_and_nothing_changes()
    {
        var arranged = await factory.CreateOrganisationWithRoundAsync();
        using var client = await factory.CreateApiClientAsync(arranged.Owner.Id);

        var problem = await (await client.PutJsonAsync($"/api/v1/assessments/{arranged.Round.Id}/targets", new Dictionary<string, int> { ["voc"] = 3 }))
            .ReadProblemAsync(HttpStatusCode.PreconditionRequired);

        Assert.Contains("If-Match", problem.Detail, StringComparison.Ordinal);
        var round = await factory.Rounds.GetRoundAsync(arranged.Owner.Id, arranged.Round.Id);
        Assert.DoesNotContain(round.Targets, t => t.ExplicitStage is not null);
    }

    [Fact]
    public async Task Targets_sent_with_a_stale_If_Match_version_are_a_conflict()
    {
        var arranged = await factory.CreateOrganisationWithRoundAsync();
        using var client = await factory.CreateApiClientAsync(arranged.Owner.Id);
        var url = $"/api/v1/assessments/{arranged.Round.Id}/targets";
        var read = await (await client.GetAsync($"/api/v1/assessments/{arranged.Round.Id}")).ReadAsync<RoundView>();
        await client.PutTargetsAsync(url, new Dictionary<string, int> { ["voc"] = 3 }); // someone else's change

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
}
