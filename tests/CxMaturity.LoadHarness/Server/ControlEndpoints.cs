using System.Diagnostics;
using System.Runtime;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Rounds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CxMaturity.LoadHarness.Server;

/// <summary>
/// <c>/__harness/*</c>, answered before the app's own pipeline: seeding through the app's services, and readings
/// that must be taken inside the server process (managed heap after a forced collection, CPU time, circuits).
/// Only the harness's own server on the loopback address has them.
/// </summary>
internal sealed class ControlEndpoints : IStartupFilter
{
    public const string ModelId = "cx-maturity";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/__harness", harness =>
        {
            harness.Map("/seed-api", seed => seed.Run(SeedApiAsync));
            harness.Map("/answers", answers => answers.Run(AnswersAsync));
            harness.Map("/seed", seed => seed.Run(SeedAsync));
            harness.Map("/memory", memory => memory.Run(context => context.Response.WriteAsJsonAsync(Readings(context, collect: true))));
            harness.Map("/stats", stats => stats.Run(context => context.Response.WriteAsJsonAsync(Readings(context, collect: false))));
            harness.Map("/metrics", metrics => metrics.Run(context => context.Response.WriteAsJsonAsync(
                context.RequestServices.GetRequiredService<ServerMetrics>().Snapshot(reset: context.Request.Query["reset"] == "true"))));
        });
        next(app);
    };

    private static async Task SeedAsync(HttpContext context)
    {
        var count = int.Parse(context.Request.Query["respondents"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        using var scope = context.RequestServices.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var organisations = services.GetRequiredService<OrganisationService>();
        var rounds = services.GetRequiredService<RoundService>();
        var respondents = services.GetRequiredService<RespondentService>();

        var lead = new AppUser { UserName = "lead@load.test", Email = "lead@load.test", EmailConfirmed = true, DisplayName = "Load lead" };
        var created = await users.CreateAsync(lead, "Load-harness-2026!");
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var organisation = await organisations.CreateAsync(lead.Id, "Load test organisation");
        var round = await rounds.CreateRoundAsync(lead.Id, organisation.Id, new CreateRoundRequest(ModelId, "Load test round"));
        var groups = CxMaturity.Assessment.Rounds.RoundSettings.DefaultGroups;
        var invitations = new List<string>(count);
        for (var i = 1; i <= count; i++)
        {
            var respondent = await respondents.AddRespondentAsync(
                lead.Id, round.Id, new AddRespondentRequest($"Respondent {i:000}", $"respondent{i:000}@load.test", groups[i % groups.Count]));
            invitations.Add(respondent.InvitationPath);
        }

        var model = services.GetRequiredService<ModelCatalog>().Get(ModelId);
        var inScope = round.DimensionsInScope.ToHashSet(StringComparer.Ordinal);
        var questions = model.Dimensions
            .Where(d => inScope.Contains(d.Id))
            .OrderBy(d => d.Order)
            .SelectMany(d => d.Questions.Select(q => new SeededQuestion(q.Id, d.Id, d.Title)))
            .ToList();
        await context.Response.WriteAsJsonAsync(new SeedResult(round.Id, invitations, questions));
    }

    // The API mode: a lead in N organisations with an access token, and an open round in the first organisation.
    private static async Task SeedApiAsync(HttpContext context)
    {
        var count = int.Parse(context.Request.Query["organisations"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        using var scope = context.RequestServices.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var lead = new AppUser { UserName = "api-lead@load.test", Email = "api-lead@load.test", EmailConfirmed = true, DisplayName = "API load lead" };
        var created = await users.CreateAsync(lead, "Load-harness-2026!");
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var organisations = services.GetRequiredService<OrganisationService>();
        var first = await organisations.CreateAsync(lead.Id, "API load organisation 1");
        for (var i = 2; i <= count; i++)
        {
            await organisations.CreateAsync(lead.Id, $"API load organisation {i}");
        }

        var round = await services.GetRequiredService<RoundService>()
            .CreateRoundAsync(lead.Id, first.Id, new CreateRoundRequest(ModelId, "API load round"));
        var token = await services.GetRequiredService<CxMaturity.Web.Features.Tokens.AccessTokenService>().CreateAsync(lead.Id, "load harness");
        var model = services.GetRequiredService<ModelCatalog>().Get(ModelId);
        await context.Response.WriteAsJsonAsync(new CxMaturity.LoadHarness.Driver.ApiSeed(
            token.Token, round.Id, [.. model.Dimensions.Where(d => round.DimensionsInScope.Contains(d.Id)).SelectMany(d => d.Questions).Select(q => q.Id)]));
    }

    private static async Task AnswersAsync(HttpContext context)
    {
        var roundId = int.Parse(context.Request.Query["round"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await context.RequestServices.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var answers = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Answers.Where(a => db.Respondents.Any(r => r.Id == a.RespondentId && r.RoundId == roundId))
                .Select(a => new CxMaturity.LoadHarness.Driver.StoredAnswer(a.RespondentId, a.QuestionId, a.Level)));
        await context.Response.WriteAsJsonAsync(answers);
    }

    private static ServerReadings Readings(HttpContext context, bool collect)
    {
        if (collect)
        {
            // Twice, with finalizers in between, so that objects kept alive only by finalizable ones go too.
            for (var i = 0; i < 2; i++)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }
        }

        var process = Process.GetCurrentProcess();
        var circuits = context.RequestServices.GetRequiredService<CircuitCounter>();
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        return new ServerReadings(
            ManagedBytes: GC.GetTotalMemory(forceFullCollection: collect),
            GcHeapBytes: info.HeapSizeBytes,
            GcCommittedBytes: info.TotalCommittedBytes,
            WorkingSetBytes: process.WorkingSet64,
            PrivateBytes: process.PrivateMemorySize64,
            CpuMilliseconds: process.TotalProcessorTime.TotalMilliseconds,
            Gen0: GC.CollectionCount(0),
            Gen1: GC.CollectionCount(1),
            Gen2: GC.CollectionCount(2),
            PauseMilliseconds: GC.GetTotalPauseDuration().TotalMilliseconds,
            CircuitsOpen: circuits.Open,
            CircuitsConnected: circuits.Connected,
            ThreadPoolThreads: ThreadPool.ThreadCount,
            ServerGc: GCSettings.IsServerGC);
    }
}

public sealed record SeededQuestion(string Id, string DimensionId, string DimensionTitle);

public sealed record SeedResult(int RoundId, IReadOnlyList<string> Invitations, IReadOnlyList<SeededQuestion> Questions);

public sealed record ServerReadings(
    long ManagedBytes,
    long GcHeapBytes,
    long GcCommittedBytes,
    long WorkingSetBytes,
    long PrivateBytes,
    double CpuMilliseconds,
    int Gen0,
    int Gen1,
    int Gen2,
    double PauseMilliseconds,
    int CircuitsOpen,
    int CircuitsConnected,
    int ThreadPoolThreads,
    bool ServerGc);
