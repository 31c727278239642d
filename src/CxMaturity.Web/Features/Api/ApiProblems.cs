using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CxMaturity.Web.Features.Api;

/// <summary>Writes RFC 7807 problem details outside an endpoint: authentication, body limit, malformed requests.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult Create(int status, string detail, IDictionary<string, string[]>? errors = null) =>
        TypedResults.Problem(errors is null
            ? new ProblemDetails { Status = status, Detail = detail }
            : new HttpValidationProblemDetails(errors) { Status = status, Detail = detail });

    public static Task WriteAsync(
        HttpContext context,
        int status,
        string detail,
        IDictionary<string, string[]>? errors = null) =>
        Create(status, detail, errors).ExecuteAsync(context);
}
