using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Components.Layout;
using CxMaturity.Web.Components.Shared;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Assessments;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Organisations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CxMaturity.Web.Components.Pages.Organisations;

public sealed partial class Organisation
{
    private OrganisationView? _organisation;
    private LatestResult? _latest;
    private ProblemKind? _problem;
    private bool _showNewRound;
    private bool _creatingRound;
    private IReadOnlyDictionary<string, string[]>? _roundErrors;
    private string _memberEmail = "";
    private OrganisationRole _memberRole = OrganisationRole.Viewer;
    private string? _memberError;
    private bool _addingMember;

    [Parameter] public int OrganisationId { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [CascadingParameter] private ShellState? Shell { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _problem = null;
        _latest = null;
        _showNewRound = false;
        try
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            _organisation = await Organisations.GetAsync(userId, OrganisationId);
            Shell?.SetOrganisation(_organisation.Id, _organisation.Name, _organisation.YourRole);
            _latest = await LatestResultAsync(userId, _organisation);
        }
        catch (NotFoundException)
        {
            _problem = ProblemKind.NotFound;
        }
        catch (ForbiddenException)
        {
            _problem = ProblemKind.Forbidden;
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

        var round = organisation.Rounds.FirstOrDefault(r => r.Status == RoundStatus.Closed && r.RespondentsSubmitted > 0)
            ?? organisation.Rounds.FirstOrDefault(r => r.RespondentsSubmitted > 0);
        if (round is null)
        {
            return null;
        }

        var results = await Assessments.GetResultsAsync(userId, round.Id);
        return new LatestResult(round.Id, round.Name, results.Model, results.Result, results.RespondentsTotal);
    }

    private async Task CreateRoundAsync(CreateRoundRequest request)
    {
        _creatingRound = true;
        _roundErrors = null;
        try
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            var round = await Assessments.CreateRoundAsync(userId, OrganisationId, request);
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
        try
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            await Organisations.AddMemberAsync(userId, OrganisationId, _memberEmail, _memberRole);
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

    private sealed record LatestResult(int RoundId, string RoundName, MaturityModel Model, RoundResult Result, int RespondentsTotal);
}
