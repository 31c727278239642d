using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Assessments;
using CxMaturity.Web.Features.Demo;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Features.Setup;
using CxMaturity.Web.Features.Tokens;
using CxMaturity.Web.Features.Workbooks;

namespace CxMaturity.Web.Extensions;

public static class FeatureExtensions
{
    /// <summary>The feature services pages and endpoints call, the first-run check, and the Development demo data.</summary>
    public static WebApplicationBuilder AddFeatureServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<OrganisationAccess>();
        services.AddScoped<OrganisationService>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<RoadmapService>();
        services.AddScoped<ProjectService>();
        services.AddScoped<AccessTokenService>();
        services.AddScoped<FirstRunService>();
        services.AddWorkbooks();

        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateOnStart();
        services.AddSingleton<DemoSignInInfo>();
        services.AddHostedService<DemoDataSeeder>();
        return builder;
    }
}
