using Markdig;
using Markdig.Extensions.Yaml;

namespace CxMaturity.Assessment.Content;

/// <summary>
/// Renders content Markdown to HTML with one Markdig pipeline: the advanced extensions (tables, lists, …), raw
/// HTML disabled so it is shown as text and never rendered, and YAML front matter recognised (and left out).
/// </summary>
public static class MarkdownRenderer
{
    /// <summary>The pipeline every content file is parsed and rendered with; built once, safe to share.</summary>
    internal static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .UseYamlFrontMatter()
        .DisableHtml()
        .Build();

    /// <summary>Renders Markdown to HTML; raw HTML in it comes out escaped.</summary>
    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    /// <summary>The YAML front matter block at the top of a document, or <c>null</c> when there is none.</summary>
    internal static YamlFrontMatterBlock? FrontMatterOf(string markdown) =>
        Markdown.Parse(markdown, Pipeline).OfType<YamlFrontMatterBlock>().FirstOrDefault();
}
