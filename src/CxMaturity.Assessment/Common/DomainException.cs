namespace CxMaturity.Assessment.Common;

/// <summary>
/// A rule of the domain refused what was asked, with a sentence a person can read. The web layer turns each kind
/// into one answer in one place: a problem response in the API (404, 403, 422, 409), a message on a page.
/// </summary>
public abstract class DomainException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The record does not exist, or belongs to an organisation the caller is not in (never revealed).</summary>
public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>The caller is in the organisation but their role does not allow this.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

/// <summary>The request is not acceptable as it is; <see cref="Errors"/> names every field at fault.</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("The request has problems: " + string.Join(" ", errors.SelectMany(e => e.Value)))
{
    /// <summary>Every problem, keyed by field (<c>answers[3].level</c>, <c>name</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>One problem with one field.</summary>
    public static ValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });
}

/// <summary>The record is in a state that does not allow this (a closed round, a submitted questionnaire).</summary>
public sealed class ConflictException(string message) : DomainException(message);

/// <summary>Someone else saved the record since the caller read it.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : DomainException(message, inner);

/// <summary>An update came without the version it was read at (HTTP: If-Match), so a concurrent change could not be detected.</summary>
public sealed class PreconditionRequiredException(string message) : DomainException(message);
