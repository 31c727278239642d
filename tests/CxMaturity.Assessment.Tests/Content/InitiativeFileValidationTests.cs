namespace CxMaturity.Assessment.Tests.Content;

// Lines of initiatives/strategy/strategy-charter.md: 2 id, 3 dimension, 4 from, 5 to, 6 title, 7 impact,
// 8 effort, 9 kpis, 10 owner-role.
public sealed class InitiativeFileValidationTests
{
    private const string Charter = "initiatives/strategy/strategy-charter.md";

    [Fact]
    public void An_initiative_outside_a_dimension_folder_is_reported()
    {
        using var content = TestContent.Valid();
        content.Move(Charter, "initiatives/strategy-charter.md");

        ProblemAssert.Single(content.Load(), "initiatives/strategy-charter.md", 1, "initiative files belong in a folder named after their dimension");
    }

    [Fact]
    public void An_initiative_id_that_differs_from_the_file_name_is_reported_on_its_line()
    {
        using var content = TestContent.Valid();
        content.Edit(Charter, "id: strategy-charter", "id: charter");

        ProblemAssert.Single(content.Load(), Charter, 2, "the initiative id 'charter' does not match the file name 'strategy-charter.md'");
    }

    [Fact]
    public void An_initiative_id_used_twice_is_reported()
    {
        using var content = TestContent.Valid();
        content.Write("initiatives/voc/strategy-charter.md", TestContent.StrategyCharterMd.Replace("dimension: strategy", "dimension: voc"));

        ProblemAssert.Single(content.Load(), "initiatives/voc/strategy-charter.md", 2, "the initiative id 'strategy-charter' is also used by initiatives/strategy/strategy-charter.md");
    }

    [Fact]
    public void An_initiative_for_a_dimension_the_model_does_not_have_is_reported()
    {
        using var content = TestContent.Valid();
        content.Edit(Charter, "dimension: strategy", "dimension: pricing");

        ProblemAssert.Single(content.Load(), Charter, 3, "initiative 'strategy-charter' is for the dimension 'pricing', which the model does not have");
    }

    [Fact]
    public void An_initiative_in_another_dimension_s_folder_is_reported()
    {
        using var content = TestContent.Valid();
        content.Edit(Charter, "dimension: strategy", "dimension: voc");

        ProblemAssert.Single(content.Load(), Charter, 3, "initiative 'strategy-charter' is for the dimension 'voc' but sits in initiatives/strategy/; move it to initiatives/voc/");
    }

    [Fact]
    public void An_initiative_that_moves_two_stages_is_reported()
    {
        using var content = TestContent.Valid();
        content.Edit(Charter, "to: 2", "to: 3");

        ProblemAssert.Single(content.Load(), Charter, 5, "initiative 'strategy-charter' goes from 1 to 3; an initiative moves exactly one stage");
    }

    [Fact]
    public void An_initiative_from_stage_5_is_reported()
    {
        using var content = TestContent.Valid();
        content.Edit(Charter, "from: 1", "from: 5");

        ProblemAssert.Single(content.Load(), Charter, 4, "'from' of initiative 'strategy-charter' must be a whole number from 1 to 4, not '5'");
    }

    [Theory]
    [InlineData("impact: 4", "impact: 6", 7, "'impact' of initiative 'strategy-charter' must be a whole number from 1 to 5, not '6'")]
    [InlineData("impact: 4", "impact: 2.5", 7, "'impact' of initiative 'strategy-charter' must be a whole number from 1 to 5, not '2.5'")]
    [InlineData("effort: 2", "effort: 0", 8, "'effort' of initiative 'strategy-charter' must be a whole number from 1 to 5, not '0'")]
    [InlineData("effort: 2", "effort: high", 8, "'effort' of initiative 'strategy-charter' must be a whole number from 1 to 5, not 'high'")]
    public void Impact_and_effort_outside_1_to_5_are_reported_on_their_line(string oldText, string newText, int line, string phrase)
    {
        using var content = TestContent.Valid();
        content.Edit(Charter, oldText, newText);

        ProblemAssert.Single(content.Load(), Charter, line, phrase);
    }

    [Theory]
    [InlineData("title: Write a CX charter\n", "initiative 'strategy-charter' has no 'title'")]
    [InlineData("owner-role: Executive sponsor\n", "initiative 'strategy-charter' has no 'owner-role'")]
    [InlineData("kpis: [NPS, CSAT]\n", "initiative 'strategy-charter' has no 'kpis'")]
    [InlineData("to: 2\n", "initiative 'strategy-charter' has no 'to'")]
    public void A_missing_initiative_field_is_reported(string line, string phrase)
    {
        using var content = TestContent.Valid();
        content.Edit(Charter, line, "");

        ProblemAssert.Single(content.Load(), Charter, 1, phrase);
    }

    [Fact]
    public void Kpis_that_are_not_a_list_are_reported()
    {
        using var content = TestContent.Valid();
        content.Edit(Charter, "kpis: [NPS, CSAT]", "kpis: NPS");

        ProblemAssert.Single(content.Load(), Charter, 9, "'kpis' of initiative 'strategy-charter' must be a list of names, such as [NPS, CSAT]");
    }

    [Fact]
    public void A_misspelt_initiative_key_is_reported_with_a_suggestion()
    {
        using var content = TestContent.Valid();
        content.Edit(Charter, "owner-role: Executive sponsor", "owner-role: Executive sponsor\nowner: Jane");

        ProblemAssert.Single(content.Load(), Charter, 11, "initiative 'strategy-charter' has an unknown key 'owner'");
    }
}
