using System.Security.Claims;
using CxMaturity.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CxMaturity.Web.Features.Workbooks;

/// <summary>
/// The workbook downloads and the questionnaire import, twice: under <c>/api/v1</c> for access tokens,
/// and under <c>/downloads</c> for the signed-in browser (the API takes no cookies). Both call
/// <see cref="WorkbookService"/>, which checks the caller's role; a round of another organisation is not found.
/// </summary>
public static class WorkbookEndpoints
{
    /// <summary>The largest import request read: a little over the 10 MB the importer accepts, so that it can say so itself.</summary>
    public const long MaxImportRequestBytes = 12L * 1024 * 1024;

    /// <summary>Path of the engagement workbook download for the browser.</summary>
    public static string EngagementDownloadPath(int roundId, bool anonymise = false) =>
        $"downloads/rounds/{roundId}/workbook.xlsx{(anonymise ? "?anonymise=true" : "")}";

    /// <summary>Path of the questionnaire workbook download for the browser, blank or for one respondent.</summary>
    public static string QuestionnaireDownloadPath(int roundId, int? respondentId = null) =>
        $"downloads/rounds/{roundId}/questionnaire.xlsx{(respondentId is { } id ? $"?respondentId={id}" : "")}";

    /// <summary>Maps the API endpoints on <paramref name="api"/> (the <c>/api/v1</c> group) and the browser downloads on <paramref name="app"/>.</summary>
    public static IEndpointRouteBuilder MapWorkbookEndpoints(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/assessments/{id:int}")
            .WithTags("Workbooks")
            .AddEndpointFilter(ApiBusyFilter);

        rounds.MapGet("/workbook.xlsx", EngagementAsync)
            .WithName("GetEngagementWorkbook")
            .WithSummary(
                "The round's engagement workbook (final results only). Owner, CX lead, Contributor and Viewer. Owner and " +
                "CX lead get respondents' names and comments unless anonymise=true; for everyone else it is always " +
                "anonymised (R01, R02…) and without comments.")
            .Produces(StatusCodes.Status200OK, contentType: WorkbookFile.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        rounds.MapGet("/questionnaire.xlsx", QuestionnaireAsync)
            .WithName("GetQuestionnaireWorkbook")
            .WithSummary(
                "The questionnaire workbook for answering offline, signed for this round: blank, or for one respondent " +
                "with respondentId. Owner and CX lead.")
            .Produces(StatusCodes.Status200OK, contentType: WorkbookFile.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        rounds.MapPost("/questionnaire-imports", ImportAsync)
            .WithName("ImportQuestionnaireWorkbook")
            .WithSummary(
                "Imports a filled questionnaire workbook (multipart/form-data: file; for a blank workbook respondentId, " +
                "or name, email and group of a new respondent; confirmOverwrite=true to replace a submitted " +
                "questionnaire; submit=false to leave it in progress). All or nothing: the workbook's answers replace " +
                "the respondent's in one transaction, or nothing changes and 422 lists every problem with sheet, cell " +
                "and message. Owner and CX lead.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<QuestionnaireImportSummary>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportRequestBytes))
            // Token-authenticated: no cookie rides along, so there is no cross-site request to forge.
            .DisableAntiforgery();

        var downloads = app.MapGroup("/downloads/rounds/{id:int}")
            .RequireAuthorization()
            .ExcludeFromDescription()
            .AddEndpointFilter(BrowserErrorFilter);
        downloads.MapGet("/workbook.xlsx", EngagementAsync);
        downloads.MapGet("/questionnaire.xlsx", QuestionnaireAsync);
        return app;
    }

    private static async Task<FileStreamHttpResult> EngagementAsync(
        int id,
        bool? anonymise,
        ClaimsPrincipal user,
        HttpContext context,
        WorkbookService service,
        CancellationToken cancellationToken) =>
        Send(context, await service.ExportEngagementAsync(UserId(user), id, anonymise ?? false, cancellationToken));

    private static async Task<FileStreamHttpResult> QuestionnaireAsync(
        int id,
        int? respondentId,
        ClaimsPrincipal user,
        HttpContext context,
        WorkbookService service,
        CancellationToken cancellationToken) =>
        Send(context, await service.ExportQuestionnaireAsync(UserId(user), id, respondentId, cancellationToken));

    private static async Task<Results<Ok<QuestionnaireImportSummary>, ProblemHttpResult>> ImportAsync(
        int id,
        IFormFile? file,
        [FromForm] int? respondentId,
        [FromForm] string? name,
        [FromForm] string? email,
        [FromForm] string? group,
        [FromForm] bool? confirmOverwrite,
        [FromForm] bool? submit,
        ClaimsPrincipal user,
        WorkbookService service,
        CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return ImportRefused(QuestionnaireImportOutcome.Refused(
                [ImportProblemView.File("Attach the filled questionnaire workbook (.xlsx) as the form field \"file\".")]));
        }

        var newRespondent = name is null && email is null && group is null ? null : new NewRespondentInput(name ?? "", email ?? "", group ?? "");
        await using var content = file.OpenReadStream();
        var outcome = await service.ImportQuestionnaireAsync(
            UserId(user),
            id,
            new QuestionnaireImportRequest(content, file.FileName, respondentId, newRespondent, confirmOverwrite ?? false, submit ?? true),
            cancellationToken);
        return outcome.Summary is { } summary ? TypedResults.Ok(summary) : ImportRefused(outcome);
    }

    private static ProblemHttpResult ImportRefused(QuestionnaireImportOutcome outcome)
    {
        var count = outcome.Problems.Count;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The workbook was not imported",
            Detail = count == 1
                ? $"Nothing was imported: {outcome.Problems[0].Message}"
                : $"Nothing was imported: the workbook has {count} problems, listed in \"problems\" with their sheet and cell.",
        };
        problem.Extensions["problems"] = outcome.Problems;
        problem.Extensions["confirmationRequired"] = outcome.ConfirmationRequired;
        return TypedResults.Problem(problem);
    }

    private static FileStreamHttpResult Send(HttpContext context, WorkbookFile file)
    {
        // Results and names of people: no cache, shared or private, keeps a copy.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(file.Content, WorkbookFile.ContentType, file.FileName);
    }

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("A workbook endpoint ran without an authenticated user.");

    // The API's exception handler knows the domain exceptions; "too busy" is this feature's own.
    private static async ValueTask<object?> ApiBusyFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ExportsBusyException e)
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy", detail: e.Message);
        }
    }

    // Outside /api no problem details are written: a missing round gets the site's not-found page (an empty 404 is
    // re-executed to it), the other refusals a sentence.
    private static async ValueTask<object?> BrowserErrorFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (ForbiddenException e)
        {
            return TypedResults.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }
        catch (ExportsBusyException e)
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            return TypedResults.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

