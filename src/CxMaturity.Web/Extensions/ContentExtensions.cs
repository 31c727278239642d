using CxMaturity.Assessment.Content;
using CxMaturity.Web.Features.Models;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Extensions;

public static class ContentExtensions
{
    /// <summary>
    /// The maturity models from <c>Content:Directory</c>, loaded and validated at start: invalid content stops the
    /// app with every problem listed. Also the store of the model snapshots rounds pin.
    /// </summary>
    public static WebApplicationBuilder AddContent(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) => options.Directory =
                string.IsNullOrWhiteSpace(options.Directory)
                    ? ContentOptions.FindDefault(environment.ContentRootPath)
                    : Path.GetFullPath(options.Directory, environment.ContentRootPath))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>();

        services.AddSingleton(provider => new ModelCatalog(
            ContentLoader.LoadModelsOrThrow(provider.GetRequiredService<IOptions<ContentOptions>>().Value.Directory!)));
        services.AddSingleton<ModelVersionStore>();
        services.AddHostedService<ContentStartupCheck>();
        return builder;
    }
}
