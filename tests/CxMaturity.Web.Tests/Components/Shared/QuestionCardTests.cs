using Bunit;
using CxMaturity.Web.Components.Shared;

namespace CxMaturity.Web.Tests.Components.Shared;

public sealed class QuestionCardTests : MudBunitContext
{
    [Fact]
    public void Renders_the_five_anchored_statements_and_not_applicable_each_as_a_labelled_radio()
    {
        var card = Render<QuestionCard>(p => p.Add(c => c.Question, TestModel.Loops).Add(c => c.Number, 3));

        var radios = card.FindAll("input[type=radio]");
        Assert.Equal(6, radios.Count);
        var labels = card.FindAll("label.cx-option").Select(l => l.TextContent).ToList();
        Assert.Equal(6, labels.Count);
        for (var level = 1; level <= 5; level++)
        {
            Assert.Contains(TestModel.Loops.OptionFor(level), labels[level - 1]);
            Assert.Equal(level.ToString(System.Globalization.CultureInfo.InvariantCulture), radios[level - 1].GetAttribute("value"));
        }

        Assert.Contains("Not applicable", labels[5]);
        Assert.All(radios, r => Assert.Equal("answer-voc.loops", r.GetAttribute("name")));
        Assert.Contains("3.", card.Find("legend").TextContent);
        Assert.Contains(TestModel.Loops.Text, card.Find("legend").TextContent);
        Assert.Contains(TestModel.Loops.Help!, card.Markup);
    }

    [Fact]
    public void Statements_are_shown_as_text_even_when_they_look_like_markup()
    {
        var question = TestModel.Loops with { Id = "voc.markup", Options = ["Uses <b>bold</b> & more", "b", "c", "d", "e"] };

        var card = Render<QuestionCard>(p => p.Add(c => c.Question, question));

        Assert.Empty(card.FindAll("label.cx-option b"));
        Assert.Equal("Uses <b>bold</b> & more", card.Find("label.cx-option .cx-option-text").TextContent);
    }

    [Fact]
    public void Renders_again_only_when_what_it_shows_changes()
    {
        var card = Render<QuestionCard>(p => p.Add(c => c.Question, TestModel.Loops).Add(c => c.State, SaveState.NotAnswered));
        var rendered = card.RenderCount;

        card.Render(p => p.Add(c => c.Question, TestModel.Loops).Add(c => c.State, SaveState.NotAnswered).Add(c => c.OnRetry, () => { }));
        Assert.Equal(rendered, card.RenderCount);

        card.Render(p => p.Add(c => c.Question, TestModel.Loops).Add(c => c.Answered, true).Add(c => c.Level, 4)
            .Add(c => c.State, SaveState.Saved).Add(c => c.Version, 1));
        Assert.Equal(rendered + 1, card.RenderCount);
        Assert.Equal("1", card.Find("[data-testid='saved-voc.loops']").GetAttribute("data-version"));
    }

    [Fact]
    public void Choosing_a_statement_raises_its_level()
    {
        var chosen = new List<int?>();
        var card = Render<QuestionCard>(p => p
            .Add(c => c.Question, TestModel.Loops)
            .Add(c => c.OnLevelChosen, (int? level) => chosen.Add(level)));

        card.Find("[data-testid='option-voc.loops-4']").Change("4");

        Assert.Equal([4], chosen);
    }

    [Fact]
    public void Choosing_not_applicable_raises_no_level()
    {
        var chosen = new List<int?>();
        var card = Render<QuestionCard>(p => p
            .Add(c => c.Question, TestModel.Loops)
            .Add(c => c.OnLevelChosen, (int? level) => chosen.Add(level)));

        card.Find("[data-testid='option-voc.loops-na']").Change("na");

        Assert.Equal([(int?)null], chosen);
    }

    [Fact]
    public void The_stored_answer_is_the_checked_radio()
    {
        var card = Render<QuestionCard>(p => p
            .Add(c => c.Question, TestModel.Loops)
            .Add(c => c.Answered, true)
            .Add(c => c.Level, 2));

        var checkedValues = card.FindAll("input[type=radio]").Where(r => r.HasAttribute("checked")).Select(r => r.GetAttribute("value"));
        Assert.Equal(["2"], checkedValues);
    }

