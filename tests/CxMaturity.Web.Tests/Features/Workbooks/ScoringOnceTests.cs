using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Results;
using CxMaturity.Web.Features.Workbooks;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Web.Tests.Features.Workbooks;

/// <summary>
/// Composite operations read and score a round once. Every scoring reads the round's importance ratings exactly
/// once, and nothing else reads them, so the commands that name that table count the scorings.
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

    private static int Scorings(IEnumerable<string> commands) =>
        commands.Count(c => c.Contains("\"ImportanceRatings\"", StringComparison.Ordinal));
}
