using System.Globalization;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Assessment.Workbooks;
using CxMaturity.Web.Components.Layout;
using CxMaturity.Web.Components.Shared;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Features.Workbooks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace CxMaturity.Web.Components.Pages.Workbooks;

/// <summary>
/// Questionnaire workbooks of a round for Owner and CX lead: download them blank or per respondent, and import a
/// filled one. The file is read into memory (at most 10 MB) and inspected first, so that the page can ask whose
/// answers a blank workbook holds and for confirmation before a submitted questionnaire is replaced; nothing is
/// saved until "Import answers". Reading and importing run off the circuit's thread behind a progress bar.
/// </summary>
public sealed partial class ImportQuestionnaire
{
    private RoundView? _round;
    private ProblemKind? _problem;
    private string? _problemMessage;
    private int? _downloadFor;
    private string? _fileName;
    private byte[]? _content;
    private string? _fileError;
    private string? _working;
    private QuestionnaireInspection? _inspection;
    private QuestionnaireImportOutcome? _outcome;
    private bool _confirmationRequired;
    private bool _newRespondent;
    private int? _importFor;
    private string _name = "";
    private string _email = "";
    private string _group = "";
    private bool _confirmOverwrite;
    private bool _submit = true;

    [Parameter] public int RoundId { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [CascadingParameter] private ShellState? Shell { get; set; }

    [Inject] private RoundService Rounds { get; set; } = default!;

    [Inject] private WorkbookService Workbooks { get; set; } = default!;

    private bool Busy => _working is not null;

    private IReadOnlyList<ImportProblemView>? Problems => _outcome?.Problems is { Count: > 0 } refused ? refused : _inspection?.Problems;

    /// <summary>The respondent whose submitted answers the import would replace, if any.</summary>
    private (string Name, DateTime? On)? OverwriteNeeded
    {
        get
        {
            if (_inspection is null)
            {
                return null;
            }

            if (!_inspection.IsBlank)
            {
                return _inspection.RespondentStatus == RespondentStatus.Submitted
                    ? (_inspection.RespondentName ?? "The respondent", _inspection.RespondentSubmittedUtc)
                    : null;
            }

            var chosen = _newRespondent ? null : _round?.Respondents?.FirstOrDefault(r => r.Id == _importFor);
            return chosen is { Status: RespondentStatus.Submitted } ? (chosen.Name, chosen.SubmittedUtc) : _confirmationRequired ? ("The respondent", null) : null;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var problem = await PageLoad.TryAsync(LoadRoundAsync);
        (_problem, _problemMessage) = (problem?.Kind, problem?.Kind == ProblemKind.Forbidden ? problem.Message : null);
        if (_problem is null && !_round!.YourRole.CanManage())
        {
            (_problem, _problemMessage) = (ProblemKind.Forbidden, "Only the Owner and CX leads download and import questionnaire workbooks.");
        }
    }

    private async Task LoadRoundAsync()
    {
        var userId = await AuthenticationState.RequiredUserIdAsync();
        _round = await Rounds.GetRoundAsync(userId, RoundId);
        Shell?.SetOrganisation(_round.OrganisationId, _round.OrganisationName, _round.YourRole);
        var first = _round.Respondents?.FirstOrDefault()?.Id;
        _downloadFor ??= first;
        _importFor ??= first;
        _newRespondent = first is null;
        if (!_round.RespondentGroups.Contains(_group))
        {
            _group = _round.RespondentGroups.FirstOrDefault() ?? "";
        }
    }

    private async Task ChooseFileAsync(IBrowserFile? file)
    {
        (_fileName, _content, _fileError, _inspection, _outcome) = (file?.Name, null, null, null, null);
        (_confirmationRequired, _confirmOverwrite) = (false, false);
        if (file is null)
        {
            return;
        }

        if (file.Size > QuestionnaireImporter.MaxFileBytes)
        {
            _fileError = string.Create(CultureInfo.InvariantCulture,
                $"“{file.Name}” is {file.Size / (1024.0 * 1024.0):0.0} MB; questionnaire workbooks over {QuestionnaireImporter.MaxFileBytes / (1024 * 1024)} MB are refused. A filled questionnaire is far smaller: remove anything pasted into it and save it again.");
            return;
        }

        _working = $"Reading “{file.Name}”…";
        StateHasChanged();
        try
        {
            await using var upload = file.OpenReadStream(QuestionnaireImporter.MaxFileBytes);
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer);
            _content = buffer.ToArray();

            var userId = await AuthenticationState.RequiredUserIdAsync();
            _inspection = await Workbooks.InspectQuestionnaireAsync(userId, RoundId, new MemoryStream(_content), file.Name);

            // Handing in is offered, not assumed, while questions are still empty: a half-filled workbook is more
            // often a draft than a respondent's last word.
            _submit = _inspection is { IsValid: true, Unanswered: 0 };
        }
        catch (IOException)
        {
            _fileError = $"“{file.Name}” could not be read from your browser. Choose it again.";
        }
        catch (ExportsBusyException e)
        {
            _fileError = e.Message;
        }
        finally
        {
            _working = null;
        }
    }

    private async Task ImportAsync()
    {
        if (_content is null || _fileName is null)
        {
            return;
        }

        _working = "Importing the answers…";
        _outcome = null;
        StateHasChanged();
        try
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            var blank = _inspection?.IsBlank == true;
            var request = new QuestionnaireImportRequest(
                new MemoryStream(_content),
                _fileName,
                blank && !_newRespondent ? _importFor : null,
                blank && _newRespondent ? new NewRespondentInput(_name, _email, _group) : null,
                _confirmOverwrite,
                _submit);
            _outcome = await Workbooks.ImportQuestionnaireAsync(userId, RoundId, request);
            _confirmationRequired = _outcome.ConfirmationRequired;
            if (_outcome.Succeeded)
            {
                await LoadRoundAsync();
            }
        }
        catch (Exception e) when (e is ConflictException or ConcurrencyConflictException or ExportsBusyException)
        {
            _outcome = QuestionnaireImportOutcome.Refused([ImportProblemView.File(e.Message)]);
        }
        finally
        {
            _working = null;
        }
    }
}
