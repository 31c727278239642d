using Bunit;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Components.Shared;

namespace CxMaturity.Web.Tests.Components.Shared;

public sealed class NextStageGuidanceTests : MudBunitContext
{
    [Fact]
    public void Describes_the_next_stage_and_the_weakest_question_one_level_up()
    {
        // Strategy scores 2.3 (Development): its weaker question (mean 1.6, stage 2) is shown with its level 3 statement.
        var result = TestModel.Result([TestModel.Dimension("strategy", 2.3, 0.4, 3, lowConsensus: false)], overall: 2.3) with
        {
            Questions =
            [
                new QuestionResult("strategy.vision", "strategy", 3, 3.0, [0, 0, 3, 0, 0], 0),
                new QuestionResult("strategy.sponsor", "strategy", 3, 1.6, [1, 2, 0, 0, 0], 0),
            ],
        };

        var guidance = Render<NextStageGuidance>(p => p
            .Add(c => c.Model, TestModel.Model)
            .Add(c => c.Result, result)
            .Add(c => c.WeakestCount, 1));

        var item = guidance.Find("[data-testid='guidance-strategy']");
        Assert.Contains("Today: 2 · Development. A manager owns strategy part time.", item.TextContent);
        Assert.Contains("Next: 3 · Definition. A senior leader owns an agreed strategy.", item.TextContent);
        Assert.DoesNotContain("Defined and repeatable.", item.TextContent);
        Assert.Empty(guidance.FindAll("[data-testid='guidance-step-strategy.vision']"));
        var step = guidance.Find("[data-testid='guidance-step-strategy.sponsor']");
        Assert.Contains("Who sponsors CX?", step.TextContent);
        Assert.Contains("(mean 1.6)", step.TextContent);
        Assert.Contains("3 · Definition", step.TextContent);
        Assert.Contains("p3", step.TextContent);
    }

    [Fact]
    public void A_dimension_of_a_model_without_stage_descriptions_falls_back_on_the_stage_summary()
    {
        var result = TestModel.Result([TestModel.Dimension("voc", 1.8, 0.4, 3, lowConsensus: false)], overall: 1.8);

        var guidance = Render<NextStageGuidance>(p => p.Add(c => c.Model, TestModel.Model).Add(c => c.Result, result));

        Assert.Contains("Next: 3 · Definition. Defined and repeatable.", guidance.Find("[data-testid='guidance-voc']").TextContent);
    }

    [Fact]
    public void Lists_the_weakest_questions_lowest_mean_first()
    {
        var result = TestModel.Result([TestModel.Dimension("strategy", 2.0, 0.4, 3, lowConsensus: false)], overall: 2.0) with
        {
            Questions =
            [
                new QuestionResult("strategy.vision", "strategy", 3, 2.4, [0, 3, 0, 0, 0], 0),
                new QuestionResult("strategy.sponsor", "strategy", 3, 1.2, [3, 0, 0, 0, 0], 0),
            ],
        };

        var guidance = Render<NextStageGuidance>(p => p.Add(c => c.Model, TestModel.Model).Add(c => c.Result, result));

        var steps = guidance.FindAll("[data-testid^='guidance-step-']").Select(s => s.GetAttribute("data-testid")).ToList();
        Assert.Equal(["guidance-step-strategy.sponsor", "guidance-step-strategy.vision"], steps);
        Assert.Contains("p2", guidance.Find("[data-testid='guidance-step-strategy.sponsor']").TextContent);
        Assert.Contains("s3", guidance.Find("[data-testid='guidance-step-strategy.vision']").TextContent);
    }

    [Fact]
    public void A_dimension_at_the_highest_stage_is_told_to_stay_there()
    {
        var result = TestModel.Result([TestModel.Dimension("voc", 4.6, 0.2, 3, lowConsensus: false)], overall: 4.6);

        var guidance = Render<NextStageGuidance>(p => p.Add(c => c.Model, TestModel.Model).Add(c => c.Result, result));

        Assert.Contains("Optimized is the highest stage", guidance.Find("[data-testid='guidance-voc']").TextContent);
        Assert.Empty(guidance.FindAll("[data-testid^='guidance-step-']"));
    }
}
