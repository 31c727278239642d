using System.ComponentModel.DataAnnotations;

namespace CxMaturity.Web.Features.Api;

/// <summary>Settings of the HTTP API, bound from the <c>Api</c> section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest request body the API reads, in bytes; larger bodies get 413.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
