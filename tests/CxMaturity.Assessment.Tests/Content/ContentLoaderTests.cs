using CxMaturity.Assessment.Content;

namespace CxMaturity.Assessment.Tests.Content;

public sealed class ContentLoaderTests
{
    [Fact]
    public void A_valid_model_folder_loads_into_the_model_records()
    {
        using var content = TestContent.Valid();

        var result = content.Load();

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        var model = Assert.Single(result.Models);
        Assert.Equal(("test-model", "1.0.0", "Test model"), (model.Id, model.Version, model.Title));
        Assert.Equal("Introduction to the **test** model.", model.IntroductionMarkdown);
        Assert.Equal(["Initial", "Development", "Definition", "Managed", "Optimized"], model.Stages.Select(s => s.Name));
        Assert.Equal([1, 2, 3, 4, 5], model.Stages.Select(s => s.Level));
        Assert.Equal("Defined.", model.StageAt(3).Summary);
        Assert.Equal(["Awareness", "Use", "Advocacy"], model.JourneyStages);
        Assert.Equal(["strategy", "voc"], model.Dimensions.Select(d => d.Id));

        var strategy = model.Dimensions[0];
        Assert.Equal((1, "Strategy", 2.0, "Guidance for **strategy**."), (strategy.Order, strategy.Title, strategy.Weight, strategy.GuidanceMarkdown));
        Assert.Equal(["strategy.vision", "strategy.owner"], strategy.Questions.Select(q => q.Id));
        Assert.Equal("The strategy steers budgets.", strategy.DescriptionOf(4));
        Assert.Equal(5, strategy.StageDescriptions!.Count);

        var vision = strategy.Questions[0];
        Assert.Equal(("strategy", "How clear is the vision?", "Think of the last year.", 1.5), (vision.DimensionId, vision.Text, vision.Help, vision.Weight));
        Assert.Equal(["Use"], vision.JourneyStages);
        Assert.Equal(["No vision.", "A draft.", "Written.", "Shared.", "Lived."], vision.Options);
        Assert.Equal("Shared.", vision.OptionFor(4));
    }

    [Fact]
    public void Optional_question_fields_and_weights_take_their_defaults()
    {
        using var content = TestContent.Valid();

        var model = Assert.Single(content.Load().Models);

        var voc = model.FindDimension("voc")!;
        var listening = model.FindQuestion("voc.listening")!;
        Assert.Equal(1.0, voc.Weight);
        Assert.Equal(1.0, listening.Weight);
        Assert.Null(listening.Help);
        Assert.Empty(listening.JourneyStages);
    }

    [Fact]
    public void Initiatives_load_in_dimension_order_with_their_fields()
    {
        using var content = TestContent.Valid();
        content.Write("initiatives/strategy/a-first-step.md", TestContent.StrategyCharterMd
            .Replace("id: strategy-charter", "id: a-first-step")
            .Replace("from: 1\nto: 2", "from: 3\nto: 4"));

        var model = Assert.Single(content.Load().Models);

        Assert.Equal(["strategy-charter", "a-first-step", "voc-survey"], model.Initiatives.Select(i => i.Id));
        var charter = model.Initiatives[0];
        Assert.Equal(
            ("strategy", 1, 2, "Write a CX charter", 4, 2, "Executive sponsor", "Write it down and get it signed."),
            (charter.DimensionId, charter.From, charter.To, charter.Title, charter.Impact, charter.Effort, charter.OwnerRole, charter.DescriptionMarkdown));
        Assert.Equal(["NPS", "CSAT"], charter.Kpis);
    }

    [Fact]
    public void Every_problem_in_every_file_is_reported_at_once_in_file_and_line_order()
    {
        using var content = TestContent.Valid();
        content.Edit("model.md", "version: 1.0.0\n", "");
        content.Edit("dimensions/01-strategy.md", "      4: Shared.\n", "");
        content.Edit("dimensions/01-strategy.md", "weight: 2", "weight: -2");
        content.Edit("dimensions/02-voc.md", "text: How do you listen to customers?", "text: ''");
        content.Edit("initiatives/strategy/strategy-charter.md", "to: 2", "to: 3");
        content.Edit("initiatives/voc/voc-survey.md", "impact: 3", "impact: 9");

        ProblemAssert.Exactly(
            content.Load(),
            ("model.md", 1, "the model has no 'version'"),
            ("dimensions/01-strategy.md", 4, "'weight' of dimension 'strategy' must be a positive number, not '-2'"),
            ("dimensions/01-strategy.md", 11, "question 'strategy.vision' has no option for level 4"),
            ("dimensions/02-voc.md", 6, "question 'voc.listening' has an empty 'text'"),
            ("initiatives/strategy/strategy-charter.md", 5, "initiative 'strategy-charter' goes from 1 to 3; an initiative moves exactly one stage"),
            ("initiatives/voc/voc-survey.md", 7, "'impact' of initiative 'voc-survey' must be a whole number from 1 to 5, not '9'"));
    }

    [Fact]
    public void A_problem_reads_as_file_line_and_sentence()
    {
        var problem = new ContentProblem("dimensions/03-voc.md", 41, "question 'voc.loops' has no option for level 4");

        Assert.Equal("dimensions/03-voc.md:41: question 'voc.loops' has no option for level 4", problem.ToString());
    }

    [Fact]
    public void Load_models_reads_every_model_folder_under_the_content_root()
    {
        using var content = TestContent.Valid();

        var result = ContentLoader.LoadModels(content.Root);

        Assert.True(result.IsValid);
        Assert.Equal(["test-model"], result.Models.Select(m => m.Id));
    }

    [Fact]
    public void Load_models_reports_a_content_root_without_a_models_folder()
    {
        using var content = TestContent.Valid();
        var emptyRoot = Directory.CreateDirectory(Path.Combine(content.Root, "empty")).FullName;

        var result = ContentLoader.LoadModels(emptyRoot);

        ProblemAssert.Single(result, "models", 1, "there is no 'models' folder");
    }

    [Fact]
    public void Load_models_leaves_out_an_invalid_model_and_keeps_the_valid_ones()
    {
        using var content = TestContent.Valid();
        var broken = Path.Combine(content.Root, "models", "broken-model");
        Directory.CreateDirectory(broken);

        var result = ContentLoader.LoadModels(content.Root);

        Assert.Equal(["test-model"], result.Models.Select(m => m.Id));
        Assert.Equal(["model.md:1", "dimensions:1"], result.Problems.Select(p => $"{p.File}:{p.Line}"));
    }

    [Fact]
    public void Load_models_or_throw_returns_the_models_of_valid_content()
    {
        using var content = TestContent.Valid();

        var models = ContentLoader.LoadModelsOrThrow(content.Root);

        Assert.Equal(["test-model"], models.Select(m => m.Id));
    }

    [Fact]
    public void Load_models_or_throw_lists_every_problem_relative_to_the_content_root()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "weight: 2", "weight: 0");
        content.Edit("initiatives/voc/voc-survey.md", "effort: 3", "effort: 7");

        var exception = Assert.Throws<ContentException>(() => ContentLoader.LoadModelsOrThrow(content.Root));

        Assert.Equal(
            ["models/test-model/dimensions/01-strategy.md:4", "models/test-model/initiatives/voc/voc-survey.md:8"],
            exception.Problems.Select(p => $"{p.File}:{p.Line}"));
        var lines = exception.Message.Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.Contains("is not valid (2 problems)", lines[0]);
        Assert.Equal(exception.Problems.Select(p => p.ToString()), lines[1..]);
    }
}
