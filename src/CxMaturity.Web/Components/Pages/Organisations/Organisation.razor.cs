using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Components.Layout;
using CxMaturity.Web.Components.Shared;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Results;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Dashboard;
using CxMaturity.Web.Features.Organisations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CxMaturity.Web.Components.Pages.Organisations;

public sealed partial class Organisation
{
    private OrganisationView? _organisation;
    private LatestResult? _latest;
    private TrendView? _trend;
    private Features.Kpis.KpiListView? _kpis;
    private Features.Projects.ProjectListView? _projects;
    private Features.CustomerGaps.CustomerGapRegisterView? _gaps;
    private string _groups = "";
    private IReadOnlyDictionary<string, string[]>? _groupErrors;
    private bool _savingGroups;
    private bool _groupsSaved;
    private ProblemKind? _problem;
    private bool _showNewRound;
    private bool _creatingRound;
    private IReadOnlyDictionary<string, string[]>? _roundErrors;
    private string _memberEmail = "";
    private OrganisationRole _memberRole = OrganisationRole.Viewer;
    private string? _memberError;
    private string? _memberNotice;
    private bool _addingMember;
    private bool _changingMembers;
    private MemberView? _confirmRemoval;
    private string? _userId;
    private int _memberRows; // a new value re-creates the rows, so a refused role change shows the role kept

    [Parameter] public int OrganisationId { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [CascadingParameter] private ShellState? Shell { get; set; }

    [Inject] private RoundService Rounds { get; set; } = default!;

    [Inject] private ResultsService ResultsService { get; set; } = default!;

    [Inject] private TrendService Trends { get; set; } = default!;

    [Inject] private Features.Kpis.KpiService Kpis { get; set; } = default!;

    [Inject] private Features.Projects.ProjectService Projects { get; set; } = default!;

    [Inject] private Features.CustomerGaps.CustomerGapService Gaps { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _problem = null;
        _latest = null;
        _trend = null;
        (_kpis, _projects, _gaps) = (null, null, null);
        _showNewRound = false;
        _problem = (await PageLoad.TryAsync(async () =>
        {
            var userId = _userId = await AuthenticationState.RequiredUserIdAsync();
            _organisation = await Organisations.GetAsync(userId, OrganisationId);
            Shell?.SetOrganisation(_organisation.Id, _organisation.Name, _organisation.YourRole);
            _groups = string.Join('\n', _organisation.RespondentGroups);
            _latest = await LatestResultAsync(userId, _organisation);
            _trend = _organisation.YourRole.CanRead() ? await Trends.GetTrendAsync(userId, OrganisationId) : null;
            if (_organisation.YourRole.CanRead())
            {
                // The dashboard's governance tiles and the maturity-and-outcomes chart.
                _kpis = await Kpis.ListAsync(userId, OrganisationId);
                _projects = await Projects.ListBoardAsync(userId, OrganisationId);
                _gaps = await Gaps.GetRegisterAsync(userId, OrganisationId);
            }
        }))?.Kind;
    }

    private async Task SaveGroupsAsync()
    {
        (_savingGroups, _groupErrors, _groupsSaved) = (true, null, false);
        try
        {
            var groups = _groups.Split('\n').Select(g => g.Trim()).Where(g => g.Length > 0).ToList();
            _organisation = await Organisations.SetRespondentGroupsAsync(_userId!, OrganisationId, groups, _organisation!.Version);
            _groups = string.Join('\n', _organisation.RespondentGroups);
            _groupsSaved = true;
        }
        catch (ValidationException e)
        {
            _groupErrors = e.Errors;
        }
        catch (Exception e) when (e is ConcurrencyConflictException or ForbiddenException)
        {
            _groupErrors = new Dictionary<string, string[]> { [""] = [e.Message] };
        }
        finally
        {
            _savingGroups = false;
        }
    }

    private string RoundLink(int roundId) =>
        _organisation?.YourRole == OrganisationRole.Respondent ? $"rounds/{roundId}/questionnaire" : $"rounds/{roundId}";

    private async Task<LatestResult?> LatestResultAsync(string userId, OrganisationView organisation)
    {
        if (!OrganisationRoles.Readers.Contains(organisation.YourRole))
        {
            return null;
        }

        var round = RoundRules.LatestWithResults(organisation.Rounds, r => r.Status, r => r.RespondentsSubmitted ?? 0);
        if (round is null)
        {
            return null;
        }

        var results = await ResultsService.GetResultsAsync(userId, round.Id);
        return new LatestResult(round.Id, round.Name, results.Model, results.Result, results.RespondentsTotal);
    }

    private async Task CreateRoundAsync(CreateRoundRequest request)
    {
        _creatingRound = true;
        _roundErrors = null;
        try
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            var round = await Rounds.CreateRoundAsync(userId, OrganisationId, request);
            Navigation.NavigateTo($"rounds/{round.Id}");
        }
        catch (ValidationException e)
        {
            _roundErrors = e.Errors;
        }
        catch (ForbiddenException e)
        {
            _roundErrors = new Dictionary<string, string[]> { [""] = [e.Message] };
        }
        finally
        {
            _creatingRound = false;
        }
    }

    private async Task AddMemberAsync()
    {
        _addingMember = true;
        _memberError = null;
        _memberNotice = null;
        try
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            var added = await Organisations.AddMemberAsync(userId, OrganisationId, _memberEmail, _memberRole);
            _memberNotice = $"{added.Email} was added as {added.Role.DisplayName()}.";
            _memberEmail = "";
            _organisation = await Organisations.GetAsync(userId, OrganisationId);
        }
        catch (ValidationException e)
        {
            _memberError = Formats.Messages(e);
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException)
        {
            _memberError = e.Message;
        }
        finally
        {
            _addingMember = false;
        }
    }

    private async Task ChangeRoleAsync(MemberView member, object? value)
    {
        if (!Enum.TryParse<OrganisationRole>(value as string, out var role) || role == member.Role)
        {
            return;
        }

        await ChangeMembersAsync(
            userId => Organisations.ChangeMemberRoleAsync(userId, OrganisationId, member.UserId, role),
            $"{member.Email} is now {role.DisplayName()}.");
    }

    private Task RemoveMemberAsync(MemberView member) =>
        ChangeMembersAsync(
            userId => Organisations.RemoveMemberAsync(userId, OrganisationId, member.UserId),
            $"{member.Email} is no longer a member.");

    // Runs one change to the member list, then shows the list as it now is. An Owner who removed themselves no
    // longer has the organisation to look at; one who stepped down sees the page as their new role does.
    private async Task ChangeMembersAsync(Func<string, Task> change, string done)
    {
        _changingMembers = true;
        _memberError = null;
        _memberNotice = null;
        _confirmRemoval = null;
        var userId = await AuthenticationState.RequiredUserIdAsync();
        try
        {
            await change(userId);
            _memberNotice = done;
        }
        catch (Exception e) when (e is ValidationException or ConflictException or ForbiddenException or NotFoundException)
        {
            _memberError = e is ValidationException validation ? Formats.Messages(validation) : e.Message;
            _memberRows++;
        }
        finally
        {
            _changingMembers = false;
        }

        try
        {
            _organisation = await Organisations.GetAsync(userId, OrganisationId);
            Shell?.SetOrganisation(_organisation.Id, _organisation.Name, _organisation.YourRole);
        }
        catch (NotFoundException)
        {
            Navigation.NavigateTo("");
        }
    }

    private sealed record LatestResult(int RoundId, string RoundName, MaturityModel Model, RoundResult Result, int RespondentsTotal);
}
