using System.Net;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Models;

/// <summary>GET /api/v1/models and GET /api/v1/models/{id}.</summary>
public sealed class ModelApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task The_models_list_offers_the_shipped_model_at_its_version()
    {
        var user = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(user.Id);

        var models = await (await client.GetAsync("/api/v1/models")).ReadAsync<List<ModelSummaryDto>>();

        var model = Assert.Single(models, m => m.Id == CxWebApplicationFactory.ModelId);
        Assert.Equal(factory.Model.Version, model.Version);
        Assert.Equal(factory.Model.Dimensions.Count, model.Dimensions);
        Assert.Equal(factory.Model.AllQuestions.Count(), model.Questions);
    }

    [Fact]
    public async Task A_model_comes_with_its_stages_dimensions_questions_and_a_statement_for_every_level()
    {
        var user = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(user.Id);

        var model = await (await client.GetAsync($"/api/v1/models/{CxWebApplicationFactory.ModelId}")).ReadAsync<ModelDto>();

        Assert.Equal(["Initial", "Development", "Definition", "Managed", "Optimized"], model.Stages.Select(s => s.Name));
        Assert.Equal([1, 2, 3, 4, 5], model.Stages.Select(s => s.Level));
        Assert.Equal(factory.Model.Dimensions.Select(d => d.Id), model.Dimensions.Select(d => d.Id));
        var vision = model.Dimensions[0].Questions.Single(q => q.Id == "strategy.vision");
        Assert.Equal(1.5, vision.Weight);
        Assert.Equal([1, 2, 3, 4, 5], vision.Options.Select(o => o.Level));
        Assert.Equal(factory.Model.FindQuestion("strategy.vision")!.OptionFor(4), vision.Options[3].Statement);
    }

    [Fact]
    public async Task An_unknown_model_is_a_404_problem()
    {
        var user = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(user.Id);

        var problem = await (await client.GetAsync("/api/v1/models/no-such-model")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("no-such-model", problem.Detail);
    }
}
