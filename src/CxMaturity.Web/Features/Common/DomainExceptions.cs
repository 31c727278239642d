namespace CxMaturity.Web.Features.Common;

/// <summary>The record does not exist, or belongs to an organisation the caller is not in (never revealed). HTTP 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller is in the organisation but their role does not allow this. HTTP 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The request is not acceptable as it is; <see cref="Errors"/> names every field at fault. HTTP 422.</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request has problems: " + string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Someone else saved the record since the caller read it. HTTP 409.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The record is in a state that does not allow this (a closed round, a submitted questionnaire). HTTP 409.</summary>
public sealed class ConflictException(string message) : Exception(message);
