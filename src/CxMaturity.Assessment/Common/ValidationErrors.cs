namespace CxMaturity.Assessment.Common;

/// <summary>Collects every problem of a request, keyed by field, before anything is saved.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True once any problem has been added.</summary>
    public bool Any => _errors.Count > 0;

    /// <summary>Adds a problem for <paramref name="field"/>.</summary>
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
        if (UserText.CharacterProblem(text) is { } problem)
        {
            Add(field, problem);
        }
    }

    /// <summary>
    /// The trimmed text of a field with a length limit (<see cref="FieldLimits"/>): a problem when it is required and
    /// empty, longer than the limit, or holds a character no text may hold. Empty optional text comes back as null.
    /// </summary>
    public string? Text(string field, string? text, int maxLength, string what, bool required)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Add(field, $"Give {what}, 1 to {maxLength} characters.");
            }

            return required ? string.Empty : null;
        }

        if (text.Length > maxLength)
        {
            Add(field, required
                ? $"Give {what}, 1 to {maxLength} characters; this is {text.Length}."
                : $"{char.ToUpperInvariant(what[0])}{what[1..]} can be at most {maxLength} characters long; this is {text.Length}.");
        }

        AddIfMalformed(field, text);
        return text;
    }

    /// <summary>Throws a <see cref="ValidationException"/> carrying every problem collected, if there is any.</summary>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw ToException();
        }
    }

    /// <summary>Every problem collected, as one exception.</summary>
    public ValidationException ToException() =>
        new(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}
