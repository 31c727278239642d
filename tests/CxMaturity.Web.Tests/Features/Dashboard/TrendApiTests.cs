using System.Net;
using CxMaturity.Assessment.Analysis;
using CxMaturity.Assessment.Rounds;
using CxMaturity.Web.Features.Dashboard;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Dashboard;

/// <summary>An organisation's trend across rounds and a consultant's portfolio, through the API.</summary>
public sealed class TrendApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task The_trend_lists_every_round_in_date_order_and_draws_the_ones_with_final_figures()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var first = await ClosedRoundAsync(owner, organisationId, "Spring", level: 2);
        var second = await ClosedRoundAsync(owner, organisationId, "Autumn", level: 3);
        var open = await factory.CreateRoundAsync(owner.Id, organisationId, "Winter");
        await factory.Rounds.CreateRoundAsync(owner.Id, organisationId, new CreateRoundRequest(CxWebApplicationFactory.ModelId, "Draft", Status: RoundStatus.Draft));
        var viewer = await factory.CreateMemberAsync(organisationId, OrganisationRole.Viewer);
        using var client = await factory.CreateApiClientAsync(viewer.Id);

        var trend = await (await client.GetAsync($"/api/v1/organisations/{organisationId}/trend")).ReadAsync<TrendView>();

        // Every question answered 2, then 3: each dimension scores the level, and so does the overall score.
        Assert.Equal(
            [(first, 2.0, true), (second, 3.0, true), (open.Id, (double?)null, false)],
            trend.Rounds.Select(r => (r.RoundId, r.Overall, r.OnTrendLine)));
        Assert.All(trend.Rounds[1].Dimensions.Values, score => Assert.Equal(3.0, score));
        Assert.Equal(factory.Model.Dimensions.Count, trend.Dimensions.Count);
        Assert.All(trend.Rounds, r => Assert.Equal((factory.Model.Id, factory.Model.Version, false), (r.ModelId, r.ModelVersion, r.ModelVersionChanged)));
    }

    [Fact]
    public async Task Respondents_get_no_trend_and_strangers_learn_nothing()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var respondent = await factory.CreateMemberAsync(organisationId, OrganisationRole.Respondent);
        var stranger = await factory.CreateUserAsync();

        using (var client = await factory.CreateApiClientAsync(respondent.Id))
        {
            await (await client.GetAsync($"/api/v1/organisations/{organisationId}/trend")).ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var client = await factory.CreateApiClientAsync(stranger.Id))
        {
            await (await client.GetAsync($"/api/v1/organisations/{organisationId}/trend")).ReadProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task The_portfolio_compares_the_organisations_the_caller_leads_on_their_latest_closed_round()
    {
        var consultant = await factory.CreateUserAsync();
        var owned = await factory.CreateOrganisationAsync(consultant.Id, "Owned Ltd");
        await ClosedRoundAsync(consultant, owned, "Owned 2026", level: 2);

        var other = await factory.CreateUserAsync();
        var led = await factory.CreateOrganisationAsync(other.Id, "Led Ltd");
        await ClosedRoundAsync(other, led, "Led 2025", level: 2);
        await ClosedRoundAsync(other, led, "Led 2026", level: 4);
        await factory.AddMemberAsync(led, consultant.Id, OrganisationRole.CxLead);

        var contributed = await factory.CreateOrganisationAsync(other.Id, "Contributed Ltd");
        await ClosedRoundAsync(other, contributed, "Contributed 2026", level: 5);
        await factory.AddMemberAsync(contributed, consultant.Id, OrganisationRole.Contributor);

        var fresh = await factory.CreateOrganisationAsync(consultant.Id, "Fresh Ltd");
        await factory.CreateRoundAsync(consultant.Id, fresh, "Fresh 2026");
        using var client = await factory.CreateApiClientAsync(consultant.Id);

        var portfolio = await (await client.GetAsync("/api/v1/portfolio")).ReadAsync<PortfolioView>();

        // Led (4.0) is above Owned (2.0): percentiles 100 and 0; Led went up from 2.0, Owned has one closed round.
        Assert.True(portfolio.SameModel);
        Assert.Equal(
            [("Led Ltd", "Led 2026", 4.0, 100.0, TrendDirection.Up), ("Owned Ltd", "Owned 2026", 2.0, 0.0, TrendDirection.None)],
            portfolio.Organisations.Select(o => (o.Name, o.RoundName, o.Overall!.Value, o.Percentile!.Value, o.Trend)));
        Assert.Equal([("Fresh Ltd", 1)], portfolio.WithoutClosedRound.Select(o => (o.Name, o.Rounds)));
        Assert.Equal(factory.Model.Dimensions.Count, portfolio.SharedDimensions.Count);
    }

    private async Task<int> ClosedRoundAsync(TestUser owner, int organisationId, string name, int level)
    {
        var round = await factory.CreateRoundAsync(owner.Id, organisationId, name);
        var respondent = await factory.AddRespondentAsync(owner.Id, round.Id, email: owner.Email);
        await factory.AnswerAllAsync(owner.Id, round.Id, respondent.Respondent.Id, _ => level);
        await factory.Rounds.CloseRoundAsync(owner.Id, round.Id);
        return round.Id;
    }
}
