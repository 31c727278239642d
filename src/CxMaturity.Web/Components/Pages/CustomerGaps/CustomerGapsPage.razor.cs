using System.Globalization;
using CxMaturity.Web.Components.Layout;
using CxMaturity.Web.Components.Shared;
using CxMaturity.Web.Features.CustomerGaps;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CxMaturity.Web.Components.Pages.CustomerGaps;

/// <summary>
/// The customer-gap register (docs/RULES.md §8.5): the Pareto of root causes as chart and table, the problems with a
/// filter, and for Owners and CX leads adding, editing, importing a CSV list and setting the categories.
/// </summary>
public sealed partial class CustomerGapsPage
{
    private const int MaxListBytes = 4 * 1024 * 1024;
    private CustomerGapRegisterView? _register;
    private ProblemKind? _problem;
    private string? _message;
    private bool _busy;
    private string _title = "", _source = "", _cause = "", _score = "", _filter = "", _listText = "", _causesText = "";
    private CustomerGapView? _editing;
    private CustomerGapView? _deleting;
    private IReadOnlyDictionary<string, string[]>? _errors;
    private IReadOnlyDictionary<string, string[]>? _causeErrors;
    private CustomerGapListCheckView? _check;
    private byte[]? _listFile;
    private int _shown = 100;

    [Parameter] public int OrganisationId { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [CascadingParameter] private ShellState? Shell { get; set; }

    [Inject] private CustomerGapService Gaps { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<ParetoBar> Bars =>
        [.. _register!.Pareto.Select(c => new ParetoBar(c.RootCause, c.Score, c.CumulativeShare, c.VitalFew))];

    protected override async Task OnParametersSetAsync() => _problem = (await PageLoad.TryAsync(LoadAsync))?.Kind;

    private async Task LoadAsync()
    {
        _register = await Gaps.GetRegisterAsync(await AuthenticationState.RequiredUserIdAsync(), OrganisationId);
        Shell?.SetOrganisation(_register.OrganisationId, _register.OrganisationName, _register.YourRole);
        _causesText = string.Join('\n', _register.RootCauses);
        if (!_register.RootCauses.Contains(_cause))
        {
            _cause = _register.RootCauses.FirstOrDefault() ?? "";
        }
    }

    private void StartEdit(CustomerGapView gap)
    {
        _editing = gap;
        (_title, _source, _cause, _score, _errors) = (gap.Title, gap.Source, gap.RootCause, Number(gap.Score), null);
    }

    private void ClearForm()
    {
        _editing = null;
        (_title, _source, _score, _errors) = ("", "", "", null);
    }

    private async Task SaveGapAsync()
    {
        double? score = _score.Trim().Length == 0 ? null
            : Numbers.TryParse(_score, out var s) ? s : double.NaN;
        var request = new CustomerGapRequest(_title, _cause, _source, score);
        await RunAsync(async userId =>
        {
            try
            {
                _ = _editing is { } editing
                    ? await Gaps.UpdateAsync(userId, OrganisationId, editing.Id, request, editing.Version)
                    : await Gaps.AddAsync(userId, OrganisationId, request);
                ClearForm();
                await LoadAsync();
            }
            catch (ValidationException e)
            {
                _errors = e.Errors;
            }
        });
    }

    private async Task DeleteAsync()
    {
        if (_deleting is not { } gap)
        {
            return;
        }

        await RunAsync(async userId =>
        {
            await Gaps.DeleteAsync(userId, OrganisationId, gap.Id);
            await LoadAsync();
        });
        _deleting = null;
    }

    private async Task ListFileChosenAsync(InputFileChangeEventArgs e)
    {
        _check = null;
        try
        {
            using var buffer = new MemoryStream();
            await e.File.OpenReadStream(MaxListBytes).CopyToAsync(buffer);
            _listFile = buffer.ToArray();
            await CheckListAsync();
        }
        catch (IOException)
        {
            _message = $"The file is larger than {MaxListBytes / 1024 / 1024} MB; split the list.";
        }
    }

    private byte[] ListContent() => _listFile ?? System.Text.Encoding.UTF8.GetBytes(_listText);

    private async Task CheckListAsync() =>
        await RunAsync(async userId => _check = await Gaps.CheckListAsync(userId, OrganisationId, ListContent()));

    private async Task ImportAsync()
    {
        await RunAsync(async userId =>
        {
            try
            {
                var added = await Gaps.ImportAsync(userId, OrganisationId, ListContent());
                (_check, _listText, _listFile) = (null, "", null);
                Snackbar.Add($"{added} {(added == 1 ? "problem" : "problems")} added.", Severity.Success);
                await LoadAsync();
            }
            catch (ValidationException)
            {
                _check = await Gaps.CheckListAsync(userId, OrganisationId, ListContent());
            }
        });
    }

    private async Task SaveCausesAsync()
    {
        _causeErrors = null;
        await RunAsync(async userId =>
        {
            try
            {
                var causes = _causesText.Split('\n').Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
                _register = await Gaps.SetRootCausesAsync(userId, OrganisationId, causes, _register!.Version);
                _causesText = string.Join('\n', _register.RootCauses);
                Snackbar.Add("Root-cause categories saved.", Severity.Success);
            }
            catch (ValidationException e)
            {
                _causeErrors = e.Errors;
            }
        });
    }

    private async Task RunAsync(Func<string, Task> change)
    {
        (_busy, _message) = (true, null);
        var userId = await AuthenticationState.RequiredUserIdAsync();
        _message = await PageChange.RefusalAsync(() => change(userId));
        _busy = false;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
