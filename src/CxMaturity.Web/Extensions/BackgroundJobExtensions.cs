using CxMaturity.Web.Features.Access;
using Hangfire;

namespace CxMaturity.Web.Extensions;

public static class BackgroundJobExtensions
{
    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// Hangfire on in-memory storage with one worker: jobs are re-registered at start, the database holds what
    /// matters. <c>Jobs:RunServer</c> = false keeps this instance from running jobs (they wait for one that does);
    /// tests use it to run a job themselves, at a moment they choose.
    /// </summary>
    public static WebApplicationBuilder AddBackgroundJobs(this WebApplicationBuilder builder)
    {
        // The app's own storage, registered before Hangfire's default (the process-wide JobStorage.Current), so that
        // two apps in one process (the tests) never share or dispose each other's jobs. Hangfire's configuration is
        // applied first: it points Hangfire's logging at this app's loggers.
        builder.Services.AddSingleton<JobStorage>(provider =>
        {
            provider.GetRequiredService<IGlobalConfiguration>();
            return new Hangfire.InMemory.InMemoryStorage();
        });
        builder.Services.AddHangfire((provider, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new OutlivingLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(provider.GetRequiredService<ILoggerFactory>()))));
        if (builder.Configuration.GetValue("Jobs:RunServer", defaultValue: true))
        {
            builder.Services.AddHangfireServer(options => options.WorkerCount = 1);
        }

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

    /// <summary>
    /// Hangfire keeps one log provider per process. Where one process hosts several apps in turn (the tests), the
    /// provider may belong to an app already stopped, whose logger factory is disposed: its loggers then log nothing
    /// rather than fail the job or the page that asked for one.
    /// </summary>
    private sealed class OutlivingLogProvider(Hangfire.Logging.ILogProvider inner) : Hangfire.Logging.ILogProvider
    {
        public Hangfire.Logging.ILog GetLogger(string name)
        {
            try
            {
                return new OutlivingLog(inner.GetLogger(name));
            }
            catch (ObjectDisposedException)
            {
                return new OutlivingLog(null);
            }
        }

        private sealed class OutlivingLog(Hangfire.Logging.ILog? inner) : Hangfire.Logging.ILog
        {
            public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
            {
                try
                {
                    return inner?.Log(logLevel, messageFunc, exception) ?? false;
                }
                catch (ObjectDisposedException)
                {
                    return false;
                }
            }
        }
    }
}
