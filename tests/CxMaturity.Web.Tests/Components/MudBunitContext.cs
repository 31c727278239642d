using Bunit;
using MudBlazor.Services;

namespace CxMaturity.Web.Tests.Components;

/// <summary>
/// A bUnit context with MudBlazor's services and loose JS interop. Some MudBlazor services can only be disposed
/// asynchronously, and xunit 2 disposes test classes synchronously, so the container is disposed here through
/// <see cref="IAsyncLifetime"/> first.
/// </summary>
public abstract class MudBunitContext : BunitContext, IAsyncLifetime
{
    protected MudBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
