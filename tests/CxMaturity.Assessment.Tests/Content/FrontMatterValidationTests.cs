namespace CxMaturity.Assessment.Tests.Content;

public sealed class FrontMatterValidationTests
{
    [Fact]
    public void A_file_without_front_matter_is_reported_on_line_1()
    {
        using var content = TestContent.Valid();
        content.Write("dimensions/02-voc.md", "# Voice of the customer\n\nNo front matter here.\n");

        ProblemAssert.Single(content.Load(), "dimensions/02-voc.md", 1, "the file has no front matter");
    }

    [Fact]
    public void Front_matter_that_is_never_closed_is_reported_on_line_1()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/02-voc.md", "---\nGuidance for voc.", "Guidance for voc.");

        ProblemAssert.Single(content.Load(), "dimensions/02-voc.md", 1, "is never closed");
    }

    [Fact]
    public void Empty_front_matter_is_reported()
    {
        using var content = TestContent.Valid();
        content.Write("initiatives/voc/voc-survey.md", "---\n---\nSurvey every quarter.\n");

        ProblemAssert.Single(content.Load(), "initiatives/voc/voc-survey.md", 1, "the front matter is empty");
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_on_its_line_in_the_file()
    {
        using var content = TestContent.Valid();
        // Line 7 of 01-strategy.md: a plain value may not contain ': '.
        content.Edit("dimensions/01-strategy.md", "text: How clear is the vision?", "text: How clear: is the vision?");

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 7, "the front matter is not valid YAML");
    }

    [Fact]
    public void A_key_given_twice_is_reported_on_the_second_one()
    {
        using var content = TestContent.Valid();
        content.Edit("initiatives/strategy/strategy-charter.md", "effort: 2", "impact: 2");

        ProblemAssert.Single(content.Load(), "initiatives/strategy/strategy-charter.md", 8, "the key 'impact' appears twice");
    }

    [Fact]
    public void Front_matter_that_is_not_key_value_lines_is_reported()
    {
        using var content = TestContent.Valid();
        content.Write("initiatives/voc/voc-survey.md", "---\n- just\n- a list\n---\nBody.\n");

        ProblemAssert.Single(content.Load(), "initiatives/voc/voc-survey.md", 1, "must be 'key: value' lines");
    }

    [Fact]
    public void Windows_line_endings_keep_the_line_numbers()
    {
        using var content = TestContent.Valid();
        content.Write("dimensions/01-strategy.md", TestContent.StrategyMd.Replace("weight: 2", "weight: 0").Replace("\n", "\r\n"));

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 4, "'weight' of dimension 'strategy' must be a positive number, not '0'");
    }
}
