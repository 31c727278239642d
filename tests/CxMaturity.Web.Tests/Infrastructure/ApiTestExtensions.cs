using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CxMaturity.Web.Features.Questionnaires;

namespace CxMaturity.Web.Tests.Infrastructure;

/// <summary>Problem details as a client reads them (RFC 7807, plus the <c>errors</c> of validation problems).</summary>
public sealed record ProblemDocument(int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors);

/// <summary>HTTP helpers for the API tests: JSON as the API writes it, problem details, raw bodies.</summary>
internal static class ApiTestExtensions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)
            ?? throw new InvalidOperationException("The response body was empty.");
    }

    /// <summary>Asserts the status and that the body is problem+json with a detail, and returns it.</summary>
    public static async Task<ProblemDocument> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<ProblemDocument>(body, Json)!;
        Assert.Equal((int)expected, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail), $"The problem has no detail: {body}");
        return problem;
    }

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PutAsJsonAsync(url, body, Json);

    /// <summary>PUTs a body with <c>If-Match: "version"</c>, the version it was read at.</summary>
    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body, Guid ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{ifMatch}\""));
        return client.SendAsync(request);
    }

    /// <summary>
    /// PUTs targets with If-Match carrying the round's version as the caller can read it (an empty version when they
    /// cannot read the round, so that access is what decides).
    /// </summary>
    public static async Task<HttpResponseMessage> PutTargetsAsync(this HttpClient client, string targetsUrl, IReadOnlyDictionary<string, int> targets)
    {
        var roundUrl = targetsUrl[..targetsUrl.LastIndexOf("/targets", StringComparison.Ordinal)];
        using var read = await client.GetAsync(roundUrl);
        var version = read.IsSuccessStatusCode
            ? JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetGuid()
            : Guid.Empty;
        var request = new HttpRequestMessage(HttpMethod.Put, targetsUrl) { Content = JsonContent.Create(targets, options: Json) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, Json);

    /// <summary>Sends a body exactly as written, e.g. malformed JSON.</summary>
    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string body, string mediaType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, mediaType) });

    public static Task<HttpResponseMessage> PutAnswersAsync(
        this HttpClient client,
        int roundId,
        int respondentId,
        IReadOnlyList<AnswerDto> answers,
        bool submit = false,
        IReadOnlyDictionary<string, int>? importance = null) =>
        client.PutJsonAsync(AnswersUrl(roundId, respondentId), new SaveAnswersDto(answers, submit, importance));

    public static string AnswersUrl(int roundId, int respondentId) =>
        $"/api/v1/assessments/{roundId}/respondents/{respondentId}/answers";

    /// <summary>A client that sends no credentials at all.</summary>
    public static HttpClient CreateAnonymousClient(this CxWebApplicationFactory factory) =>
        factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A client that sends <paramref name="token"/> as a bearer token.</summary>
    public static HttpClient CreateClientWithToken(this CxWebApplicationFactory factory, string token)
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>A body of the given size whose length is not announced, so it travels without Content-Length.</summary>
internal sealed class UnannouncedLengthContent(long bytes) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
        for (long written = 0; written < bytes; written += chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, bytes - written)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
