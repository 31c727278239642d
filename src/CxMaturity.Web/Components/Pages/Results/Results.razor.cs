using CxMaturity.Assessment.Scoring;
using CxMaturity.Assessment.Content;
using CxMaturity.Web.Components.Layout;
using CxMaturity.Web.Components.Shared;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Assessments;
using CxMaturity.Web.Features.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CxMaturity.Web.Components.Pages.Results;

public sealed partial class Results
{
    private ResultsView? _results;
    private OrganisationRole? _role;
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

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [CascadingParameter] private ShellState? Shell { get; set; }

    [Inject] private AssessmentService Assessments { get; set; } = default!;

    [Inject] private OrganisationAccess Access { get; set; } = default!;

    private bool CanManage => _role?.CanManage() == true;

    protected override async Task OnParametersSetAsync()
    {
        (_problem, _problemMessage, _drillDown) = (null, null, null);
        try
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            _results = await Assessments.GetResultsAsync(userId, RoundId, Preview == true);
            _role = await Access.FindRoleAsync(userId, _results.OrganisationId);
            if (_role is { } role)
            {
                Shell?.SetOrganisation(_results.OrganisationId, _results.OrganisationName, role);
            }

            _axes = ResultsFigures.Axes(_results);
            _currentAndTarget = ResultsFigures.CurrentAndTarget(_results);
            _byGroup = ResultsFigures.ByGroup(_results);
            _withheldGroups = [.. _results.Result.Groups.Where(g => g.Withheld).Select(g => g.Group).Distinct()];
        }
        catch (NotFoundException)
        {
            _problem = ProblemKind.NotFound;
        }
        catch (ForbiddenException e)
        {
            (_problem, _problemMessage) = (ProblemKind.Forbidden, e.Message);
        }
    }

    // The answers behind a dimension, for Owner and CX lead: every counted respondent's questionnaire, read
    // through the same service that guards it.
    private async Task DrillDownAsync(string dimensionId)
    {
        if (_results is null || _results.Model.FindDimension(dimensionId) is not { } dimension)
        {
            return;
        }

        (_drillDownLoading, _drillDown, _drillDownError) = (true, null, null);
        try
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            var round = await Assessments.GetRoundAsync(userId, RoundId);
            var counted = (round.Respondents ?? [])
                .Where(r => r.Status.Counts(_results.Result.IsPreview))
                .ToList();
            var rows = new List<AnswerSheet>(counted.Count);
            foreach (var respondent in counted)
            {
                var questionnaire = await Assessments.GetQuestionnaireAsync(userId, RoundId, respondent.Id);
                rows.Add(new AnswerSheet(respondent.Name, respondent.Group, respondent.Status, questionnaire.Answers));
            }

            _drillDown = new DrillDown(dimension, rows);
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

    private sealed record DrillDown(Dimension Dimension, IReadOnlyList<AnswerSheet> Respondents);
}
