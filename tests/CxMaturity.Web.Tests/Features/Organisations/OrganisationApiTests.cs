using System.Net;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Organisations;

/// <summary>GET/POST /api/v1/organisations.</summary>
public sealed class OrganisationApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
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
}
