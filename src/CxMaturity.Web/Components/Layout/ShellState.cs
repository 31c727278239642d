using CxMaturity.Web.Data;

namespace CxMaturity.Web.Components.Layout;

/// <summary>
/// What the shell shows around a page: the organisation the user is working in (pages that belong to one set it)
/// and a request to reload the organisation list after a page changed it. Cascaded by <see cref="MainLayout"/>,
/// which lives for the whole circuit, so the choice survives navigation.
/// </summary>
public sealed class ShellState
{
    public int? OrganisationId { get; private set; }

    public string? OrganisationName { get; private set; }

    public OrganisationRole? Role { get; private set; }

    public event Action? Changed;

    public event Func<Task>? OrganisationsChanged;

    public void SetOrganisation(int id, string name, OrganisationRole role)
    {
        if (OrganisationId == id && OrganisationName == name && Role == role)
        {
            return;
        }

        (OrganisationId, OrganisationName, Role) = (id, name, role);
        Changed?.Invoke();
    }

    /// <summary>Tells the shell that the user's organisations changed (one was created or joined).</summary>
    public Task NotifyOrganisationsChangedAsync() => OrganisationsChanged?.Invoke() ?? Task.CompletedTask;
}
