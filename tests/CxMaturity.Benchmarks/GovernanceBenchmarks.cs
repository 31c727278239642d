using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using CxMaturity.Assessment.Governance;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Organisations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.Benchmarks;

/// <summary>
/// The governance rules at scale: an NPS from 1,000,000 ratings (goal ≤ 20 ms), the Pareto of 10,000 customer gaps in
/// twelve root causes (goal ≤ 10 ms).
/// </summary>
[MemoryDiagnoser]
public class GovernanceRuleBenchmarks
{
    private int[] _ratings = [];
    private CustomerGapScore[] _gaps = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20_261_201);
        _ratings = [.. Enumerable.Range(0, 1_000_000).Select(_ => random.Next(0, 11))];
        _gaps = [.. Enumerable.Range(0, 10_000).Select(i => new CustomerGapScore($"Cause {random.Next(12):00}", 1 + random.Next(20)))];
    }

    [Benchmark]
    public double NpsFromAMillionRatings() => KpiFormulas.Compute(KpiKind.Nps, RatingCounts.Of(RatingScale.Nps, _ratings.AsSpan())).Value;

    [Benchmark]
    public int ParetoOfTenThousandGaps() => CustomerGaps.Pareto(_gaps).Count;
}

/// <summary>
/// What the KPI page reads on the server for an organisation with 20 KPIs, each measured weekly for five years
/// (5,200 measurements, a third computed from ratings): <see cref="KpiService.ListAsync"/>, goal ≤ 200 ms. The app
/// runs in-process in Production mode over a SQLite file.
/// </summary>
[InProcess]
[MemoryDiagnoser]
public class KpiPageBenchmarks
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cxmaturity-bench", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<AppDbContext> _factory = null!;
    private string _userId = "";
    private int _organisationId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CXMATURITY_WEB", WebProjectDirectory());
        _factory = new WebApplicationFactory<AppDbContext>().WithWebHostBuilder(builder =>
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
        await services.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, "Bench!Passw0rd");
        var organisation = await services.GetRequiredService<OrganisationService>().CreateAsync(user.Id, "Benchmark Ltd");
        var kpis = services.GetRequiredService<KpiService>();
        var random = new Random(7);
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7 * 260);
        var now = DateTime.UtcNow;
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var k = 0; k < 20; k++)
        {
            var kind = (KpiKind)(k % 5);
            var kpi = await kpis.CreateAsync(user.Id, organisation.Id, new KpiRequest(
                $"KPI {k:00}", kind, kind == KpiKind.Churn ? KpiDirection.LowerIsBetter : KpiDirection.HigherIsBetter,
                MeasurementFrequency.Weekly, Target: 50, JourneyStage: "Use"));
            db.KpiMeasurements.AddRange(Enumerable.Range(0, 260).Select(w => new KpiMeasurement
            {
                KpiId = kpi.Id,
                Date = start.AddDays(7 * w),
                Value = random.NextDouble() * 100,
                N = w % 3 == 0 ? 200 : null,
                MarginOfError = w % 3 == 0 ? random.NextDouble() * 10 : null,
                Source = "Survey",
                CreatedUtc = now,
            }));
        }

        await db.SaveChangesAsync();
        (_userId, _organisationId) = (user.Id, organisation.Id);
        if ((await kpis.ListAsync(_userId, _organisationId)).Kpis.Sum(k => k.Measurements.Count) != 5_200)
        {
            throw new InvalidOperationException("The KPI page does not read the 5,200 measurements seeded.");
        }
    }

    [Benchmark]
    public async Task<int> ListKpis()
    {
        using var scope = _factory.Services.CreateScope();
        var list = await scope.ServiceProvider.GetRequiredService<KpiService>().ListAsync(_userId, _organisationId);
        return list.Kpis.Count;
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
}
