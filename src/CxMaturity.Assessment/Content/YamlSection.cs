using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CxMaturity.Assessment.Content;

/// <summary>
/// A YAML mapping in a content file (the front matter, a stage, a question, a question's options) with what is
/// needed to report problems in it: the file, the line offset of the front matter, and the subject the
/// sentences are about ("question 'voc.loops'"). Each read logs what is wrong and returns <c>null</c> for a
/// missing or unusable value, so a reader goes on and finds every other problem.
/// </summary>
internal sealed class YamlSection
{
    private readonly YamlMappingNode _mapping;
    private readonly int _lineOffset;
    private readonly ProblemLog _problems;

    public YamlSection(YamlMappingNode mapping, string file, int lineOffset, string subject, int line, ProblemLog problems)
    {
        _mapping = mapping;
        _lineOffset = lineOffset;
        _problems = problems;
        File = file;
        Subject = subject;
        Line = line;
    }

    public string File { get; }

    /// <summary>What the sentences are about, e.g. "the model", "dimension 'voc'", "question 'voc.loops'".</summary>
    public string Subject { get; }

    /// <summary>The line reported for a problem with the section as a whole, such as a missing key.</summary>
    public int Line { get; }

    /// <summary>The same section, its sentences about another subject (once its id is known).</summary>
    public YamlSection About(string subject) => new(_mapping, File, _lineOffset, subject, Line, _problems);

    public int LineOf(YamlNode node) => Math.Max(1, (int)node.Start.Line) + _lineOffset;

    public void Report(int line, string message) => _problems.Add(File, line, message);

    public void Report(YamlNode node, string message) => Report(LineOf(node), message);

    /// <summary>The line of <paramref name="key"/>, or the section's line when the key is absent.</summary>
    public int LineOfKey(string key) => Find(key) is { } entry ? LineOf(entry.Key) : Line;

    /// <summary>A text value; reports it when it is required and missing or empty, or when it is not text.</summary>
    public string? Text(string key, bool required = true)
    {
        if (Find(key) is not { } entry)
        {
            if (required)
            {
                Report(Line, $"{Subject} has no '{key}'");
            }

            return null;
        }

        if (entry.Value is not YamlScalarNode scalar)
        {
            Report(entry.Value, $"'{key}' of {Subject} must be text, not {KindOf(entry.Value)}");
            return null;
        }

        var value = ValueOf(scalar);
        if (value is null && required)
        {
            Report(entry.Key, $"{Subject} has an empty '{key}'");
        }

        return value;
    }

    /// <summary>A positive number, <paramref name="fallback"/> when absent; reports anything else.</summary>
    public double PositiveNumber(string key, double fallback)
    {
        if (Find(key) is not { } entry)
        {
            return fallback;
        }

        if (entry.Value is YamlScalarNode { Value: { } raw }
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number) && number > 0)
        {
            return number;
        }

        Report(entry.Value, $"'{key}' of {Subject} must be a positive number, not {Shown(entry.Value)}");
        return fallback;
    }

    /// <summary>A required whole number in <paramref name="min"/>..<paramref name="max"/>; reports anything else.</summary>
    public int? WholeNumber(string key, int min, int max)
    {
        if (Find(key) is not { } entry)
        {
            Report(Line, $"{Subject} has no '{key}'");
            return null;
        }

        if (entry.Value is YamlScalarNode { Value: { } raw }
            && int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && number >= min && number <= max)
        {
            return number;
        }

        Report(entry.Value, $"'{key}' of {Subject} must be a whole number from {min} to {max}, not {Shown(entry.Value)}");
        return null;
    }

    /// <summary>
    /// A list of names, such as <c>[NPS, CSAT]</c>: each a non-empty text, none twice. An absent list is empty
    /// unless it is required.
    /// </summary>
    public IReadOnlyList<string>? Names(string key, bool required, string example)
    {
        if (Find(key) is not { } entry)
        {
            if (required)
            {
                Report(Line, $"{Subject} has no '{key}'");
                return null;
            }

            return [];
        }

        if (entry.Value is not YamlSequenceNode sequence)
        {
            Report(entry.Value, $"'{key}' of {Subject} must be a list of names, such as {example}");
            return null;
        }

        var names = new List<string>();
        foreach (var item in sequence)
        {
            var name = item is YamlScalarNode scalar ? ValueOf(scalar) : null;
            if (name is null)
            {
                Report(item, $"'{key}' of {Subject} has an entry that is not a name; use a list such as {example}");
            }
            else if (names.Contains(name, StringComparer.Ordinal))
            {
                Report(item, $"'{key}' of {Subject} lists '{name}' twice");
            }
            else
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>A required list (of mappings, such as stages or questions); reports when absent or not a list.</summary>
    public YamlSequenceNode? List(string key)
    {
        if (Find(key) is not { } entry)
        {
            Report(Line, $"{Subject} has no '{key}'");
            return null;
        }

        if (entry.Value is YamlScalarNode empty && ValueOf(empty) is null)
        {
            Report(entry.Key, $"{Subject} has an empty '{key}'");
            return null;
        }

        if (entry.Value is not YamlSequenceNode sequence)
        {
            Report(entry.Value, $"'{key}' of {Subject} must be a list whose entries start with '- '");
            return null;
        }

        return sequence;
    }

    /// <summary>The value of <paramref name="key"/>, or <c>null</c> when the section does not have it.</summary>
    public YamlNode? Value(string key) => Find(key)?.Value;

    /// <summary>A node that must itself be a mapping, as a section about <paramref name="subject"/>; reports it when it is not.</summary>
    public YamlSection? Child(YamlNode node, string subject)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlSection(mapping, File, _lineOffset, subject, LineOf(node), _problems);
        }

        Report(node, $"{subject} must be 'key: value' lines, not {KindOf(node)}");
        return null;
    }

    /// <summary>Reports every key not in <paramref name="allowed"/>, so a typo such as 'wieght' never passes silently.</summary>
    public void RejectUnknownKeys(IReadOnlyList<string> allowed)
    {
        foreach (var key in _mapping.Children.Keys)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();
            if (allowed.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            var guess = allowed.FirstOrDefault(a => EditDistance(a, name) <= (name.Length <= 4 ? 1 : 2));
            Report(key, guess is not null
                ? $"{Subject} has an unknown key '{name}'; did you mean '{guess}'?"
                : $"{Subject} has an unknown key '{name}'; the keys it may have are {string.Join(", ", allowed)}");
        }
    }

    /// <summary>A scalar's trimmed text, <c>null</c> when it is empty or YAML null (<c>~</c>, <c>null</c>).</summary>
    public static string? ValueOf(YamlScalarNode scalar)
    {
        var value = scalar.Value?.Trim();
        var isNull = string.IsNullOrEmpty(value)
            || (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "~" or "null" or "Null" or "NULL");
        return isNull ? null : value;
    }

    private KeyValuePair<YamlNode, YamlNode>? Find(string key)
    {
        foreach (var entry in _mapping.Children)
        {
            if (entry.Key is YamlScalarNode { Value: var name } && name == key)
            {
                return entry;
            }
        }

        return null;
    }

    private static string Shown(YamlNode node) =>
        node is YamlScalarNode scalar ? $"'{scalar.Value}'" : KindOf(node);

    private static string KindOf(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a set of 'key: value' lines",
        _ => "a single value",
    };

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
