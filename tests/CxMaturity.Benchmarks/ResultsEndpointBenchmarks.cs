using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Features.Tokens;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WebApp = CxMaturity.Web.Data.AppDbContext;

namespace CxMaturity.Benchmarks;

/// <summary>
/// A large round in four groups: GET /api/v1/assessments/{id}/results end to end (bearer-token check, role check,
/// reading every submitted respondent × every question of the shipped model from a SQLite file, scoring, writing
/// the JSON; goal ≤ 150 ms at 2,000 respondents), and what the round page of a CX lead tracking it reads on the
/// server (<see cref="RoundService.GetRoundAsync"/>; goal ≤ 300 ms). The app runs in-process on the test server, in
/// Production mode.
/// </summary>
[InProcess] // WebApplicationFactory finds the app through the manifest next to this assembly, not a generated project.
[MemoryDiagnoser]
public class ResultsEndpointBenchmarks
{
    [Params(1_000, 2_000)]
    public int RespondentCount { get; set; }

    private string _userId = "";
    private int _roundId;
    private static readonly string[] Groups = ["Executive", "Management", "Frontline", "Customer-facing partner"];

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cxmaturity-bench", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<WebApp> _factory = null!;
    private HttpClient _client = null!;
    private string _url = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // WebApplicationFactory looks for the app's folder relative to the working directory or the solution file,
        // neither of which a benchmark run has; point it at the folder this file was compiled from.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CXMATURITY_WEB", WebProjectDirectory());
        _factory = new WebApplicationFactory<WebApp>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Data:Directory"] = _dataDirectory,
                ["Demo:Enabled"] = "false",
                ["App:PublicUrl"] = "https://cx.example.com/",
                ["AllowedHosts"] = "localhost",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
        });

        using var scope = _factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var user = new AppUser { UserName = "bench@test.local", Email = "bench@test.local", DisplayName = "Bench" };
        var created = await services.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, "Bench!Passw0rd");
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var organisation = await services.GetRequiredService<OrganisationService>().CreateAsync(user.Id, "Benchmark Ltd");
        var round = await services.GetRequiredService<RoundService>().CreateRoundAsync(
            user.Id, organisation.Id, new CreateRoundRequest("cx-maturity", "Large round"));
        var model = services.GetRequiredService<ModelCatalog>().Get("cx-maturity");
        await SeedRespondentsAsync(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), round.Id, model, RespondentCount);
        (_userId, _roundId) = (user.Id, round.Id);

        var token = await services.GetRequiredService<AccessTokenService>().CreateAsync(user.Id, "benchmark");
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        _url = $"/api/v1/assessments/{round.Id}/results";

        // Fail loudly rather than time an error page.
        using var response = await _client.GetAsync(_url);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains($"\"respondentsCounted\":{RespondentCount}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The results endpoint answered {(int)response.StatusCode}: {body[..Math.Min(500, body.Length)]}");
        }
    }

    [Benchmark]
    public async Task<int> GetResults()
    {
        using var response = await _client.GetAsync(_url);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark]
    public async Task<int> GetRoundForTracking()
    {
        using var scope = _factory.Services.CreateScope();
        var round = await scope.ServiceProvider.GetRequiredService<RoundService>().GetRoundAsync(_userId, _roundId);
        return round.Respondents!.Count;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static string WebProjectDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "src", "CxMaturity.Web"));

    // Straight into the tables in one transaction: the respondents, every question answered (about 5 % Not
    // applicable), most dimensions rated for importance.
    private static async Task SeedRespondentsAsync(IDbContextFactory<AppDbContext> contextFactory, int roundId, Assessment.Content.MaturityModel model, int count)
    {
        var random = new Random(20_260_301);
        var now = DateTime.UtcNow;
        await using var db = await contextFactory.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var respondents = Enumerable.Range(1, count)
            .Select(i => new Respondent
            {
                RoundId = roundId,
                Name = $"Respondent {i:0000}",
                Email = $"respondent{i:0000}@test.local",
                Group = Groups[i % Groups.Length],
                Status = RespondentStatus.Submitted,
                StartedUtc = now,
                SubmittedUtc = now,
            })
            .ToList();
        db.Respondents.AddRange(respondents);
        await db.SaveChangesAsync();

        foreach (var respondent in respondents)
        {
            db.Answers.AddRange(model.AllQuestions.Select(q => new Answer
            {
                RespondentId = respondent.Id,
                QuestionId = q.Id,
                Level = random.Next(20) == 0 ? null : random.Next(1, 6),
                UpdatedUtc = now,
            }));
            db.ImportanceRatings.AddRange(model.Dimensions
                .Where(_ => random.Next(4) != 0)
                .Select(d => new ImportanceRating { RespondentId = respondent.Id, DimensionId = d.Id, Rating = random.Next(1, 6) }));
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
