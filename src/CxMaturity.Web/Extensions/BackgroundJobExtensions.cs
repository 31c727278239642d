using CxMaturity.Web.Features.Access;
using Hangfire;

namespace CxMaturity.Web.Extensions;

public static class BackgroundJobExtensions
{
    public const string DashboardPath = "/hangfire";

    /// <summary>Hangfire on in-memory storage with one worker: jobs are re-registered at start, the database holds what matters.</summary>
    public static WebApplicationBuilder AddBackgroundJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage());
        builder.Services.AddHangfireServer(options => options.WorkerCount = 1);
        return builder;
    }

    /// <summary>
    /// The Hangfire dashboard at <c>/hangfire</c>, for site administrators only. The endpoint's policy sends someone
    /// not signed in to sign in and anyone else to the access-denied page; Hangfire's own filter checks again.
    /// </summary>
    public static WebApplication MapBackgroundJobDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            DashboardTitle = "CxMaturity background jobs",
            Authorization = [new AdministratorDashboardAuthorizationFilter()],
        }).RequireAuthorization(SiteRoles.Administrator);
        return app;
    }
}
