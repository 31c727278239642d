using System.Net;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxMaturity.Web.Tests.Startup;

/// <summary>What the app checks before it serves anything.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _contentDirectory = Path.Combine(Path.GetTempPath(), "cxmaturity-tests", "content-" + Guid.NewGuid().ToString("N"));
    private readonly CapturingLoggerProvider _log = new();

    [Fact]
    public async Task Invalid_content_stops_the_start_with_every_problem_listed()
    {
        var model = Path.Combine(_contentDirectory, "models", "broken");
        Directory.CreateDirectory(model);
        await File.WriteAllTextAsync(Path.Combine(model, "model.md"), "---\nid: broken\nversion: 1.0.0\n---\nIntroduction.\n");
        await using var factory = FactoryWithContent();

        Assert.ThrowsAny<Exception>(() => factory.Services);

        // The operator reads why in the log (which exception reaches the caller of a failed start varies).
        Assert.Contains("models/broken/model.md", _log.Text);
        Assert.Contains("models/broken/dimensions", _log.Text);
    }

    [Fact]
    public async Task A_content_folder_that_does_not_exist_stops_the_start_with_a_sentence()
    {
        await using var factory = FactoryWithContent();

        Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains($"The content folder '{_contentDirectory}' does not exist. Set Content:Directory", _log.Text);
    }

    [Fact]
    public async Task The_background_job_dashboard_sends_anonymous_visitors_to_sign_in()
    {
        await using var factory = new CxWebApplicationFactory();

        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
    }

    public void Dispose()
    {
        if (Directory.Exists(_contentDirectory))
        {
            Directory.Delete(_contentDirectory, recursive: true);
        }
    }

    private CxWebApplicationFactory FactoryWithContent() => new()
    {
        Settings = { ["Content:Directory"] = _contentDirectory },
        ConfigureServices = services => services.AddSingleton<ILoggerProvider>(_log),
    };
}
