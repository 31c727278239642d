using System.Net;
using System.Text.Json;
using CxMaturity.Web.Data;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CxMaturity.Web.Tests.Features.Health;

/// <summary>
/// <c>/health</c> as a monitor meets it: no sign-in, each check's status and sentence, 503 only when Unhealthy, and
/// nothing in it a stranger should learn. Each test starts its own app, since most change what the checks find.
/// </summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task A_running_app_answers_200_with_the_database_and_the_disk_healthy_never_cached()
    {
        await using var factory = NewFactory();

        var (status, body, response) = await GetHealthAsync(factory);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", Check(body, "database").Status);
        Assert.Equal("The database answers.", Check(body, "database").Description);
        Assert.Equal("Healthy", Check(body, "disk").Status);
        Assert.Matches("^[0-9]+ MB free on the data volume; degraded below 500 MB, unhealthy below 50 MB\\.$", Check(body, "disk").Description);
        Assert.True(response.Headers.CacheControl?.NoStore, "The answer may be cached.");
        Assert.Equal("application/json", response.Content.ContentType?.MediaType);
        Assert.DoesNotContain(factory.DataDirectory, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Less_free_space_than_the_warning_threshold_is_degraded_and_still_200()
    {
        await using var factory = NewFactory(new() { ["Health:MinimumFreeDiskMegabytes"] = "1000000000000" });

        var (status, body, _) = await GetHealthAsync(factory);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Equal("Degraded", Check(body, "disk").Status);
        Assert.Equal("Healthy", Check(body, "database").Status);
    }

    [Fact]
    public async Task Less_free_space_than_the_critical_threshold_is_unhealthy_and_503()
    {
        await using var factory = NewFactory(new()
        {
            ["Health:MinimumFreeDiskMegabytes"] = "1000000000000",
            ["Health:CriticalFreeDiskMegabytes"] = "1000000000000",
        });

        var (status, body, _) = await GetHealthAsync(factory);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", Check(body, "disk").Status);
    }

    [Fact]
    public async Task A_damaged_database_is_unhealthy_and_503_without_saying_more_than_that()
    {
        await using var factory = NewFactory();
        Assert.Equal(HttpStatusCode.OK, (await GetHealthAsync(factory)).Status);

        // Overwrite the file's header ("SQLite format 3") as a failing disk or a stray write would; the pooled
        // connections, which would answer from what they already read, are closed first.
        SqliteConnection.ClearAllPools();
        await using (var file = new FileStream(Path.Combine(factory.DataDirectory, DataOptions.DatabaseFileName), FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            await file.WriteAsync(new byte[100]);
        }

        var (status, body, response) = await GetHealthAsync(factory);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal(("Unhealthy", "The database does not answer."), Check(body, "database"));
        Assert.Equal("Healthy", Check(body, "disk").Status);
        Assert.DoesNotContain("not a database", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(factory.DataDirectory, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_that_cannot_both_hold_stop_the_app_with_a_sentence()
    {
        using var factory = NewFactory(new() { ["Health:MinimumFreeDiskMegabytes"] = "10", ["Health:CriticalFreeDiskMegabytes"] = "100" });

        var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();

        Assert.Contains(
            "Health:MinimumFreeDiskMegabytes (10) is below Health:CriticalFreeDiskMegabytes (100): the warning has to come before the failure",
            refused,
            StringComparison.Ordinal);
    }

    private static CxWebApplicationFactory NewFactory(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Jobs:RunServer"] = "false";
        return new CxWebApplicationFactory { Settings = settings };
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, HealthResponse Response)> GetHealthAsync(CxWebApplicationFactory factory)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/health");
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), new HealthResponse(response.Headers, response.Content.Headers, text));
    }

    private static (string? Status, string? Description) Check(JsonElement body, string name)
    {
        var check = body.GetProperty("checks").GetProperty(name);
        return (check.GetProperty("status").GetString(), check.GetProperty("description").GetString());
    }

    private sealed record HealthResponse(
        System.Net.Http.Headers.HttpResponseHeaders Headers,
        System.Net.Http.Headers.HttpContentHeaders Content,
        string Body);
}
