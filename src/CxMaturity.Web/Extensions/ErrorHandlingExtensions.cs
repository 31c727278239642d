using CxMaturity.Web.Features.Common;

namespace CxMaturity.Web.Extensions;

public static class ErrorHandlingExtensions
{
    public static WebApplicationBuilder AddErrorHandling(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        return builder;
    }

    /// <summary>
    /// Pages get the error page (the developer page in Development) and the not-found page; <c>/api</c> requests
    /// always get RFC 7807 problem details, with the domain exceptions mapped to 404, 403, 422 and 409.
    /// </summary>
    public static WebApplication UseErrorHandling(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseWhen(context => context.Request.IsApi(), api => api.UseExceptionHandler());
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        return app;
    }

    internal static bool IsApi(this HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
