using CxMaturity.Assessment.Content;

namespace CxMaturity.Assessment.Tests.Content;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Raw_html_is_escaped_not_rendered()
    {
        var html = MarkdownRenderer.ToHtml("Hello <script>alert('x')</script>\n\n<div onclick=\"steal()\">block</div>\n");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void Markdown_and_the_advanced_extensions_are_rendered()
    {
        var html = MarkdownRenderer.ToHtml("**Bold** text\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");

        Assert.Contains("<strong>Bold</strong>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<td>1</td>", html);
    }

    [Fact]
    public void Front_matter_is_not_rendered()
    {
        var html = MarkdownRenderer.ToHtml("---\nid: secret-id\n---\nThe body.\n");

        Assert.DoesNotContain("secret-id", html);
        Assert.Contains("<p>The body.</p>", html);
    }
}
