namespace CxMaturity.Assessment.Tests.Content;

// Lines of dimensions/01-strategy.md: 2 id, 3 title, 4 weight, 5 questions; question strategy.vision from line 6
// (7 text, 8 help, 9 weight, 10 journey-stages, 11 options, 12..16 options 1..5); question strategy.owner from
// line 17 (18 text, 19 options, 20..24 options 1..5); 25 stages, 26..30 stage descriptions 1..5.
public sealed class DimensionFileValidationTests
{
    [Fact]
    public void A_file_name_without_an_order_number_is_reported()
    {
        using var content = TestContent.Valid();
        content.Move("dimensions/02-voc.md", "dimensions/voc.md");

        ProblemAssert.Single(content.Load(), "dimensions/voc.md", 1, "the dimension file name 'voc.md' must be 'NN-<dimension-id>.md'");
    }

    [Fact]
    public void Two_files_with_the_same_order_number_are_reported()
    {
        using var content = TestContent.Valid();
        content.Move("dimensions/02-voc.md", "dimensions/01-voc.md");

        ProblemAssert.Single(content.Load(), "dimensions/01-voc.md", 1, "the order number 01 is also used by dimensions/01-strategy.md");
    }

    [Fact]
    public void A_dimension_id_that_differs_from_the_file_name_is_reported_on_its_line()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/02-voc.md", "id: voc", "id: feedback");

