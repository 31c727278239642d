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

    [Theory]
    [InlineData(null, "cx.example.com", "App:PublicUrl is not set: set it to the address people open CxMaturity at")]
    [InlineData("cx.example.com", "cx.example.com", "App:PublicUrl 'cx.example.com' is not an absolute http or https address")]
    [InlineData("https://cx.example.com/", "*", "AllowedHosts is '*', which accepts requests for any host name: set it to the host names CxMaturity is reached at, separated by ';', e.g. \"cx.example.com\".")]
    [InlineData("https://cx.example.com/", "cx.example.com;*", "AllowedHosts is 'cx.example.com;*'")]
    [InlineData("https://cx.example.com/", null, "AllowedHosts is not set")]
    public async Task Outside_development_the_app_refuses_to_start_without_its_public_address_or_open_to_any_host(
        string? publicUrl, string? allowedHosts, string sentence)
    {
        await using var factory = new CxWebApplicationFactory
        {
            EnvironmentName = "Production",
            Settings = { ["App:PublicUrl"] = publicUrl, ["AllowedHosts"] = allowedHosts },
        };

        var refusal = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains(sentence, Messages(refusal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_app_starts_with_its_public_address_and_host_names_set()
    {
        await using var factory = new CxWebApplicationFactory
        {
            EnvironmentName = "Production",
            Settings = { ["App:PublicUrl"] = "https://cx.example.com/", ["AllowedHosts"] = "localhost;cx.example.com" },
        };

        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/Account/Login");

        // A new installation sends every page to the first-run set-up.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location?.AbsolutePath);
    }

    public void Dispose()
    {
        if (Directory.Exists(_contentDirectory))
        {
            Directory.Delete(_contentDirectory, recursive: true);
        }
    }

    private static string Messages(Exception exception) => exception switch
    {
        AggregateException aggregate => string.Join("\n", aggregate.InnerExceptions.Select(Messages)),
        { InnerException: { } inner } => exception.Message + "\n" + Messages(inner),
        _ => exception.Message,
    };

    private CxWebApplicationFactory FactoryWithContent() => new()
    {
        Settings = { ["Content:Directory"] = _contentDirectory },
        ConfigureServices = services => services.AddSingleton<ILoggerProvider>(_log),
    };
}
