using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Organisations;

/// <summary>An organisation's respondent groups: the ones its new rounds start with.</summary>
public sealed class OrganisationGroupsTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task New_rounds_take_the_organisation_s_groups_in_its_order_and_older_rounds_keep_theirs()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var before = await factory.CreateRoundAsync(owner.Id, organisationId);
        var organisation = await factory.Organisations.GetAsync(owner.Id, organisationId);

        var saved = await factory.Organisations.SetRespondentGroupsAsync(owner.Id, organisationId, [" Board ", "Store staff", "Frontline"], organisation.Version);
        var after = await factory.CreateRoundAsync(owner.Id, organisationId);

        Assert.Equal(["Board", "Store staff", "Frontline"], saved.RespondentGroups);
        Assert.Equal(["Board", "Store staff", "Frontline"], after.RespondentGroups);
        Assert.Equal(["Executive", "Management", "Frontline", "Customer-facing partner"], (await factory.Rounds.GetRoundAsync(owner.Id, before.Id)).RespondentGroups);
        // The perception gap of a round whose groups have no Executive compares its first two groups.
        Assert.Equal(("Board", "Frontline"), (after.PerceptionGroupA, after.PerceptionGroupB));
    }

    [Fact]
    public async Task Bad_groups_are_refused_by_line_a_stale_edit_is_a_conflict_and_only_managers_edit()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var viewer = await factory.CreateMemberAsync(organisationId, OrganisationRole.Viewer);
        var read = await factory.Organisations.GetAsync(owner.Id, organisationId);

        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => factory.Organisations.SetRespondentGroupsAsync(owner.Id, organisationId, ["Board", "board"], read.Version));
        Assert.Equal(["'board' is listed twice."], refused.Errors["respondentGroups[1]"]);
        await Assert.ThrowsAsync<ForbiddenException>(
            () => factory.Organisations.SetRespondentGroupsAsync(viewer.Id, organisationId, ["Board"], read.Version));

        await factory.Organisations.SetRespondentGroupsAsync(owner.Id, organisationId, ["Board"], read.Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => factory.Organisations.SetRespondentGroupsAsync(owner.Id, organisationId, ["Staff"], read.Version));
        Assert.Equal(["Board"], (await factory.Organisations.GetAsync(owner.Id, organisationId)).RespondentGroups);
    }
}
