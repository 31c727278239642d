using CxMaturity.Assessment.Content;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Features.Models;

public sealed class ModelVersionStoreTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task Rounds_on_the_same_model_version_share_one_stored_snapshot()
    {
        var first = await factory.CreateOrganisationWithRoundAsync();
        var second = await factory.CreateOrganisationWithRoundAsync();

        var pinned = await factory.WithDbAsync(db => db.Rounds
            .Where(r => r.Id == first.Round.Id || r.Id == second.Round.Id)
            .Select(r => r.ModelVersionId)
            .Distinct()
            .ToListAsync());
        var snapshots = await factory.WithDbAsync(db => db.ModelVersions
            .CountAsync(m => m.ModelId == factory.Model.Id && m.Version == factory.Model.Version));

        Assert.Single(pinned);
        Assert.Equal(1, snapshots);
        Assert.Equal(factory.Model.Version, first.Round.Model.Version);
    }

    [Fact]
    public async Task Changed_content_under_the_same_version_keeps_the_stored_snapshot()
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync();
        var store = factory.Services.GetRequiredService<ModelVersionStore>();
        var edited = factory.Model with { Title = "Edited without a new version" };

        var id = await store.GetOrCreateAsync(edited);
        var pinned = await factory.WithDbAsync(db => db.Rounds.Where(r => r.Id == organisation.Round.Id).Select(r => r.ModelVersionId).SingleAsync());
        var loaded = await store.LoadAsync(id);

        Assert.Equal(pinned, id);
        Assert.Equal(factory.Model.Title, loaded.Title);
        Assert.Equal(ModelSnapshot.ContentHash(factory.Model), ModelSnapshot.ContentHash(loaded));
    }

    [Fact]
    public async Task A_new_version_gets_a_snapshot_of_its_own()
    {
        var store = factory.Services.GetRequiredService<ModelVersionStore>();
        var next = factory.Model with { Version = "99.0.0-test", Title = "The next version" };

        var id = await store.GetOrCreateAsync(next);
        var again = await store.GetOrCreateAsync(next);
        var loaded = await store.LoadAsync(id);

        Assert.Equal(id, again);
        Assert.Equal("The next version", loaded.Title);
        Assert.Equal(next.AllQuestions.Select(q => q.Id), loaded.AllQuestions.Select(q => q.Id));
    }
}
