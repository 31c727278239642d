using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Components.Layout;
using CxMaturity.Web.Components.Shared;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Invitations;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Rounds;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Microsoft.JSInterop;

namespace CxMaturity.Web.Components.Pages.Rounds;

public sealed partial class Round
{
    private RoundView? _round;
    private ProblemKind? _problem;
    private int? _myRespondentId;
    private string? _message;
    private bool _busy;
    private string _name = "";
    private string _email = "";
    private string _group = "";
    private IReadOnlyDictionary<string, string[]>? _errors;
    private Invitation? _invitation;
    private bool _copied;
    private bool _confirmClose;
    private bool _confirmDelete;
    private RespondentView? _editing;
    private string _editName = "";
    private string _editEmail = "";
    private string _editGroup = "";
    private IReadOnlyDictionary<string, string[]>? _editErrors;
    private RespondentView? _removing;
    private string _listText = "";
    private byte[]? _listFile;
    private RespondentListView? _listCheck;
    private IReadOnlyList<MemberToAddView>? _membersToAdd;
    private readonly HashSet<string> _chosenMembers = new(StringComparer.Ordinal);
    private string _membersGroup = "";
    private IReadOnlyDictionary<string, string[]>? _membersErrors;
    private InvitationProgressView? _invitations;
    private bool _confirmSend;
    private PeriodicTimer? _timer;
    private bool _settingsSaved;
    private string? _settingsMessage;
    private IReadOnlyDictionary<string, string[]>? _settingsErrors;

    private const int MaxListBytes = 2 * 1024 * 1024;

    [Parameter] public int RoundId { get; set; }

    /// <summary>The key of the round read while prerendering, for the interactive render to take.</summary>
    [PersistentState] public string? Prerendered { get; set; }

