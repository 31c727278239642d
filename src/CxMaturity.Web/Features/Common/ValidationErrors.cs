namespace CxMaturity.Web.Features.Common;

/// <summary>Collects every problem of a request, keyed by field, before anything is saved.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Adds a problem for <paramref name="field"/> when its text holds a character no text may hold.</summary>
    public void AddIfMalformed(string field, string? text)
    {
        if (CxMaturity.Assessment.Common.UserText.CharacterProblem(text) is { } problem)
        {
            Add(field, problem);
        }
    }

    /// <summary>Throws a <see cref="ValidationException"/> carrying every problem collected, if there is any.</summary>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw ToException();
        }
    }

    public ValidationException ToException() =>
        new(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}
