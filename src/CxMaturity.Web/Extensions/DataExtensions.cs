using CxMaturity.Web.Data;
using CxMaturity.Web.Data.Sqlite;
using CxMaturity.Web.Features.Backups;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
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
    /// <summary>The folder under <c>Data:Directory</c> holding the data-protection keys.</summary>
    public const string KeysFolder = "keys";

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
        // Every connection passes the maintenance gate, which holds it back while a restore swaps the files.
        services.AddSingleton<MaintenanceMode>();
        services.AddSingleton<MaintenanceConnectionGate>();
        services.AddPooledDbContextFactory<AppDbContext>((provider, options) => options
            .UseCxMaturitySqlite(provider.GetRequiredService<IOptions<DataOptions>>().Value.DatabasePath)
            .AddInterceptors(provider.GetRequiredService<MaintenanceConnectionGate>()));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.TryAddSingleton(TimeProvider.System);

        // Data-protection keys (sign-in cookies, unsubscribe links, the calendar feed's kept secret) live with the data
        // under <Data:Directory>/keys, so that they survive a restart, a new container or a move of the folder.
        services.AddDataProtection().SetApplicationName("CxMaturity");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DataOptions>, ILoggerFactory>((keys, data, logging) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(data.Value.Directory, KeysFolder)), logging));

        // The key manager data protection would make, wrapped so that a restore can make the app read the keys again.
        services.AddSingleton(provider => new ReloadableKeyManager(ActivatorUtilities.CreateInstance<XmlKeyManager>(provider)));
        services.Replace(ServiceDescriptor.Singleton<IKeyManager>(provider => provider.GetRequiredService<ReloadableKeyManager>()));
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseMigrator>());
        services.AddSingleton<SqliteBackupArchive>();
        return builder;
    }
}
