using CxMaturity.Assessment.Scoring;
using CxMaturity.Assessment.Content;
using CxMaturity.Web.Components.Layout;
using CxMaturity.Web.Components.Shared;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Results;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CxMaturity.Web.Components.Pages.Results;

public sealed partial class Results
{
    private ResultsView? _results;
    private ProblemKind? _problem;
    private string? _problemMessage;
    private IReadOnlyList<string> _axes = [];
    private IReadOnlyList<RadarSeries> _currentAndTarget = [];
    private IReadOnlyList<RadarSeries> _byGroup = [];
    private IReadOnlyList<string> _withheldGroups = [];
    private DrillDown? _drillDown;
    private bool _drillDownLoading;
    private string? _drillDownError;

    [Parameter] public int RoundId { get; set; }

    [SupplyParameterFromQuery(Name = "preview")] public bool? Preview { get; set; }

    /// <summary>The key of the results read while prerendering, for the interactive render to take.</summary>
    [PersistentState] public string? Prerendered { get; set; }

    [Inject] private PrerenderHandOff HandOff { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [CascadingParameter] private ShellState? Shell { get; set; }

    [Inject] private ResultsService ResultsService { get; set; } = default!;

    private bool CanManage => _results?.YourRole.CanManage() == true;

    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _linkedKpis;

    [Inject] private Features.Kpis.KpiService Kpis { get; set; } = default!;

    private static Dictionary<string, IReadOnlyList<string>> LinkedKpis(Features.Kpis.KpiListView kpis) =>
        kpis.Kpis
            .SelectMany(k => k.DimensionIds.Select(d => (Dimension: d, Text: k.Latest is { } latest
                ? $"{k.Name} {latest.Value.ToString(k.Kind == KpiKind.Ces ? "F2" : "F1", System.Globalization.CultureInfo.InvariantCulture)}{(k.Unit == "%" ? " %" : "")}"
                : k.Name)))
            .GroupBy(x => x.Dimension, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.Text)], StringComparer.Ordinal);

    protected override async Task OnParametersSetAsync()
    {
        (_problem, _problemMessage, _drillDown) = (null, null, null);
        var problem = await PageLoad.TryAsync(async () =>
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            var kept = HandOff.Take<ResultsView>(Prerendered, userId);
            var results = kept is not null && kept.RoundId == RoundId && kept.Result.IsPreview == (Preview == true)
                ? kept
                : await ResultsService.GetResultsAsync(userId, RoundId, Preview == true);
            Prerendered = RendererInfo.IsInteractive ? null : HandOff.Keep(userId, results);
            Shell?.SetOrganisation(results.OrganisationId, results.OrganisationName, results.YourRole);
            _axes = ResultsFigures.Axes(results);
            _currentAndTarget = ResultsFigures.CurrentAndTarget(results);
            _byGroup = ResultsFigures.ByGroup(results);
            _withheldGroups = [.. results.Result.Groups.Where(g => g.Withheld).Select(g => g.Group).Distinct()];
            _results = results;
            // The outcomes each dimension should move, for members who read results (a Respondent sees scores only).
            _linkedKpis = results.YourRole.CanRead() ? LinkedKpis(await Kpis.ListAsync(userId, results.OrganisationId)) : null;
        });
        (_problem, _problemMessage) = (problem?.Kind, problem?.Kind == ProblemKind.Forbidden ? problem.Message : null);
    }

    // The answers behind a dimension, for Owner and CX lead: every counted respondent's answers, in two queries.
    private async Task DrillDownAsync(string dimensionId)
    {
        if (_results is null || _results.Model.FindDimension(dimensionId) is not { } dimension)
        {
            return;
        }

        (_drillDownLoading, _drillDown, _drillDownError) = (true, null, null);
        try
        {
            var sheets = await ResultsService.GetAnswerSheetsAsync(
                await AuthenticationState.RequiredUserIdAsync(), RoundId, _results.Result.IsPreview);
            _drillDown = new DrillDown(dimension, sheets);
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException)
        {
            _drillDownError = e.Message;
        }
        finally
        {
            _drillDownLoading = false;
        }
    }

    private sealed record DrillDown(Dimension Dimension, IReadOnlyList<AnswerSheetView> Respondents);
}
