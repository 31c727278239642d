using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CxMaturity.Assessment.Content;

/// <summary>A content file split into its front matter (a YAML mapping) and its Markdown body.</summary>
internal sealed record FrontMatterFile(string RelativePath, YamlMappingNode Root, int LineOffset, string Body)
{
    /// <summary>The front matter as a section whose problems are about <paramref name="subject"/>.</summary>
    public YamlSection Section(string subject, ProblemLog problems) =>
        new(Root, RelativePath, LineOffset, subject, line: 1, problems);
}

/// <summary>
/// Reads a content file: Markdig finds the front matter block (it only strips it), YamlDotNet's representation
/// model parses it so every node keeps its line, and the Markdown after the closing <c>---</c> is the body.
/// </summary>
internal static class FrontMatterReader
{
    private const string Fence = "---";

    /// <summary>The file's front matter and body, or <c>null</c> (with the reason logged) when there is none to read.</summary>
    public static FrontMatterFile? Read(string path, string relativePath, ProblemLog problems)
    {
        var text = File.ReadAllText(path);
        var block = MarkdownRenderer.FrontMatterOf(text);
        if (block is null)
        {
            problems.Add(relativePath, 1, WhyNoFrontMatter(text));
            return null;
        }

        // block.Line is the 0-based line of the opening '---', so YAML line 1 is file line block.Line + 2.
        var lineOffset = block.Line + 1;
        var closingLine = lineOffset + block.Lines.Count + 1;
        var body = text[Math.Min(text.Length, block.Span.End + 1)..].TrimStart('\r', '\n').TrimEnd();

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(block.Lines.ToString()));
        }
        catch (YamlException e)
        {
            var line = Math.Clamp((int)e.Start.Line + lineOffset, lineOffset + 1, closingLine);
            problems.Add(relativePath, line, DescribeYamlError(e));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: "" })
        {
            problems.Add(relativePath, 1, "the front matter is empty; it must hold the file's 'key: value' lines");
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(relativePath, 1, "the front matter must be 'key: value' lines, such as 'id: strategy'");
            return null;
        }

        return new FrontMatterFile(relativePath, root, lineOffset, body);
    }

    private static string WhyNoFrontMatter(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToArray();
        if (lines[0] != Fence)
        {
            return "the file has no front matter; it must start with a '---' line, then the YAML, then a closing '---' line";
        }

        var closing = Array.FindIndex(lines, 1, l => l is Fence or "...");
        return closing switch
        {
            -1 => "the front matter that starts on line 1 is never closed; add a '---' line after the YAML",
            1 => "the front matter is empty; it must hold the file's 'key: value' lines",
            _ => "the front matter could not be read; check the '---' lines that open and close it",
        };
    }

    private static string DescribeYamlError(YamlException e) =>
        e.Message.StartsWith("Duplicate key ", StringComparison.Ordinal)
            ? $"the key '{e.Message["Duplicate key ".Length..]}' appears twice in the same place"
            : $"the front matter is not valid YAML: {e.Message}";
}
