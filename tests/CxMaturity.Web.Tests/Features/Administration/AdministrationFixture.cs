using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Administration;

/// <summary>
/// One app for a class of administration tests, with a public address unlike the test server's own, so that a link
/// is seen to come from <c>App:PublicUrl</c> and not from the request. Background jobs are off: nothing else writes.
/// </summary>
public sealed class AdministrationFixture : IAsyncLifetime
{
    public const string PublicUrl = "https://cx.example.test/";

    public CxWebApplicationFactory Factory { get; } = new()
    {
        Settings = new Dictionary<string, string?> { ["App:PublicUrl"] = PublicUrl, ["Jobs:RunServer"] = "false" },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