    [Fact]
    public void Not_applicable_is_checked_when_answered_without_a_level()
    {
        var card = Render<QuestionCard>(p => p
            .Add(c => c.Question, TestModel.Loops)
            .Add(c => c.Answered, true)
            .Add(c => c.Level, null));

        var checkedValues = card.FindAll("input[type=radio]").Where(r => r.HasAttribute("checked")).Select(r => r.GetAttribute("value"));
        Assert.Equal(["na"], checkedValues);
    }

    [Theory]
    [InlineData(SaveState.NotAnswered, "Not answered yet")]
    [InlineData(SaveState.Saving, "Saving…")]
    [InlineData(SaveState.Saved, "Saved")]
    [InlineData(SaveState.Failed, "Not saved Retry")]
    public void Shows_where_the_answer_stands(SaveState state, string text)
    {
        var card = Render<QuestionCard>(p => p
            .Add(c => c.Question, TestModel.Loops)
            .Add(c => c.Answered, state != SaveState.NotAnswered)
            .Add(c => c.Level, 3)
            .Add(c => c.State, state));

        var indicator = card.Find("[data-testid='saved-voc.loops']");
        Assert.Equal(state.ToString(), indicator.GetAttribute("data-state"));
        Assert.Equal(text, string.Join(' ', indicator.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void A_failed_save_says_why_and_retries_on_request()
    {
        var retries = 0;
        var card = Render<QuestionCard>(p => p
            .Add(c => c.Question, TestModel.Loops)
            .Add(c => c.Answered, true)
            .Add(c => c.Level, 5)
            .Add(c => c.State, SaveState.Failed)
            .Add(c => c.Error, "The connection dropped.")
            .Add(c => c.OnRetry, () => retries++));

        Assert.Equal("The connection dropped.", card.Find("[data-testid='save-error-voc.loops']").TextContent);
        Assert.Equal("5", card.FindAll("input[type=radio]").Single(r => r.HasAttribute("checked")).GetAttribute("value"));

        card.Find("[data-testid='retry-voc.loops']").Click();

        Assert.Equal(1, retries);
    }

    [Fact]
    public void A_final_refusal_on_a_locked_card_says_why_and_offers_no_retry()
    {
        var card = Render<QuestionCard>(p => p
            .Add(c => c.Question, TestModel.Loops)
            .Add(c => c.Answered, true)
            .Add(c => c.Level, 5)
            .Add(c => c.State, SaveState.Failed)
            .Add(c => c.Error, "The round is closed; answers can no longer be changed.")
            .Add(c => c.ReadOnly, true));

        Assert.Contains("round is closed", card.Find("[data-testid='save-error-voc.loops']").TextContent);
        Assert.Empty(card.FindAll("[data-testid='retry-voc.loops']"));
    }

    [Fact]
    public void No_error_message_is_shown_while_saving()
    {
        var card = Render<QuestionCard>(p => p
            .Add(c => c.Question, TestModel.Loops)
            .Add(c => c.Answered, true)
            .Add(c => c.Level, 5)
            .Add(c => c.State, SaveState.Saving)
            .Add(c => c.Error, "An old error."));

        Assert.Empty(card.FindAll("[data-testid='save-error-voc.loops']"));
        Assert.Empty(card.FindAll("[data-testid='retry-voc.loops']"));
    }

    [Fact]
    public void A_comment_is_raised_trimmed_and_an_emptied_one_as_null()
    {
        var comments = new List<string?>();
        var card = Render<QuestionCard>(p => p
            .Add(c => c.Question, TestModel.Loops)
            .Add(c => c.OnCommentChanged, (string? comment) => comments.Add(comment)));

        card.Find("[data-testid='comment-voc.loops']").Change("  Only in the call centre.  ");
        card.Find("[data-testid='comment-voc.loops']").Change("   ");

        Assert.Equal(["Only in the call centre.", null], comments);
    }

    [Fact]
    public void A_read_only_card_disables_its_choices_and_raises_nothing()
    {
        var chosen = new List<int?>();
        var card = Render<QuestionCard>(p => p
            .Add(c => c.Question, TestModel.Loops)
            .Add(c => c.ReadOnly, true)
            .Add(c => c.OnLevelChosen, (int? level) => chosen.Add(level)));

        Assert.True(card.Find("fieldset").HasAttribute("disabled"));
        Assert.True(card.Find("[data-testid='comment-voc.loops']").HasAttribute("disabled"));
        card.Find("[data-testid='option-voc.loops-2']").Change("2");
        Assert.Empty(chosen);
    }
}
