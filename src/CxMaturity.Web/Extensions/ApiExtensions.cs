using CxMaturity.Web.Features.Notifications;
using System.Text.Json.Serialization;
using CxMaturity.Web.Features.Api;
using CxMaturity.Web.Features.CustomerGaps;
using CxMaturity.Web.Features.Invitations;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Organisations;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.MyWork;
using CxMaturity.Web.Features.Raci;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Results;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Features.Dashboard;
using CxMaturity.Web.Features.Workbooks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;

namespace CxMaturity.Web.Extensions;

/// <summary>The HTTP API (README, "HTTP API"): bearer-token authentication, problem details, OpenAPI and the route groups.</summary>
public static class ApiExtensions
{
    /// <summary>Authentication scheme of personal access tokens.</summary>
    public const string AccessTokenScheme = "AccessToken";

    /// <summary>Authorization policy of every API endpoint: a valid access token, and nothing else (no cookies).</summary>
    public const string ApiPolicy = "Api";

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenScheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy
                .AddAuthenticationSchemes(AccessTokenScheme)
                .RequireAuthenticatedUser());

        // Binding failures (malformed JSON, a missing body) are thrown rather than answered with an empty 400, so
        // ApiRequestMiddleware can name the problem. Development already behaves this way by default.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // A required field that is missing, or null where null is not allowed, is refused by name.
            options.SerializerOptions.RespectNullableAnnotations = true;
            options.SerializerOptions.RespectRequiredConstructorParameters = true;
            // A number is a JSON number: "3" is refused by name rather than read as 3 (the web defaults allow it), and
            // a key given twice is refused rather than the last one silently winning.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.AllowDuplicateProperties = false;
        });

        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
        });
        return services;
    }

    /// <summary>
    /// Maps <c>/api/v1</c> and <c>/openapi/v1.json</c>, and puts <see cref="ApiRequestMiddleware"/> in front of every
    /// <c>/api</c> request. Call it after <c>UseExceptionHandler</c> and <c>UseStatusCodePages…</c>.
    /// </summary>
    public static WebApplication MapApi(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            api => api.UseMiddleware<ApiRequestMiddleware>());

        app.MapOpenApi().AllowAnonymous();

        var v1 = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        v1.MapOrganisationEndpoints();
        v1.MapModelEndpoints();
        v1.MapRoundEndpoints();
        v1.MapRespondentEndpoints();
        v1.MapInvitationEndpoints();
        v1.MapTrendEndpoints();
        v1.MapQuestionnaireEndpoints();
        v1.MapResultsEndpoints();
        v1.MapRoadmapEndpoints();
        v1.MapProjectEndpoints();
        v1.MapKpiEndpoints();
        v1.MapCustomerGapEndpoints();
        v1.MapRaciEndpoints();
        v1.MapMyWorkEndpoints();
        v1.MapNotificationEndpoints();
        app.MapWorkbookEndpoints(v1);
        return app;
    }
}
