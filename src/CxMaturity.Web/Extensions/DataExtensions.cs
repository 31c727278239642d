using CxMaturity.Web.Data;
using CxMaturity.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Extensions;

public static class DataExtensions
{
    /// <summary>
    /// The SQLite database under <c>Data:Directory</c>, reached only through <see cref="IDbContextFactory{AppDbContext}"/>
    /// (which also gives Identity its scoped context), migrated to the latest version at start.
    /// </summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DataOptions>()
            .BindConfiguration(DataOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (!string.IsNullOrWhiteSpace(options.Directory))
                {
                    options.Directory = Path.GetFullPath(options.Directory, environment.ContentRootPath);
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataOptions>, DataOptionsValidator>();

        // Pooled: a context is reset and reused rather than built, which under load was the largest cost of a cheap
        // request (docs/PERFORMANCE.md). Identity gets its scoped context from the same pool.
        services.AddPooledDbContextFactory<AppDbContext>((provider, options) =>
            options.UseCxMaturitySqlite(provider.GetRequiredService<IOptions<DataOptions>>().Value.DatabasePath));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<DatabaseMigrator>();
        return builder;
    }
}
