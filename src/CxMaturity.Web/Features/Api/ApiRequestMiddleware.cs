using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Api;

/// <summary>
/// Runs around every <c>/api</c> request so that whatever goes wrong before or around an endpoint still answers
/// with problem details: a body over the limit (413, with or without Content-Length), a body that is not well-formed
/// JSON (400) or is JSON that does not fit the endpoint (422, naming the field), and any empty error response
/// (unknown route, wrong method).
/// The site's status-code pages (HTML) are switched off here.
/// </summary>
internal sealed partial class ApiRequestMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        // An endpoint that takes files (the questionnaire import) declares its own limit with RequestSizeLimit.
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? _limit;
        if (!await TryBufferBodyAsync(context, limit))
        {
            await ApiProblems.WriteAsync(
                context,
                StatusCodes.Status413PayloadTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"The request body is larger than this endpoint accepts ({limit:N0} bytes)."));
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            var (status, detail, errors) = Describe(exception);
            await ApiProblems.WriteAsync(context, status, detail, errors);
            return;
        }

        if (context.Response is { HasStarted: false, StatusCode: >= 400, ContentLength: null, ContentType: null })
        {
            await ApiProblems.WriteAsync(context, context.Response.StatusCode, EmptyErrorDetail(context));
        }
    }

    // Reads the body into memory, at most the limit, before any endpoint sees it, so that a chunked body with no
    // Content-Length is refused as surely as a declared one and the endpoint never gets a half-read stream.
    private static async Task<bool> TryBufferBodyAsync(HttpContext context, long limit)
    {
        var request = context.Request;
        if (request.ContentLength is 0 ||
            (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0 && !HasBodyMethod(request)))
        {
            return true;
        }

        if (request.ContentLength > limit)
        {
            return false;
        }

        var buffer = new MemoryStream();
        context.Response.RegisterForDispose(buffer);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        request.Body = buffer;
        request.ContentLength = buffer.Length;
        return true;
    }

    private static bool HasBodyMethod(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);

    private static (int Status, string Detail, Dictionary<string, string[]>? Errors) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException { InnerException: InvalidOperationException utf16 } malformed
            && utf16.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase))
        {
            // Well-formed JSON whose string escapes half a surrogate pair ("\ud800"): the value is refused like a
            // non-character (UserText), not the request as malformed.
            var text = "The text holds half of a surrogate pair, which is not a character text may hold; type the text again without it.";
            return (StatusCodes.Status422UnprocessableEntity, text, new Dictionary<string, string[]> { [FieldOf(malformed.Path)] = [text] });
        }

        if (exception.InnerException is JsonException json)
        {
            var message = WithoutTypeNames(json.Message);
            var field = FieldOf(json.Path);

            // The reader's own exception (a JsonException subclass, thrown as is or wrapped with the path) means the
            // body is not well-formed JSON: 400. Anything else is well-formed JSON that does not fit the endpoint (a
            // string where a number belongs, a key given twice, an unknown or missing property): 422, like every
            // other value the API refuses.
            var malformedJson = json.GetType() != typeof(JsonException) || json.InnerException is JsonException;
            return !malformedJson
                ? (StatusCodes.Status422UnprocessableEntity, $"The request body does not fit what this endpoint expects: {message}",
                    new Dictionary<string, string[]> { [field] = [message] })
                : (exception.StatusCode, $"The request body is not well-formed JSON: {message}",
                    new Dictionary<string, string[]> { [field] = [message] });
        }

        if (exception.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return (exception.StatusCode, "The request needs a JSON body.", null);
        }

        return (exception.StatusCode, WithoutTypeNames(exception.Message), null);
    }

    // "$.answers[1].level" → "answers[1].level"; the root itself is the body.
    private static string FieldOf(string? path)
    {
        var field = path?.TrimStart('$').TrimStart('.');
        return string.IsNullOrEmpty(field) ? "body" : field;
    }

    private static string WithoutTypeNames(string message) => ClrTypeName().Replace(message, "$1");

    private static string EmptyErrorDetail(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => $"There is no API resource at {context.Request.Path}.",
        StatusCodes.Status405MethodNotAllowed =>
            $"{context.Request.Method} is not allowed on {context.Request.Path}.",
        _ => "The request failed.",
    };

    // Messages of System.Text.Json and of parameter binding name our CLR types in full; a client needs the short name.
    [GeneratedRegex(@"(?:CxMaturity|System)(?:\.\w+)*\.(\w+(?:`\d+)?)")]
    private static partial Regex ClrTypeName();
}
