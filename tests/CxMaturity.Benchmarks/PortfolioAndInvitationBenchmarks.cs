using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Dashboard;
using CxMaturity.Web.Features.Invitations;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Rounds;
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
/// A consultant's portfolio of 50 organisations, each with two closed rounds of 12 respondents (goal ≤ 300 ms), and
/// 2,000 invitation emails queued and written to the outbox by the send job (goal ≤ 10 s; the page only queues
/// them). The app runs in-process, in Production mode, with no background job server: the benchmark runs the job.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class PortfolioAndInvitationBenchmarks
{
    private const int Organisations = 50;
    private const int Invitees = 2_000;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cxmaturity-bench", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<WebApp> _factory = null!;
    private string _userId = "";
    private int _invitationRoundId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CXMATURITY_WEB", WebProjectDirectory());
        _factory = new WebApplicationFactory<WebApp>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Jobs:RunServer", "false");
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
        var user = new AppUser { UserName = "consultant@test.local", Email = "consultant@test.local", DisplayName = "Consultant" };
        await services.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, "Bench!Passw0rd");
        _userId = user.Id;
        var organisations = services.GetRequiredService<OrganisationService>();
        var rounds = services.GetRequiredService<RoundService>();
        var contextFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var model = services.GetRequiredService<ModelCatalog>().Get("cx-maturity");
        var random = new Random(2026);
        for (var o = 1; o <= Organisations; o++)
        {
            var organisation = await organisations.CreateAsync(user.Id, $"Client {o:00}");
            for (var r = 1; r <= 2; r++)
            {
                var round = await rounds.CreateRoundAsync(user.Id, organisation.Id, new CreateRoundRequest("cx-maturity", $"Round {r}"));
                await SeedAsync(contextFactory, round.Id, model, 12, RespondentStatus.Submitted, random);
                await rounds.CloseRoundAsync(user.Id, round.Id);
            }
        }

        var large = await organisations.CreateAsync(user.Id, "Large client");
        var invitationRound = await rounds.CreateRoundAsync(user.Id, large.Id, new CreateRoundRequest("cx-maturity", "Everyone"));
        await SeedAsync(contextFactory, invitationRound.Id, model, Invitees, RespondentStatus.Invited, random);
        _invitationRoundId = invitationRound.Id;

        if ((await GetPortfolio()) != Organisations + 1)
        {
            throw new InvalidOperationException("The portfolio does not list every organisation.");
        }
    }

    [Benchmark]
    public async Task<int> GetPortfolio()
    {
        using var scope = _factory.Services.CreateScope();
        var portfolio = await scope.ServiceProvider.GetRequiredService<TrendService>().GetPortfolioAsync(_userId);
        return portfolio.Organisations.Count + portfolio.WithoutClosedRound.Count;
    }

    [IterationSetup(Target = nameof(SendInvitations))]
    public void QueueInvitations()
    {
        var outbox = Path.Combine(_dataDirectory, "outbox");
        if (Directory.Exists(outbox))
        {
            Directory.Delete(outbox, recursive: true);
        }

        using var scope = _factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<InvitationService>().SendAsync(_userId, _invitationRoundId).GetAwaiter().GetResult();
    }

    /// <summary>Queued already (the page's part); the job writes every email to the outbox.</summary>
    [Benchmark]
    public async Task<int> SendInvitations()
    {
        using var scope = _factory.Services.CreateScope();
        var sent = await scope.ServiceProvider.GetRequiredService<InvitationSender>().SendDueAsync(CancellationToken.None);
        return sent == Invitees ? sent : throw new InvalidOperationException($"{sent} of {Invitees} invitations went out.");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static string WebProjectDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "src", "CxMaturity.Web"));

    private static async Task SeedAsync(
        IDbContextFactory<AppDbContext> contextFactory, int roundId, Assessment.Content.MaturityModel model, int count, RespondentStatus status, Random random)
    {
        var now = DateTime.UtcNow;
        await using var db = await contextFactory.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var respondents = Enumerable.Range(1, count)
            .Select(i => new Respondent
            {
                RoundId = roundId,
                Name = $"Person {i:0000}",
                Email = $"person{i:0000}.{roundId}@test.local",
                Group = (i % 4) switch { 0 => "Executive", 1 => "Management", 2 => "Frontline", _ => "Customer-facing partner" },
                Status = status,
                StartedUtc = status == RespondentStatus.Submitted ? now : null,
                SubmittedUtc = status == RespondentStatus.Submitted ? now : null,
            })
            .ToList();
        db.Respondents.AddRange(respondents);
        await db.SaveChangesAsync();
        if (status == RespondentStatus.Submitted)
        {
            foreach (var respondent in respondents)
            {
                db.Answers.AddRange(model.AllQuestions.Select(q => new Answer { RespondentId = respondent.Id, QuestionId = q.Id, Level = random.Next(1, 6), UpdatedUtc = now }));
            }

            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
    }
}