    [Inject] private PrerenderHandOff HandOff { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [CascadingParameter] private ShellState? Shell { get; set; }

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private RoundService Rounds { get; set; } = default!;

    [Inject] private RespondentService Respondents { get; set; } = default!;

    [Inject] private QuestionnaireService Questionnaires { get; set; } = default!;

    [Inject] private InvitationService Invitations { get; set; } = default!;

    // Invitees an email would go to: not members, not handed in.
    private int InviteesToEmail => _round?.Respondents?.Count(r => !r.IsMember && r.Status != RespondentStatus.Submitted) ?? 0;

    protected override async Task OnParametersSetAsync()
    {
        _problem = null;
        _invitation = null;
        var userId = await AuthenticationState.RequiredUserIdAsync();
        var mine = (await Questionnaires.ListMineAsync(userId)).FirstOrDefault(q => q.RoundId == RoundId);
        _myRespondentId = mine?.RespondentId;
        _problem = (await PageLoad.TryAsync(async () =>
        {
            var kept = HandOff.Take<RoundView>(Prerendered, userId);
            await LoadAsync(userId, kept?.Id == RoundId ? kept : null);
            Prerendered = RendererInfo.IsInteractive ? null : HandOff.Keep(userId, _round!);
        }))?.Kind;
        if (_problem == ProblemKind.Forbidden && mine is not null)
        {
            // A Respondent has no round page; their way into the round is their questionnaire.
            Navigation.NavigateTo($"rounds/{RoundId}/questionnaire", replace: true);
        }
    }

    private async Task LoadAsync(string userId, RoundView? read = null)
    {
        _round = read ?? await Rounds.GetRoundAsync(userId, RoundId);
        _invitations = _round.YourRole.CanManage() ? await Invitations.GetProgressAsync(userId, RoundId) : null;
        Shell?.SetOrganisation(_round.OrganisationId, _round.OrganisationName, _round.YourRole);
        if (!_round.RespondentGroups.Contains(_group))
        {
            _group = _round.RespondentGroups.FirstOrDefault() ?? "";
        }
    }

    private async Task CloseAsync()
    {
        await ChangeStatusAsync(Rounds.CloseRoundAsync);
        _confirmClose = false;
    }

    // What closing now leaves out: the answers of respondents who have not handed them in.
    private string CloseConsequence()
    {
        var counts = _round!.RespondentCounts;
        var (inProgress, invited) = (counts.InProgress, counts.Invited);
        if (inProgress == 0 && invited == 0)
        {
            return $"All {counts.Submitted} respondents have submitted.";
        }

        var parts = new List<string>();
        if (inProgress > 0)
        {
            parts.Add(inProgress == 1 ? "1 respondent is still in progress" : $"{inProgress} respondents are still in progress");
        }

        if (invited > 0)
        {
            parts.Add(invited == 1 ? "1 has not started" : $"{invited} have not started");
        }

        return $"{string.Join(" and ", parts)}; their answers will not count. {counts.Submitted} of {counts.Total} {(counts.Submitted == 1 ? "has" : "have")} submitted.";
    }

    private Task OpenAsync() => ChangeStatusAsync(Rounds.OpenRoundAsync);

    // The dimensions the scope is chosen from: the model's, in order.
    private IReadOnlyList<Dimension> ModelDimensions =>
        [.. (Catalog.Find(_round!.Model.Id)?.Dimensions ?? []).OrderBy(d => d.Order)];

    private async Task SaveSettingsAsync(UpdateRoundRequest request)
    {
        (_busy, _settingsSaved, _settingsMessage, _settingsErrors) = (true, false, null, null);
        try
        {
            _round = await Rounds.UpdateRoundAsync(await AuthenticationState.RequiredUserIdAsync(), RoundId, request);
            _settingsSaved = true;
        }
        catch (ValidationException e)
        {
            _settingsErrors = e.Errors;
            _settingsMessage = "Nothing was changed. " + Formats.Messages(e);
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or ConcurrencyConflictException)
        {
            _settingsMessage = e.Message + (e is ConcurrencyConflictException ? " Reload the page to see the settings as they are now." : "");
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync()
    {
        _busy = true;
        try
        {
            await Rounds.DeleteDraftAsync(await AuthenticationState.RequiredUserIdAsync(), RoundId);
            Navigation.NavigateTo($"organisations/{_round!.OrganisationId}");
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or NotFoundException)
        {
            (_message, _confirmDelete) = (e.Message, false);
        }
        finally
        {
            _busy = false;
        }
    }

    // A new draft with this round's respondents, groups, scope, targets and settings, and no answers.
    private async Task StartNextAsync()
    {
        _busy = true;
        _message = null;
        try
        {
            var round = _round!;
            const string suffix = " (next)";
            var name = (round.Name.Length + suffix.Length > FieldLimits.Name ? round.Name[..(FieldLimits.Name - suffix.Length)] : round.Name) + suffix;
            var next = await Rounds.CreateRoundAsync(
                await AuthenticationState.RequiredUserIdAsync(), round.OrganisationId,
                new CreateRoundRequest(null, name, Status: RoundStatus.Draft, StartFrom: round.Id));
            Navigation.NavigateTo($"rounds/{next.Id}");
        }
        catch (ValidationException e)
        {
            _message = Formats.Messages(e);
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException)
        {
            _message = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ChangeStatusAsync(Func<string, int, CancellationToken, Task> change)
    {
        _busy = true;
        _message = null;
        try
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            await change(userId, RoundId, CancellationToken.None);
            await LoadAsync(userId);
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or ConcurrencyConflictException)
        {
            _message = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task AddRespondentAsync()
    {
        _busy = true;
        _errors = null;
        _message = null;
        try
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            var created = await Respondents.AddRespondentAsync(userId, RoundId, new AddRespondentRequest(_name, _email, _group));
            ShowInvitation(created);
            _name = "";
            _email = "";
            await LoadAsync(userId);
        }
        catch (ValidationException e)
        {
            _errors = e.Errors;
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException)
        {
            _message = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ReissueAsync(RespondentView respondent)
    {
        _busy = true;
        _message = null;
        try
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            ShowInvitation(await Respondents.ReissueInvitationAsync(userId, RoundId, respondent.Id));
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or NotFoundException)
        {
            _message = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private void StartEdit(RespondentView respondent)
    {
        (_editing, _editName, _editEmail, _editGroup, _editErrors) = (respondent, respondent.Name, respondent.Email, respondent.Group, null);
    }

    private async Task SaveRespondentAsync()
    {
        if (_editing is not { } editing)
        {
            return;
        }

        await RunAsync(async userId =>
        {
            try
            {
                await Respondents.UpdateRespondentAsync(userId, RoundId, editing.Id, new UpdateRespondentRequest(_editName, _editEmail, _editGroup));
                _editing = null;
                await LoadAsync(userId);
            }
            catch (ValidationException e)
            {
                _editErrors = e.Errors;
            }
        });
    }

    private async Task RemoveRespondentAsync()
    {
        if (_removing is not { } removing)
        {
            return;
        }

        await RunAsync(async userId =>
        {
            await Respondents.RemoveRespondentAsync(userId, RoundId, removing.Id);
            await LoadAsync(userId);
        });
        _removing = null;
    }

    private async Task ListFileChosenAsync(InputFileChangeEventArgs e)
    {
        _listCheck = null;
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

    private async Task ShowMembersAsync()
    {
        _chosenMembers.Clear();
        _membersErrors = null;
        _membersGroup = _round?.RespondentGroups.FirstOrDefault() ?? "";
        await RunAsync(async userId => _membersToAdd = await Respondents.ListMembersToAddAsync(userId, RoundId));
    }

    private void ChooseMember(string userId, bool chosen)
    {
        if (chosen)
        {
            _chosenMembers.Add(userId);
        }
        else
        {
            _chosenMembers.Remove(userId);
        }
    }

    private async Task AddMembersAsync()
    {
        await RunAsync(async userId =>
        {
            try
            {
                var added = await Respondents.AddMembersAsync(userId, RoundId, new AddMembersRequest([.. _chosenMembers], _membersGroup));
                (_membersToAdd, _membersErrors) = (null, null);
                Snackbar.Add($"{added.Count} {(added.Count == 1 ? "member" : "members")} added.", Severity.Success);
                await LoadAsync(userId);
            }
            catch (ValidationException e)
            {
                _membersErrors = e.Errors;
            }
        });
    }

    // A chosen file wins over pasted text until the text is changed again.
    private byte[] ListContent() => _listFile ?? System.Text.Encoding.UTF8.GetBytes(_listText);

    private async Task CheckListAsync()
    {
        await RunAsync(async userId => _listCheck = await Respondents.CheckListAsync(userId, RoundId, ListContent()));
    }

    private async Task AddListAsync()
    {
        await RunAsync(async userId =>
        {
            try
            {
                var added = await Respondents.AddListAsync(userId, RoundId, ListContent());
                (_listCheck, _listText, _listFile) = (null, "", null);
                Snackbar.Add($"{added.Count} {(added.Count == 1 ? "respondent" : "respondents")} added.", Severity.Success);
                await LoadAsync(userId);
            }
            catch (ValidationException)
            {
                // Someone changed the round since the check: show the list's problems as they are now.
                _listCheck = await Respondents.CheckListAsync(userId, RoundId, ListContent());
            }
        });
    }

    // Runs a change as the signed-in user; a refusal the user can act on shows above the page.
    private async Task RunAsync(Func<string, Task> change)
    {
        (_busy, _message) = (true, null);
        var userId = await AuthenticationState.RequiredUserIdAsync();
        _message = await PageChange.RefusalAsync(() => change(userId));
        _busy = false;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _ = RefreshWhileOpenAsync();
        }
    }

    // While the round is open the page keeps itself current for the CX lead watching it: every 10 seconds, and every
    // 2 seconds while invitations are going out.
    private async Task RefreshWhileOpenAsync()
    {
        _timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        var ticks = 0;
        try
        {
            while (await _timer.WaitForNextTickAsync())
            {
                ticks++;
                if (_round is not { Status: RoundStatus.Open } round || !round.YourRole.CanManage() || _busy || _editing is not null)
                {
                    continue;
                }

                if (_invitations?.InProgress == true || ticks % 5 == 0)
                {
                    await InvokeAsync(async () =>
                    {
                        await LoadAsync(await AuthenticationState.RequiredUserIdAsync());
                        StateHasChanged();
                    });
                }
            }
        }
        catch (ObjectDisposedException)
        {
            // The page was left.
        }
    }

    public void Dispose() => _timer?.Dispose();

    private Task SendInvitationsAsync() => SendInvitationsAsync(null);

    private async Task SendInvitationsAsync(IReadOnlyCollection<int>? respondentIds)
    {
        await RunAsync(async userId =>
        {
            _invitations = await Invitations.SendAsync(userId, RoundId, respondentIds);
            Snackbar.Add(respondentIds is null ? "Invitations are on their way." : "The link is on its way.", Severity.Info);
        });
        _confirmSend = false;
    }

    private async Task RevokeAsync(RespondentView respondent)
    {
        await RunAsync(async userId =>
        {
            await Invitations.RevokeAsync(userId, RoundId, respondent.Id);
            Snackbar.Add($"{respondent.Name}'s link no longer works.", Severity.Info);
            await LoadAsync(userId);
        });
    }

    private static string InvitationState(InvitationStateView mail) => mail switch
    {
        { SentUtc: { } sent } => $"Emailed {Formats.DateTime(sent)}",
        { Skipped: { } why } => $"Email not sent: {why}",
        { LastError: { } error, NextAttemptUtc: { } next } => $"Email failed ({mail.Attempts}×): {error} Trying again at {Formats.DateTime(next)}.",
        _ => "Email waiting to go",
    };

    private void ShowInvitation(RespondentCreatedView created)
    {
        _copied = false;
        _invitation = new Invitation(created.Respondent.Name, Navigation.ToAbsoluteUri(created.InvitationPath.TrimStart('/')).ToString());
    }

    private async Task CopyAsync(string text)
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", text);
            _copied = true;
        }
        catch (JSException)
        {
            // Clipboard access can be refused (plain http, permissions); the link stays on screen to copy by hand.
            _copied = false;
        }
    }

    private sealed record Invitation(string Name, string Link);
}
