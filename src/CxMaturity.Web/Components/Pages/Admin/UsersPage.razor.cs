using CxMaturity.Web.Components.Shared;
using CxMaturity.Web.Features.Administration;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace CxMaturity.Web.Components.Pages.Admin;

public sealed partial class UsersPage
{
    private UserListView? _list;
    private PageProblem? _problem;
    private string _search = "";
    private string? _userId;
    private PendingAction? _pending;
    private PasswordResetLinkView? _resetLink;
    private string? _notice;
    private string? _error;
    private bool _busy;
    private bool _copied;

    /// <summary>The search, in the address so that a search can be bookmarked and paged.</summary>
    [SupplyParameterFromQuery(Name = "q")] public string? Search { get; set; }

    [SupplyParameterFromQuery(Name = "page")] public int? PageNumber { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private UserAdministrationService Users { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    private enum UserAction
    {
        Lock,
        MakeAdministrator,
        RevokeAdministrator,
    }

    protected override async Task OnParametersSetAsync()
    {
        (_search, _notice, _error, _resetLink) = (Search ?? "", null, null, null);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _problem = await PageLoad.TryAsync(async () =>
            {
                _userId = await AuthenticationState.RequiredUserIdAsync();
                _list = await Users.ListAsync(_userId, Search, PageNumber ?? 1);
            });
        }
        catch (ValidationException e)
        {
            (_list, _error) = (null, Formats.Messages(e));
        }
    }

    private void ApplySearch() => Navigation.NavigateTo(Link(_search.Trim(), 1));

    private string PageLink(int page) => Link(_list?.Search ?? "", page);

    private static string Link(string search, int page) => SearchLinks.To("admin/users", search, page);

    private static string CountText(UserListView list)
    {
        var users = list.Total == 1 ? "1 user" : $"{list.Total} users";
        return list.Search.Length == 0 ? $"{users}."
            : list.Total == 0 ? $"No user matches “{list.Search}”."
            : $"{users} {(list.Total == 1 ? "matches" : "match")} “{list.Search}”.";
    }

    private void Ask(UserRowView user, UserAction action) => (_pending, _notice, _error) = (new PendingAction(user, action), null, null);

    private Task ConfirmAsync() => _pending is { } pending
        ? pending.Action switch
        {
            UserAction.Lock => ActAsync(id => Users.LockAsync(id, pending.User.Id), $"{pending.User.Email} is locked out."),
            UserAction.RevokeAdministrator => ActAsync(id => Users.RevokeAdministratorAsync(id, pending.User.Id), $"{pending.User.Email} is no longer an administrator."),
            _ => ActAsync(id => Users.MakeAdministratorAsync(id, pending.User.Id), $"{pending.User.Email} is now an administrator."),
        }
        : Task.CompletedTask;

    private Task UnlockAsync(UserRowView user) => ActAsync(id => Users.UnlockAsync(id, user.Id), $"{user.Email} can sign in again.");

    private async Task ResetLinkAsync(UserRowView user)
    {
        _copied = false;
        await ActAsync(async id => _resetLink = await Users.CreatePasswordResetLinkAsync(id, user.Id), null);
    }

    // Runs one action, says how it went, then shows the list as it now is.
    private async Task ActAsync(Func<string, Task> action, string? done)
    {
        (_busy, _notice, _error, _resetLink) = (true, null, null, null);
        try
        {
            await action(await AuthenticationState.RequiredUserIdAsync());
            _notice = done;
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or NotFoundException or ConcurrencyConflictException)
        {
            _error = e.Message;
        }
        finally
        {
            (_busy, _pending) = (false, null);
        }

        await LoadAsync();
    }

    private async Task CopyAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", _resetLink?.Link ?? "");
            _copied = true;
        }
        catch (JSException)
        {
            // The clipboard can be refused (plain http, permissions); the link stays on screen to copy by hand.
            _copied = false;
        }
    }

    private static string ConfirmTitle(PendingAction pending) => pending.Action switch
    {
        UserAction.Lock => $"Lock out {pending.User.Email}?",
        UserAction.RevokeAdministrator => $"Revoke {pending.User.Email}'s administrator role?",
        _ => $"Make {pending.User.Email} a site administrator?",
    };

    private static string ConfirmText(UserAction action) => action switch
    {
        UserAction.Lock => "Lock out",
        UserAction.RevokeAdministrator => "Revoke",
        _ => "Make administrator",
    };

    private sealed record PendingAction(UserRowView User, UserAction Action);
}