        ProblemAssert.Single(content.Load(), "dimensions/02-voc.md", 2, "the dimension id 'feedback' does not match the file name '02-voc.md'");
    }

    [Fact]
    public void A_dimension_id_used_twice_is_reported_with_its_questions()
    {
        using var content = TestContent.Valid();
        content.Write("dimensions/03-strategy.md", TestContent.StrategyMd);

        ProblemAssert.Exactly(
            content.Load(),
            ("dimensions/03-strategy.md", 2, "the dimension id 'strategy' is also used by dimensions/01-strategy.md"),
            ("dimensions/03-strategy.md", 6, "the question id 'strategy.vision' is already used at dimensions/01-strategy.md:6"),
            ("dimensions/03-strategy.md", 17, "the question id 'strategy.owner' is already used at dimensions/01-strategy.md:17"));
    }

    [Fact]
    public void A_missing_dimensions_folder_is_reported()
    {
        using var content = TestContent.Valid();
        Directory.Delete(Path.Combine(content.ModelFolder, "dimensions"), recursive: true);
        Directory.Delete(Path.Combine(content.ModelFolder, "initiatives"), recursive: true);

        ProblemAssert.Single(content.Load(), "dimensions", 1, "the model has no 'dimensions' folder");
    }

    [Fact]
    public void A_dimension_without_a_title_is_reported()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "title: Strategy\n", "");

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 1, "dimension 'strategy' has no 'title'");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("heavy")]
    public void A_dimension_weight_that_is_not_a_positive_number_is_reported_on_its_line(string weight)
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "weight: 2", $"weight: {weight}");

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 4, $"'weight' of dimension 'strategy' must be a positive number, not '{weight}'");
    }

    [Fact]
    public void A_dimension_without_questions_is_reported()
    {
        using var content = TestContent.Valid();
        content.Write("dimensions/02-voc.md", """
            ---
            id: voc
            title: Voice of the customer
            questions: []
            stages: { 1: One., 2: Two., 3: Three., 4: Four., 5: Five. }
            ---
            """);

        ProblemAssert.Single(content.Load(), "dimensions/02-voc.md", 4, "dimension 'voc' has no questions; add at least one under 'questions'");
    }

    [Fact]
    public void A_question_without_an_id_is_reported_by_its_position()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "  - id: strategy.owner\n    text: Who owns CX?", "  - text: Who owns CX?\n    help: Name a person.");

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 17, "question 2 of dimension 'strategy' has no 'id'");
    }

    [Fact]
    public void A_question_id_used_in_another_dimension_is_reported()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/02-voc.md", "id: voc.listening", "id: strategy.vision");

        ProblemAssert.Single(content.Load(), "dimensions/02-voc.md", 5, "the question id 'strategy.vision' is already used at dimensions/01-strategy.md:6");
    }

    [Fact]
    public void A_question_without_text_is_reported_on_its_first_line()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "    text: Who owns CX?", "    help: Who owns CX?");

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 17, "question 'strategy.owner' has no 'text'");
    }

    [Fact]
    public void A_question_weight_that_is_not_positive_is_reported_on_its_line()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "weight: 1.5", "weight: 0");

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 9, "'weight' of question 'strategy.vision' must be a positive number, not '0'");
    }

    [Fact]
    public void A_journey_stage_tag_that_model_md_does_not_list_is_reported()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "journey-stages: [Use]", "journey-stages: [Use, Usage]");

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 10, "question 'strategy.vision' is tagged with the journey stage 'Usage', which model.md does not list (Awareness, Use, Advocacy)");
    }

    [Fact]
    public void A_missing_option_is_reported_on_the_options_line()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "      4: Shared.\n", "");

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 11, "question 'strategy.vision' has no option for level 4");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("five")]
    public void An_option_outside_levels_1_to_5_is_reported_on_its_line(string key)
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "      5: Lived.", $"      {key}: Lived.");

        ProblemAssert.Exactly(
            content.Load(),
            ("dimensions/01-strategy.md", 11, "question 'strategy.vision' has no option for level 5"),
            ("dimensions/01-strategy.md", 16, $"question 'strategy.vision' has an option '{key}'; options are numbered 1 to 5"));
    }

    [Fact]
    public void An_empty_option_is_reported_on_its_line()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "      2: A draft.", "      2: ''");

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 13, "question 'strategy.vision' has an empty option for level 2");
    }

    [Fact]
    public void Options_given_as_a_list_are_reported()
    {
        using var content = TestContent.Valid();
        content.Edit(
            "dimensions/02-voc.md",
            "      1: We do not.\n      2: Ad hoc surveys.\n      3: A regular survey.\n      4: Surveys and analytics.\n      5: Closed loops everywhere.",
            "      - We do not.\n      - Ad hoc surveys.\n      - A regular survey.\n      - Surveys and analytics.\n      - Closed loops everywhere.");

        ProblemAssert.Single(content.Load(), "dimensions/02-voc.md", 8, "'options' of question 'voc.listening' must give one statement for each level");
    }

    [Fact]
    public void A_question_without_options_is_reported()
    {
        using var content = TestContent.Valid();
        content.Write("dimensions/02-voc.md", """
            ---
            id: voc
            title: Voice of the customer
            questions:
              - id: voc.listening
                text: How do you listen to customers?
            stages: { 1: One., 2: Two., 3: Three., 4: Four., 5: Five. }
            ---
            """);

        ProblemAssert.Single(content.Load(), "dimensions/02-voc.md", 5, "question 'voc.listening' has no 'options'");
    }

    [Fact]
    public void A_misspelt_question_key_is_reported_with_a_suggestion()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "weight: 1.5", "wieght: 1.5");

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 9, "question 'strategy.vision' has an unknown key 'wieght'; did you mean 'weight'?");
    }

    [Fact]
    public void A_dimension_without_stage_descriptions_is_reported()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", """
            stages:
              1: Nobody owns the strategy.
              2: A draft strategy exists.
              3: The strategy is written and agreed.
              4: The strategy steers budgets.
              5: The strategy is lived every day.

            """, "");

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 1, "dimension 'strategy' has no 'stages'; describe what an organisation at each stage does in it");
    }

    [Fact]
    public void A_missing_stage_description_is_reported_with_its_file_and_line()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "  4: The strategy steers budgets.\n", "");

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 25, "dimension 'strategy' has no stage description for level 4");
    }

    [Fact]
    public void An_empty_stage_description_is_reported_on_its_line()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "  2: A draft strategy exists.", "  2: \"\"");

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 27, "dimension 'strategy' has an empty stage description for level 2");
    }

    [Fact]
    public void A_stage_description_numbered_outside_one_to_five_is_reported()
    {
        using var content = TestContent.Valid();
        content.Edit("dimensions/01-strategy.md", "  5: The strategy is lived every day.", "  5: The strategy is lived every day.\n  6: Beyond.");

        ProblemAssert.Single(content.Load(), "dimensions/01-strategy.md", 31, "dimension 'strategy' has a stage description '6'; stage descriptions are numbered 1 to 5");
    }
}
