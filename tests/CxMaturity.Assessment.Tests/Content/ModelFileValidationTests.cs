namespace CxMaturity.Assessment.Tests.Content;

// Lines of model.md: 2 id, 3 version, 4 title, 5 stages, 6/9/12/15/18 the stages' 'level' lines, 21 journey-stages.
public sealed class ModelFileValidationTests
{
    [Fact]
    public void A_missing_model_md_is_reported()
    {
        using var content = TestContent.Valid();
        content.Delete("model.md");

        ProblemAssert.Single(content.Load(), "model.md", 1, "model.md is missing");
    }

    [Fact]
    public void A_model_id_that_differs_from_the_folder_name_is_reported_on_its_line()
    {
        using var content = TestContent.Valid();
        content.Edit("model.md", "id: test-model", "id: other-model");

        ProblemAssert.Single(content.Load(), "model.md", 2, "the model id 'other-model' does not match its folder name 'test-model'");
    }

    [Fact]
    public void A_missing_version_is_reported_for_the_whole_file()
    {
        using var content = TestContent.Valid();
        content.Edit("model.md", "version: 1.0.0\n", "");

        ProblemAssert.Single(content.Load(), "model.md", 1, "the model has no 'version'");
    }

    [Fact]
    public void An_empty_title_is_reported_on_its_line()
    {
        using var content = TestContent.Valid();
        content.Edit("model.md", "title: Test model", "title: ''");

        ProblemAssert.Single(content.Load(), "model.md", 4, "the model has an empty 'title'");
    }

    [Fact]
    public void A_stage_level_given_twice_is_reported_with_the_level_it_leaves_out()
    {
        using var content = TestContent.Valid();
        content.Edit("model.md", "level: 4", "level: 3");

        ProblemAssert.Exactly(
            content.Load(),
            ("model.md", 5, "the model has no stage with level 4; 'stages' needs exactly five, levels 1 to 5"),
            ("model.md", 15, "stage level 3 appears twice"));
    }

    [Fact]
    public void A_sixth_stage_is_reported()
    {
        using var content = TestContent.Valid();
        content.Edit("model.md", "journey-stages:", "  - level: 6\n    name: Beyond\n    summary: Too far.\njourney-stages:");

        ProblemAssert.Single(content.Load(), "model.md", 21, "'level' of entry 6 of 'stages' must be a whole number from 1 to 5, not '6'");
    }

    [Fact]
    public void A_stage_without_a_name_is_reported_on_its_first_line()
    {
        using var content = TestContent.Valid();
        content.Edit("model.md", "    name: Managed\n", "");

        ProblemAssert.Single(content.Load(), "model.md", 15, "stage 4 has no 'name'");
    }

    [Fact]
    public void A_stage_without_a_summary_is_reported()
    {
        using var content = TestContent.Valid();
        content.Edit("model.md", "    summary: Defined.\n", "");

        ProblemAssert.Single(content.Load(), "model.md", 12, "stage 3 has no 'summary'");
    }

    [Fact]
    public void Stages_that_are_not_a_list_are_reported()
    {
        using var content = TestContent.Valid();
        content.Write("model.md", """
            ---
            id: test-model
            version: 1.0.0
            title: Test model
            stages: five of them
            journey-stages: [Awareness, Use, Advocacy]
            ---
            """);

        ProblemAssert.Single(content.Load(), "model.md", 5, "'stages' of the model must be a list");
    }

    [Fact]
    public void Missing_journey_stages_are_reported()
    {
        using var content = TestContent.Valid();
        content.Edit("model.md", "journey-stages: [Awareness, Use, Advocacy]\n", "");

        ProblemAssert.Single(content.Load(), "model.md", 1, "the model has no 'journey-stages'");
    }

    [Fact]
    public void Journey_stages_that_are_not_a_list_are_reported()
    {
        using var content = TestContent.Valid();
        content.Edit("model.md", "journey-stages: [Awareness, Use, Advocacy]", "journey-stages: Awareness, Use, Advocacy");

        ProblemAssert.Single(content.Load(), "model.md", 21, "'journey-stages' of the model must be a list of names");
    }

    [Fact]
    public void An_empty_list_of_journey_stages_is_reported()
    {
        using var content = TestContent.Valid();
        content.Edit("model.md", "[Awareness, Use, Advocacy]", "[]");
        content.Edit("dimensions/01-strategy.md", "    journey-stages: [Use]\n", "");

        ProblemAssert.Single(content.Load(), "model.md", 21, "the model lists no journey stages");
    }

    [Fact]
    public void A_journey_stage_listed_twice_is_reported()
    {
        using var content = TestContent.Valid();
        content.Edit("model.md", "[Awareness, Use, Advocacy]", "[Awareness, Use, Use, Advocacy]");

        ProblemAssert.Single(content.Load(), "model.md", 21, "'journey-stages' of the model lists 'Use' twice");
    }

    [Fact]
    public void A_misspelt_key_is_reported_with_a_suggestion_and_the_key_it_leaves_out()
    {
        using var content = TestContent.Valid();
        content.Edit("model.md", "title: Test model", "titel: Test model");

        ProblemAssert.Exactly(
            content.Load(),
            ("model.md", 1, "the model has no 'title'"),
            ("model.md", 4, "the model has an unknown key 'titel'; did you mean 'title'?"));
    }

    [Fact]
    public void An_unknown_key_is_reported_with_the_keys_allowed()
    {
        using var content = TestContent.Valid();
        content.Edit("model.md", "    summary: Nothing yet.", "    summary: Nothing yet.\n    colour: grey");

        ProblemAssert.Single(content.Load(), "model.md", 9, "stage 1 has an unknown key 'colour'; the keys it may have are level, name, summary");
    }
}
