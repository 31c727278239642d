using CxMaturity.Assessment.Content;

namespace CxMaturity.Assessment.Tests.Content;

public sealed class ContentCommandTests
{
    [Fact]
    public void Valid_content_prints_a_summary_of_each_model_and_returns_0()
    {
        using var content = TestContent.Valid();
        var output = new StringWriter();

        var exitCode = ContentCommand.Run(content.Root, output);

        Assert.Equal(0, exitCode);
        Assert.Equal("test-model 1.0.0: 2 dimensions, 3 questions, 2 initiatives — valid", output.ToString().TrimEnd());
    }

    [Fact]
    public void Invalid_content_prints_every_problem_and_returns_1()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "      4: Shared.\n", "");
        content.Edit("initiatives/strategy/strategy-charter.md", "to: 2", "to: 3");
        var output = new StringWriter();

        var exitCode = ContentCommand.Run(content.Root, output);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [
                "models/test-model/dimensions/01-strategy.md:11: question 'strategy.vision' has no option for level 4",
                "models/test-model/initiatives/strategy/strategy-charter.md:5: initiative 'strategy-charter' goes from 1 to 3; an initiative moves exactly one stage, so 'to' must be 2",
                "2 problems found; the content is not valid.",
            ],
            Lines(output));
    }

    [Fact]
    public void A_model_folder_is_validated_with_paths_relative_to_it()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/02-voc.md", "id: voc.listening", "id: strategy.owner");
        var output = new StringWriter();

        var exitCode = ContentCommand.Run(content.ModelFolder, output);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [
                "dimensions/02-voc.md:5: the question id 'strategy.owner' is already used at dimensions/01-strategy.md:17; question ids must be unique in the model",
                "1 problem found; the content is not valid.",
            ],
            Lines(output));
    }

    [Fact]
    public void A_folder_that_is_neither_content_nor_a_model_returns_1()
    {
        using var content = TestContent.Valid();
        var output = new StringWriter();

        var exitCode = ContentCommand.Run(Path.Combine(content.ModelFolder, "dimensions"), output);

        Assert.Equal(1, exitCode);
        Assert.Contains("is neither a content folder", output.ToString());
    }

    [Fact]
    public void A_folder_that_does_not_exist_returns_1()
    {
        var output = new StringWriter();

        var exitCode = ContentCommand.Run(Path.Combine(Path.GetTempPath(), "cx-no-such-" + Guid.NewGuid().ToString("N")), output);

        Assert.Equal(1, exitCode);
        Assert.Contains("the content folder does not exist", output.ToString());
    }

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
