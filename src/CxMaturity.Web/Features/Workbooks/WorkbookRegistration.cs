using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Workbooks;

public static class WorkbookRegistration
{
    /// <summary>The workbook service, its signing key, the export limit and their settings (section <c>Workbooks</c>).</summary>
    public static IServiceCollection AddWorkbooks(this IServiceCollection services)
    {
        services.AddOptions<WorkbookOptions>().BindConfiguration(WorkbookOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkbookOptions>, WorkbookOptionsValidator>();
        services.AddSingleton<WorkbookSigningKey>();
        services.AddSingleton<ExportLimiter>();
        services.AddScoped<WorkbookService>();
        return services;
    }
}
