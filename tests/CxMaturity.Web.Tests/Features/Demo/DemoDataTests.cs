using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Demo;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Features.Demo;

public sealed class DemoDataTests : IAsyncLifetime
{
    private readonly CxWebApplicationFactory _factory = new() { SeedDemo = true };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_demo_has_a_closed_baseline_of_twelve_submitted_respondents_across_all_four_groups_with_results()
    {
        var demoUser = await DemoUserIdAsync();
        var organisation = await NorthwindAsync(demoUser);
        var view = await _factory.Organisations.GetAsync(demoUser, organisation.Id);
        var baseline = view.Rounds.Single(r => r.Name == DemoDataSeeder.BaselineRoundName);
        var round = await _factory.Rounds.GetRoundAsync(demoUser, baseline.Id);
        var results = await _factory.Results.GetResultsAsync(demoUser, baseline.Id);

        Assert.Equal(DemoDataSeeder.OrganisationName, organisation.Name);
        Assert.Equal(OrganisationRole.Owner, organisation.Role);
        Assert.Equal(RoundStatus.Closed, round.Status);
        Assert.Equal(12, round.Respondents!.Count(r => r.Status == RespondentStatus.Submitted));
        Assert.Equal(
            ["Customer-facing partner", "Executive", "Frontline", "Management"],
            round.Respondents!.Select(r => r.Group).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(12, results.Result.RespondentsCounted);
        Assert.InRange(results.Result.OverallStage!.Value, 2, 3);
        Assert.NotNull(results.Result.FoundationStage);
        Assert.Contains(results.Result.PerceptionGaps, g => g.Flagged);
    }

    [Fact]
    public async Task The_demo_has_an_earlier_pilot_for_the_trend_and_a_second_organisation_with_low_consensus_for_the_portfolio()
    {
        var demoUser = await DemoUserIdAsync();
        var organisations = await _factory.Organisations.ListForUserAsync(demoUser);
        var northwind = await NorthwindAsync(demoUser);
        var trend = await _factory.GetService<CxMaturity.Web.Features.Dashboard.TrendService>().GetTrendAsync(demoUser, northwind.Id);
        var portfolio = await _factory.GetService<CxMaturity.Web.Features.Dashboard.TrendService>().GetPortfolioAsync(demoUser);
        var contoso = Assert.Single(portfolio.Organisations, o => o.Name == DemoDataSeeder.SecondOrganisationName);
        var contosoResults = await _factory.Results.GetResultsAsync(demoUser, contoso.RoundId);

        Assert.Equal([DemoDataSeeder.SecondOrganisationName, DemoDataSeeder.OrganisationName], organisations.Select(o => o.Name));
        Assert.Equal(DemoDataSeeder.FollowUpRoundName, northwind.LatestRound?.Name); // the newest by date, not by id
        Assert.Equal(
            [DemoDataSeeder.PilotRoundName, DemoDataSeeder.BaselineRoundName],
            trend.Rounds.Where(r => r.OnTrendLine).Select(r => r.Name));
        Assert.True(trend.Rounds[0].Overall < trend.Rounds[1].Overall);
        Assert.Equal(2, portfolio.Organisations.Count);
        Assert.Contains(contosoResults.Result.Dimensions, d => d.LowConsensus);
    }

    [Fact]
    public async Task The_demo_roadmap_aims_its_three_weakest_dimensions_two_stages_up_with_accepted_items_and_a_project()
    {
        var demoUser = await DemoUserIdAsync();
        var organisation = await NorthwindAsync(demoUser);
        var baseline = (await _factory.Organisations.GetAsync(demoUser, organisation.Id)).Rounds
            .Single(r => r.Name == DemoDataSeeder.BaselineRoundName);
        var roadmap = await _factory.GetService<CxMaturity.Web.Features.Roadmap.RoadmapService>().GetRoadmapAsync(demoUser, baseline.Id);

        var explicitTargets = roadmap.Dimensions.Where(d => d.ExplicitTarget is not null).ToList();
        Assert.Equal(3, explicitTargets.Count);
        Assert.All(explicitTargets, d => Assert.Equal(d.CurrentStage + 2, d.ExplicitTarget));
        Assert.Contains(roadmap.Items, i => i.Horizon == CxMaturity.Assessment.Roadmap.Horizon.MediumTerm);
        Assert.Equal(3, roadmap.Items.Count(i => i.Status == CxMaturity.Assessment.Roadmap.RoadmapItemStatus.Accepted));
        Assert.Single(roadmap.Items, i => i.ProjectId is not null);
    }

    [Fact]
    public async Task The_demo_has_a_year_of_monthly_kpis_some_computed_from_ratings_and_one_overdue()
    {
        var demoUser = await DemoUserIdAsync();
        var organisation = await NorthwindAsync(demoUser);

        var kpis = await _factory.GetService<CxMaturity.Web.Features.Kpis.KpiService>().ListAsync(demoUser, organisation.Id);

        Assert.Equal([KpiKind.Ces, KpiKind.Churn, KpiKind.Nps, KpiKind.Csat], kpis.Kpis.Select(k => k.Kind));
        var nps = kpis.Kpis.Single(k => k.Kind == KpiKind.Nps);
        Assert.Equal(12, nps.Measurements.Count);
        Assert.All(nps.Measurements, m => Assert.True(m.N >= 90 && m.MarginOfError > 0));
        Assert.True(kpis.Kpis.Single(k => k.Kind == KpiKind.Ces).Measurements.All(m => m.SmallSample));
        Assert.True(kpis.Kpis.Single(k => k.Kind == KpiKind.Churn).Overdue);
        Assert.Contains(kpis.Coverage, c => c.Uncovered);
        Assert.Contains(kpis.Kpis, k => k.Trend.Kind == KpiTrendKind.NoSignificantChange);

        var register = await _factory.GetService<CxMaturity.Web.Features.CustomerGaps.CustomerGapService>().GetRegisterAsync(demoUser, organisation.Id);
        Assert.Equal(30, register.Gaps.Count);
        Assert.Equal(6, register.Pareto.Count);
        Assert.Equal(["Process", "Technology"], register.Pareto.Where(p => p.VitalFew).Select(p => p.RootCause).Take(2));

        var projects = await _factory.GetService<CxMaturity.Web.Features.Projects.ProjectService>().ListBoardAsync(demoUser, organisation.Id);
        Assert.Equal(Enum.GetValues<ProjectStatus>().Order(), projects.Projects.Select(p => p.Status).Distinct().Order());
        Assert.Contains(projects.Projects, p => p.Late);
        var raci = await _factory.GetService<CxMaturity.Web.Features.Raci.RaciService>().GetAsync(demoUser, organisation.Id);
        Assert.Equal(projects.Projects.Count, raci.Rows.Count(r => r.Kind == "Project"));
        Assert.All(raci.Rows.Where(r => r.Kind == "Project"), r => Assert.Empty(r.Problems));
        Assert.All(raci.Rows.Where(r => r.Kind == "Project"), r => Assert.NotEmpty(r.Cells));
        Assert.Equal(demoUser, raci.Roles[1].HolderUserId);
    }

    [Fact]
    public async Task The_demo_has_an_open_follow_up_with_respondents_in_progress_and_announces_its_sign_in()
    {
        var demoUser = await DemoUserIdAsync();
        var organisation = await NorthwindAsync(demoUser);
        var followUp = (await _factory.Organisations.GetAsync(demoUser, organisation.Id)).Rounds
            .Single(r => r.Name == DemoDataSeeder.FollowUpRoundName);
        var round = await _factory.Rounds.GetRoundAsync(demoUser, followUp.Id);
        var signIn = _factory.Services.GetRequiredService<DemoSignInInfo>();

        Assert.Equal(RoundStatus.Open, round.Status);
        Assert.Equal(2, round.RespondentCounts.InProgress);
        Assert.Contains(await _factory.Questionnaires.ListMineAsync(demoUser), q => q.RoundId == followUp.Id);
        Assert.True(signIn.IsAvailable);
        Assert.Equal(DemoSignInInfo.DemoEmail, signIn.Email);
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(signIn.Email))!, signIn.Password));
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync(signIn.AdministratorSignIn))!, "Administrator"));
    }

    private async Task<CxMaturity.Web.Features.Organisations.OrganisationSummaryView> NorthwindAsync(string demoUser) =>
        Assert.Single(await _factory.Organisations.ListForUserAsync(demoUser), o => o.Name == DemoDataSeeder.OrganisationName);

    private Task<string> DemoUserIdAsync() =>
        _factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSignInInfo.DemoEmail).Select(u => u.Id).SingleAsync());
}
