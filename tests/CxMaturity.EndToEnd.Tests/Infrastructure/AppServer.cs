using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using CxMaturity.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel (a browser needs a socket; TestServer opens none) in Development with the demo data,
/// over its own SQLite file in a temporary data directory.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cx-e2e-" + Guid.NewGuid().ToString("N"));

    public AppServer() => UseKestrel(0);

    /// <summary>The emails the app has sent: with no SMTP server configured, the .eml files in its outbox.</summary>
    public string Outbox => Path.Combine(_dataDirectory, "outbox");

    /// <summary>How often each round has been scored, for tests of what a page reads.</summary>
    public ScoringWatch Scorings { get; } = new();

    public string BaseUrl
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
                ?? throw new InvalidOperationException("Kestrel reported no addresses.");
            return addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Data:Directory", _dataDirectory);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<AppDbContext>((_, options) => options.AddInterceptors(Scorings)));
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
