using System.Globalization;
using CxMaturity.Web.Components.Layout;
using CxMaturity.Web.Components.Shared;
using CxMaturity.Web.Features.Kpis;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CxMaturity.Web.Components.Pages.Kpis;

/// <summary>
/// An organisation's KPIs: each with its latest figure, margin and sample size, status against target, trend, next
/// due date and chart; the journey-stage coverage; and, for Owners and CX leads, defining KPIs and recording
/// measurements typed, pasted or uploaded.
/// </summary>
public sealed partial class KpisPage
{
    private KpiListView? _list;
    private ProblemKind? _problem;
    private string? _message;
    private bool _busy;
    private KpiRequest? _editing;
    private int? _editingId;
    private Guid _editingVersion;
    private IReadOnlyDictionary<string, string[]>? _formErrors;
    private KpiView? _measuring;
    private KpiView? _deletingKpi;
    private (KpiView Kpi, MeasurementView Measurement)? _deletingMeasurement;

    [Parameter] public int OrganisationId { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [CascadingParameter] private ShellState? Shell { get; set; }

    [Inject] private KpiService Kpis { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _problem = (await PageLoad.TryAsync(LoadAsync))?.Kind;
    }

    private async Task LoadAsync()
    {
        _list = await Kpis.ListAsync(await AuthenticationState.RequiredUserIdAsync(), OrganisationId);
        Shell?.SetOrganisation(_list.OrganisationId, _list.OrganisationName, _list.YourRole);
    }

    private void StartNew()
    {
        (_editingId, _formErrors, _measuring) = (null, null, null);
        _editing = new KpiRequest("", KpiKind.Nps, KpiDirection.HigherIsBetter, MeasurementFrequency.Monthly);
    }

    private void StartEdit(KpiView kpi)
    {
        (_editingId, _editingVersion, _formErrors, _measuring) = (kpi.Id, kpi.Version, null, null);
        _editing = new KpiRequest(
            kpi.Name, kpi.Kind, kpi.Direction, kpi.Frequency, kpi.Unit, kpi.Target, kpi.JourneyStage, kpi.DimensionIds, kpi.OwnerUserId);
    }

    private void StartMeasurement(KpiView kpi) => (_measuring, _editing) = (kpi, null);

    private async Task SaveKpiAsync(KpiRequest request)
    {
        await RunAsync(async userId =>
        {
            try
            {
                var saved = _editingId is { } id
                    ? await Kpis.UpdateAsync(userId, OrganisationId, id, request, _editingVersion)
                    : await Kpis.CreateAsync(userId, OrganisationId, request);
                (_editing, _editingId, _formErrors) = (null, null, null);
                Snackbar.Add($"“{saved.Name}” saved.", Severity.Success);
                await LoadAsync();
            }
            catch (ValidationException e)
            {
                _formErrors = e.Errors;
            }
        });
    }

    private async Task MeasurementSavedAsync(MeasurementView saved)
    {
        var kpi = _measuring!;
        _measuring = null;
        var decimals = Decimals(kpi.Kind);
        Snackbar.Add(
            saved.N is { } n
                ? $"{kpi.Name} {Format(saved.Value, decimals)} ± {Format(saved.MarginOfError ?? 0, decimals)} (n = {n:N0}) recorded."
                : $"{kpi.Name} {Format(saved.Value, decimals)} recorded.",
            Severity.Success);
        await LoadAsync();
    }

    private async Task DeleteKpiAsync()
    {
        if (_deletingKpi is not { } kpi)
        {
            return;
        }

        await RunAsync(async userId =>
        {
            await Kpis.DeleteAsync(userId, OrganisationId, kpi.Id);
            await LoadAsync();
        });
        _deletingKpi = null;
    }

    private async Task DeleteMeasurementAsync()
    {
        if (_deletingMeasurement is not { } deleting)
        {
            return;
        }

        await RunAsync(async userId =>
        {
            await Kpis.DeleteMeasurementAsync(userId, OrganisationId, deleting.Kpi.Id, deleting.Measurement.Id);
            await LoadAsync();
        });
        _deletingMeasurement = null;
    }

    // Runs a change as the signed-in user; a refusal the user can act on shows above the page.
    private async Task RunAsync(Func<string, Task> change)
    {
        (_busy, _message) = (true, null);
        var userId = await AuthenticationState.RequiredUserIdAsync();
        _message = await PageChange.RefusalAsync(() => change(userId));
        _busy = false;
    }

    internal static int Decimals(KpiKind kind) => kind == KpiKind.Ces ? 2 : 1;

    internal static string Format(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string StatusClass(KpiStatus status) => status switch
    {
        KpiStatus.Met => "cx-flag cx-flag--success",
        KpiStatus.NotMet => "cx-flag cx-flag--warning",
        _ => "cx-flag",
    };

    private static string TrendText(KpiView kpi, int decimals) => kpi.Trend switch
    {
        { Kind: KpiTrendKind.None } => kpi.Latest is null ? "not measured yet" : "first measurement",
        var trend => TrendText(trend, decimals),
    };

    // The arrow follows the value (up or down); the word says whether that is better or worse.
    private static string TrendText(KpiTrend trend, int decimals) => trend.Kind switch
    {
        KpiTrendKind.None => "first measurement",
        KpiTrendKind.Unchanged => "unchanged",
        KpiTrendKind.NoSignificantChange =>
            $"no significant change ({Signed(trend.Change, decimals)}, within ± {Format(trend.CombinedMargin, decimals)})",
        KpiTrendKind.Better => $"{Arrow(trend.Change)} better ({Signed(trend.Change, decimals)})",
        _ => $"{Arrow(trend.Change)} worse ({Signed(trend.Change, decimals)})",
    };

    private static string Arrow(double change) => change > 0 ? "▲" : "▼";

    private static string Signed(double change, int decimals) => (change > 0 ? "+" : "") + Format(change, decimals);

    private static string Frequency(MeasurementFrequency frequency) => frequency.ToString().ToLowerInvariant();
}
