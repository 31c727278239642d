using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CxMaturity.Web.Features.Api;

/// <summary>Tells readers of the OpenAPI document that every operation wants a personal access token.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    private const string SchemeName = "Bearer";

    public Task TransformAsync(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken)
    {
        document.Info.Title = "CxMaturity API";
        document.Info.Description =
            "Customer-experience maturity assessments: organisations, models, rounds, answers and results. " +
            "Send a personal access token (create one on your profile page) as 'Authorization: Bearer <token>'. " +
            "Errors are RFC 7807 problem details.";
        document.AddComponent<IOpenApiSecurityScheme>(SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token created on your profile page.",
        });
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeName, document)] = [],
        });
        return Task.CompletedTask;
    }
}
