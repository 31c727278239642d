using CxMaturity.Web.Extensions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CxMaturity.Web.Features.Common;

/// <summary>Turns the domain exceptions of the feature services into RFC 7807 problem details with a readable detail.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Pages handle these themselves; one that escapes a page is a bug and gets the error page.
        var problem = httpContext.Request.IsApi() ? ProblemFor(exception) : null;
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    public static ProblemDetails? ProblemFor(Exception exception) => exception switch
    {
        NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found", e.Message),
        ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "Forbidden", e.Message),
        ValidationException e => new HttpValidationProblemDetails(e.Errors.ToDictionary(p => p.Key, p => p.Value))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The request has problems",
            Detail = e.Message,
        },
        ConcurrencyConflictException e => Problem(StatusCodes.Status409Conflict, "Changed by someone else", e.Message),
        PreconditionRequiredException e => Problem(StatusCodes.Status428PreconditionRequired, "If-Match required", e.Message),
        ConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict", e.Message),
        _ => null,
    };

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
