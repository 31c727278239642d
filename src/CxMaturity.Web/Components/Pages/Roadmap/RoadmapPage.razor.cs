using CxMaturity.Web.Components.Layout;
using CxMaturity.Web.Components.Shared;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Roadmap;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CxMaturity.Web.Components.Pages.Roadmap;

public sealed partial class RoadmapPage
{
    private RoadmapView? _roadmap;
    private ProblemKind? _problem;
    private string? _problemMessage;
    private string? _message;
    private bool _conflict;
    private bool _busy;

    [Parameter] public int RoundId { get; set; }

    /// <summary>The key of the roadmap read while prerendering, for the interactive render to take.</summary>
    [PersistentState] public string? Prerendered { get; set; }

    [Inject] private PrerenderHandOff HandOff { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [CascadingParameter] private ShellState? Shell { get; set; }

    [Inject] private RoadmapService Roadmaps { get; set; } = default!;

    [Inject] private ProjectService Projects { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        (_problem, _problemMessage, _message, _conflict) = (null, null, null, false);
        var problem = await PageLoad.TryAsync(async () =>
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            var kept = HandOff.Take<RoadmapView>(Prerendered, userId);
            _roadmap = kept?.RoundId == RoundId ? kept : await Roadmaps.GetRoadmapAsync(userId, RoundId);
            Prerendered = RendererInfo.IsInteractive ? null : HandOff.Keep(userId, _roadmap);
            Shell?.SetOrganisation(_roadmap.OrganisationId, _roadmap.OrganisationName, _roadmap.YourRole);
        });
        (_problem, _problemMessage) = (problem?.Kind, problem?.Kind == ProblemKind.Forbidden ? problem.Message : null);
    }

    private async Task LoadAsync()
    {
        var userId = await AuthenticationState.RequiredUserIdAsync();
        _roadmap = await Roadmaps.GetRoadmapAsync(userId, RoundId);
        Shell?.SetOrganisation(_roadmap.OrganisationId, _roadmap.OrganisationName, _roadmap.YourRole);
    }

    private async Task ReloadAsync()
    {
        (_message, _conflict) = (null, false);
        await RunAsync(LoadAsync);
    }

    private Task ChangeAsync((RoadmapItemView Item, RoadmapItemUpdate Update) change) =>
        RunAsync(async () =>
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            _roadmap = await Roadmaps.UpdateItemAsync(userId, RoundId, change.Item.InitiativeId, change.Update);
            Snackbar.Add($"Saved “{change.Item.Title}”.", Severity.Success);
        });

    private Task TurnIntoProjectAsync(RoadmapItemView item) =>
        RunAsync(async () =>
        {
            var userId = await AuthenticationState.RequiredUserIdAsync();
            var project = await Projects.CreateFromRoadmapItemAsync(userId, RoundId, item.InitiativeId);
            _roadmap = await Roadmaps.GetRoadmapAsync(userId, RoundId);
            Snackbar.Add($"Project #{project.Id} “{project.Title}” created and linked to the item.", Severity.Success);
        });

    // Every action reports what went wrong in a sentence above the lanes; a concurrent edit offers a reload.
    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _message = null;
        try
        {
            await action();
            _conflict = false;
        }
        catch (ConcurrencyConflictException e)
        {
            (_message, _conflict) = (e.Message, true);
        }
        catch (ValidationException e)
        {
            _message = Formats.Messages(e);
        }
        catch (Exception e) when (e is ConflictException or NotFoundException or ForbiddenException)
        {
            (_message, _conflict) = (e.Message, e is NotFoundException);
        }
        finally
        {
            _busy = false;
        }
    }
}
