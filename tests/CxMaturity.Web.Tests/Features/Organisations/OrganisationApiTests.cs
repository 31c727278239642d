using System.Net;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Api;

/// <summary>GET/POST /api/v1/organisations and GET /api/v1/models.</summary>
public sealed class OrganisationAndModelApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task Creating_an_organisation_makes_the_caller_its_owner_and_lists_it_for_them_only()
    {
        var user = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(user.Id);
        var other = await factory.CreateUserAsync();
        using var otherClient = await factory.CreateApiClientAsync(other.Id);

        var response = await client.PostJsonAsync("/api/v1/organisations", new CreateOrganisationDto("  Acme Retail  "));

        var created = await response.ReadAsync<OrganisationSummaryDto>(HttpStatusCode.Created);
        Assert.Equal("Acme Retail", created.Name);
        Assert.Equal(OrganisationRole.Owner, created.YourRole);
        Assert.Equal($"/api/v1/organisations/{created.Id}", response.Headers.Location?.OriginalString);
        var listed = await (await client.GetAsync("/api/v1/organisations")).ReadAsync<List<OrganisationSummaryDto>>();
        Assert.Equal([created.Id], listed.Select(o => o.Id));
        Assert.Empty(await (await otherClient.GetAsync("/api/v1/organisations")).ReadAsync<List<OrganisationSummaryDto>>());

        var organisation = await (await client.GetAsync(response.Headers.Location)).ReadAsync<OrganisationDto>();
        Assert.Equal(["Executive", "Management", "Frontline", "Customer-facing partner"], organisation.RespondentGroups);
        Assert.Equal(user.Email, Assert.Single(organisation.Members!).Email);
    }

    [Fact]
    public async Task An_organisation_without_a_name_is_refused_with_the_field_named()
    {
        var user = await factory.CreateUserAsync();
        using var client = await factory.CreateApiClientAsync(user.Id);

        var problem = await (await client.PostJsonAsync("/api/v1/organisations", new CreateOrganisationDto(" ")))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("name", problem.Errors!.Keys);
        Assert.Empty(await (await client.GetAsync("/api/v1/organisations")).ReadAsync<List<OrganisationSummaryDto>>());
    }

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
