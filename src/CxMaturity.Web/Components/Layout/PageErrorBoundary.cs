using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;

namespace CxMaturity.Web.Components.Layout;

/// <summary>The layouts' error boundary: a page that failed does not stay failed once the user goes elsewhere.</summary>
public sealed class PageErrorBoundary : ErrorBoundary, IDisposable
{
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(Recover);
}
