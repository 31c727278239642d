using CxMaturity.Web.Data;
using CxMaturity.Web.Features.CustomerGaps;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Results;
using CxMaturity.Web.Features.Workbooks;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Features.Workbooks;

/// <summary>
/// Composite operations read and score a round once. Every scoring reads the round's importance ratings exactly
/// once, and nothing else reads them, so the commands that name that table count the scorings. The engagement
/// workbook reads the organisation's governance a table at a time, never a command per KPI or project.
/// </summary>
public sealed class ScoringOnceTests : IAsyncLifetime
{
    private readonly CommandRecorder _recorder = new();
    private readonly CxWebApplicationFactory _factory;

    public ScoringOnceTests() =>
        _factory = new CxWebApplicationFactory
        {
            ConfigureServices = services => services.ConfigureDbContext<AppDbContext>((_, options) => options.AddInterceptors(_recorder)),
        };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_engagement_workbook_saving_targets_and_the_drill_down_each_score_the_round_once_or_not_at_all()
    {
        var organisation = await _factory.CreateOrganisationWithRoundAsync();
        for (var i = 0; i < 3; i++)
        {
            var respondent = await _factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);
            await _factory.AnswerAllAsync(organisation.Owner.Id, organisation.Round.Id, respondent.Respondent.Id, _ => 2 + i % 2);
        }

        var workbooks = _factory.GetService<WorkbookService>();
        var strategy = _factory.Model.Dimensions[0].Id;
        IReadOnlyList<string> export, targets, drillDown;
        using (var recording = _recorder.Record())
        {
            await using var file = await workbooks.ExportEngagementAsync(organisation.Owner.Id, organisation.Round.Id, anonymise: false);
            export = recording.Commands;
        }

        using (var recording = _recorder.Record())
        {
            await _factory.Roadmaps.SetTargetsAsync(organisation.Owner.Id, organisation.Round.Id, new Dictionary<string, int> { [strategy] = 5 });
            targets = recording.Commands;
        }

        using (var recording = _recorder.Record())
        {
            var sheets = await _factory.Results.GetAnswerSheetsAsync(organisation.Owner.Id, organisation.Round.Id);
            Assert.Equal(3, sheets.Count);
            drillDown = recording.Commands;
        }

        Assert.Equal(1, Scorings(export));
        Assert.Equal(1, Scorings(targets));
        Assert.Equal(0, Scorings(drillDown));
        // The drill-down: the caller's role, the respondents, their answers.
        Assert.Equal(3, drillDown.Count);
    }

    [Fact]
    public async Task The_engagement_workbook_reads_each_governance_table_once_however_much_governance_there_is()
    {
        var organisation = await _factory.CreateOrganisationWithRoundAsync();
        var (ownerId, organisationId, roundId) = (organisation.Owner.Id, organisation.OrganisationId, organisation.Round.Id);
        var respondent = await _factory.AddRespondentAsync(ownerId, roundId);
        await _factory.AnswerAllAsync(ownerId, roundId, respondent.Respondent.Id, _ => 2);
        var kpis = _factory.GetService<KpiService>();
        var gaps = _factory.GetService<CustomerGapService>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        async Task AddGovernanceAsync(int number)
        {
            var kpi = await kpis.CreateAsync(ownerId, organisationId, new KpiRequest($"NPS {number}", KpiKind.Nps, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly, OwnerUserId: ownerId));
            await kpis.AddMeasurementAsync(ownerId, organisationId, kpi.Id, new MeasurementRequest(today.AddDays(-7), Ratings: [9, 10, 6]));
            await kpis.AddMeasurementAsync(ownerId, organisationId, kpi.Id, new MeasurementRequest(today, Value: 12));
            await _factory.Projects.CreateAsync(ownerId, organisationId, new ProjectRequest(
                $"Project {number}", OwnerUserId: ownerId, Milestones: [new MilestoneRequest("First"), new MilestoneRequest("Second")], KpiIds: [kpi.Id]));
            await gaps.AddAsync(ownerId, organisationId, new CustomerGapRequest($"Problem {number}", "Process", Score: number));
        }

        async Task<IReadOnlyList<string>> ExportAsync()
        {
            using var recording = _recorder.Record();
            await using var file = await _factory.GetService<WorkbookService>().ExportEngagementAsync(ownerId, roundId, anonymise: false);
            return recording.Commands;
        }

        await AddGovernanceAsync(1);
        var one = await ExportAsync();
        await AddGovernanceAsync(2);
        await AddGovernanceAsync(3);
        var three = await ExportAsync();

        Assert.Equal(one.Count, three.Count);
        foreach (var table in new[] { "Kpis", "KpiMeasurements", "Projects", "Milestones", "ProjectKpis", "CustomerGaps" })
        {
            Assert.True(
                three.Count(c => c.Contains($"FROM \"{table}\"", StringComparison.Ordinal)) == 1,
                $"The export read {table} in {three.Count(c => c.Contains($"FROM \"{table}\"", StringComparison.Ordinal))} commands, not one.");
        }
    }

    private static int Scorings(IEnumerable<string> commands) =>
        commands.Count(c => c.Contains("\"ImportanceRatings\"", StringComparison.Ordinal));
}
