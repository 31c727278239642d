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

        services.AddDbContextFactory<AppDbContext>((provider, options) =>
            options.UseCxMaturitySqlite(provider.GetRequiredService<IOptions<DataOptions>>().Value.DatabasePath));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<DatabaseMigrator>();
        return builder;
    }
}
