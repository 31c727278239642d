using System.Diagnostics;
using System.Runtime;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Assessments;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Organisations;
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
        var assessments = services.GetRequiredService<AssessmentService>();

        var lead = new AppUser { UserName = "lead@load.test", Email = "lead@load.test", EmailConfirmed = true, DisplayName = "Load lead" };
        var created = await users.CreateAsync(lead, "Load-harness-2026!");
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var organisation = await organisations.CreateAsync(lead.Id, "Load test organisation");
        var round = await assessments.CreateRoundAsync(lead.Id, organisation.Id, new CreateRoundRequest(ModelId, "Load test round"));
        var groups = Organisation.DefaultRespondentGroups;
        var invitations = new List<string>(count);
        for (var i = 1; i <= count; i++)
        {
            var respondent = await assessments.AddRespondentAsync(
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
