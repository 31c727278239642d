using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.LoadHarness.Server;

/// <summary>
/// The real app on Kestrel over its own SQLite file in a temporary data directory, plus what the harness needs to
/// look inside: a circuit counter, server-side metrics and the <c>/__harness</c> control endpoints.
/// </summary>
public sealed class AppHost(string environment) : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cx-load-" + Guid.NewGuid().ToString("N"));

    public string Environment { get; } = environment;

    public string BaseUrl
    {
        get
        {
            UseKestrel(0);
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
                ?? throw new InvalidOperationException("Kestrel reported no addresses.");
            return addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);

        // Outside Development the app expects published static files in wwwroot; the harness runs from the build
        // output, so it maps them from the build's static web assets manifest as Development would.
        builder.UseStaticWebAssets();
        builder.UseSetting("Data:Directory", _dataDirectory);
        builder.UseSetting("Demo:Enabled", Environment == "Development" ? "true" : "false");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("App:PublicUrl", "http://127.0.0.1/");
        builder.UseSetting("AllowedHosts", "127.0.0.1");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<CircuitCounter>();
            services.AddScoped<CircuitHandler, CountingCircuitHandler>();
            services.AddSingleton<ServerMetrics>();
            services.AddSingleton<IStartupFilter, ControlEndpoints>();
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean; the directory is under /tmp.
        }
    }
}
