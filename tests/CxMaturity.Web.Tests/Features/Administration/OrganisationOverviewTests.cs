using CxMaturity.Web.Features.Administration;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Administration;

/// <summary>The organisations page's service: Owners and size figures for administrators, and no way in beyond them.</summary>
public sealed class OrganisationOverviewTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    private OrganisationOverviewService Overview => factory.GetService<OrganisationOverviewService>();

    [Fact]
    public async Task An_organisation_is_listed_with_its_owners_and_counts_worked_out_by_hand()
    {
        var administrator = await factory.CreateAdministratorAsync();
        var seeded = await SeedAsync();

        var list = await Overview.ListAsync(administrator.Id, seeded.Marker);

        var row = Assert.Single(list.Organisations);
        Assert.Equal(seeded.OrganisationId, row.Id);
        Assert.Equal($"Overview {seeded.Marker}", row.Name);
        Assert.Equal(seeded.OwnerEmails.Order(StringComparer.OrdinalIgnoreCase), row.OwnerEmails);

        // Members: two Owners and a Viewer. Rounds: two. Respondents: two in the first round, one in the second.
        // Answers: the first respondent answered the 6 questions of the one dimension in scope, the second 2 of
        // them, the third all 6 again: 6 + 2 + 6 = 14. One KPI, no project.
        Assert.Equal((3, 2, 3, 14, 1, 0), (row.Members, row.Rounds, row.Respondents, row.Answers, row.Kpis, row.Projects));
        Assert.Equal(DateTime.UtcNow.Date, row.CreatedUtc.Date);
    }

    [Fact]
    public async Task Search_finds_organisations_by_part_of_their_name_in_any_case()
    {
        var administrator = await factory.CreateAdministratorAsync();
        var owner = await factory.CreateUserAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var beta = await factory.CreateOrganisationAsync(owner.Id, $"Beta {marker}");
        var alpha = await factory.CreateOrganisationAsync(owner.Id, $"Alpha {marker}");

        var both = await Overview.ListAsync(administrator.Id, marker.ToUpperInvariant());
        var one = await Overview.ListAsync(administrator.Id, $"  alpha {marker} ");
        var none = await Overview.ListAsync(administrator.Id, $"gamma {marker}");

        Assert.Equal([alpha, beta], both.Organisations.Select(o => o.Id));
        Assert.Equal((2, 1, 1), (both.Total, both.Page, both.PageCount));
        Assert.Equal([alpha], one.Organisations.Select(o => o.Id));
        Assert.Empty(none.Organisations);
        Assert.Equal([owner.Email], both.Organisations[0].OwnerEmails);
    }

    [Fact]
    public async Task An_administrator_sees_the_list_but_not_the_organisation_and_others_see_neither()
    {
        var administrator = await factory.CreateAdministratorAsync();
        var seeded = await SeedAsync();

        var listed = await Overview.ListAsync(administrator.Id, seeded.Marker);
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Overview.ListAsync(seeded.OwnerId, null));

        Assert.Single(listed.Organisations);
        Assert.Equal("Only site administrators see the list of organisations.", refused.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Organisations.GetAsync(administrator.Id, seeded.OrganisationId));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Rounds.GetRoundAsync(administrator.Id, seeded.RoundId));
    }

    // An organisation of two Owners and a Viewer with two rounds on one dimension: 3 respondents, 14 answers, 1 KPI.
    private async Task<Seeded> SeedAsync()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id, $"Overview {marker}");
        var secondOwner = await factory.CreateMemberAsync(organisationId, OrganisationRole.Owner);
        await factory.CreateMemberAsync(organisationId, OrganisationRole.Viewer);
        var dimension = factory.Model.Dimensions[0];
        Assert.Equal(6, dimension.Questions.Count);

        var first = await factory.CreateRoundAsync(owner.Id, organisationId, dimensionsInScope: [dimension.Id]);
        var second = await factory.CreateRoundAsync(owner.Id, organisationId, dimensionsInScope: [dimension.Id]);
        var a = await factory.AddRespondentAsync(owner.Id, first.Id);
        var b = await factory.AddRespondentAsync(owner.Id, first.Id);
        var c = await factory.AddRespondentAsync(owner.Id, second.Id);
        await factory.AnswerAllAsync(owner.Id, first.Id, a.Respondent.Id, _ => 3);
        await factory.Questionnaires.SaveAsync(
            RespondentRef.Member(owner.Id, first.Id, b.Respondent.Id),
            new SaveAnswersRequest([new AnswerInput(dimension.Questions[0].Id, 2), new AnswerInput(dimension.Questions[1].Id, null)]));
        await factory.AnswerAllAsync(owner.Id, second.Id, c.Respondent.Id, _ => 4, submit: false);
        await factory.GetService<KpiService>().CreateAsync(
            owner.Id, organisationId, new KpiRequest("NPS", KpiKind.Nps, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly));
        return new Seeded(marker, organisationId, first.Id, owner.Id, [owner.Email, secondOwner.Email]);
    }

    private sealed record Seeded(string Marker, int OrganisationId, int RoundId, string OwnerId, IReadOnlyList<string> OwnerEmails);
}
