using CxMaturity.Assessment.Workbooks;
using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Workbooks;

/// <summary>Settings of the Excel workbooks (the <c>Workbooks</c> section).</summary>
public sealed class WorkbookOptions
{
    public const string SectionName = "Workbooks";

    /// <summary>The fewest bytes a configured signing key must have.</summary>
    public const int MinSigningKeyBytes = 32;

    /// <summary>
    /// The key that signs questionnaire workbooks, base64 of at least 32 bytes. When empty, a random key is created
    /// in the data directory on first use (<see cref="WorkbookSigningKey.FileName"/>). Set it when several app
    /// instances must accept each other's workbooks.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How many workbooks may be generated or read at once; more wait in a queue.</summary>
    public int MaxConcurrentExports { get; set; } = 2;

    /// <summary>How long a waiting export queues before it is turned away with 503.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

internal sealed class WorkbookOptionsValidator : IValidateOptions<WorkbookOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkbookOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.SigningKey) && DecodeKey(options.SigningKey) is null)
        {
            failures.Add(
                $"Workbooks:SigningKey is not base64 of at least {WorkbookOptions.MinSigningKeyBytes} bytes. " +
                "Generate one with `openssl rand -base64 32`, or leave it empty to keep a key in the data directory.");
        }

        if (options.MaxConcurrentExports is < 1 or > 64)
        {
            failures.Add($"Workbooks:MaxConcurrentExports is {options.MaxConcurrentExports}; choose 1 to 64.");
        }

        if (options.QueueTimeout < TimeSpan.Zero || options.QueueTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"Workbooks:QueueTimeout is {options.QueueTimeout}; choose between 00:00:00 and 00:10:00.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    /// <summary>The key's bytes, or <c>null</c> when it is not base64 of a long enough key.</summary>
    public static byte[]? DecodeKey(string text)
    {
        try
        {
            var key = Convert.FromBase64String(text.Trim());
            return key.Length >= Math.Max(WorkbookOptions.MinSigningKeyBytes, QuestionnaireSignature.MinKeyLength) ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
