using Bunit;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Components.Pages.Questionnaire;
using CxMaturity.Web.Components.Shared;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Results;

namespace CxMaturity.Web.Tests.Components.Pages.Questionnaire;

public sealed class QuestionnaireRunnerTests : MudBunitContext
{
    private readonly FakeGateway _gateway = new();

    [Fact]
    public void Opens_the_dimension_the_respondent_left_off_at()
    {
        var runner = RenderRunner(Questionnaire(lastDimensionId: "voc"));

        Assert.Equal("Voice of the customer", runner.Find("[data-testid='dimension-title']").TextContent);
        Assert.NotEmpty(runner.FindAll("[data-testid='question-voc.loops']"));
        Assert.Empty(runner.FindAll("[data-testid='question-strategy.vision']"));
    }

    [Fact]
    public void Starts_at_the_first_dimension_when_nothing_was_answered()
    {
        var runner = RenderRunner(Questionnaire());

        Assert.Equal("CX strategy", runner.Find("[data-testid='dimension-title']").TextContent);
    }

    [Fact]
    public void A_respondent_who_has_not_started_is_welcomed_with_who_asks_how_long_and_who_sees_the_answers()
    {
        var runner = RenderRunner(Questionnaire(status: RespondentStatus.Invited, invitedBy: "Dana Whitfield", closesOn: new DateOnly(2026, 12, 21)));

        Assert.Equal("Welcome, Alex", runner.Find("[data-testid='welcome-title']").TextContent);
        Assert.Contains("Dana Whitfield invited you to say how Contoso looks after its customers today", Text(runner, "welcome-invited-by"));
        Assert.Contains("It takes about 5 minutes: 4 questions over 2 topics", Text(runner, "welcome-time"));
        Assert.Contains("saved the moment you choose it", Text(runner, "welcome-saving"));
        Assert.Contains("the owners and CX leads of Contoso see them with your name", Text(runner, "welcome-privacy"));
        Assert.Contains("at least 3 people in it have answered", Text(runner, "welcome-privacy"));
        Assert.Contains("closes on 21 Dec 2026", runner.Find("[data-testid='welcome']").TextContent);
        Assert.Equal("rounds/7/questionnaire?step=strategy", runner.Find("[data-testid='start']").GetAttribute("href"));
        Assert.Empty(runner.FindAll("[data-testid^='question-']"));
    }

    [Fact]
    public void A_respondent_who_started_goes_straight_to_their_questions()
    {
        var runner = RenderRunner(Questionnaire(status: RespondentStatus.InProgress));

        Assert.Empty(runner.FindAll("[data-testid='welcome']"));
        Assert.Equal("CX strategy", runner.Find("[data-testid='dimension-title']").TextContent);
        Assert.Equal("Each answer is saved as you choose it.", runner.Find("[data-testid='saving-note']").TextContent);
    }

    [Fact]
    public void A_submitted_or_closed_questionnaire_says_nothing_about_saving()
    {
        var submitted = RenderRunner(Questionnaire(status: RespondentStatus.Submitted, canEdit: false));
        var closed = RenderRunner(Questionnaire(roundStatus: RoundStatus.Closed, canEdit: false));

        Assert.Empty(submitted.FindAll("[data-testid='saving-note']"));
        Assert.Empty(closed.FindAll("[data-testid='saving-note']"));
        Assert.Empty(closed.FindAll("[data-testid='welcome']"));
    }

    [Fact]
    public void Shows_saved_answers_as_chosen_and_saved()
    {
        var answers = new Dictionary<string, SavedAnswerView> { ["strategy.vision"] = new(4, "In the annual plan.", null, DateTime.UtcNow) };

        var runner = RenderRunner(Questionnaire(answers: answers));

        Assert.True(runner.Find("[data-testid='option-strategy.vision-4']").HasAttribute("checked"));
        Assert.Equal("Saved", runner.Find("[data-testid='saved-strategy.vision']").GetAttribute("data-state"));
        Assert.Equal("In the annual plan.", runner.Find("[data-testid='comment-strategy.vision']").GetAttribute("value"));
        Assert.Equal("1 of 4 answered (25 %)", runner.Find("[data-testid='progress-overall-text']").TextContent);
        Assert.Equal("1 of 2 answered (50 %)", runner.Find("[data-testid='progress-dimension-text']").TextContent);
    }

    [Fact]
    public void Saves_an_answer_the_moment_it_is_chosen_with_its_comment()
    {
        var runner = RenderRunner(Questionnaire());

        runner.Find("[data-testid='comment-strategy.vision']").Change("Written, not used.");
        Assert.Empty(_gateway.Saved);
        runner.Find("[data-testid='option-strategy.vision-2']").Change("2");

        Assert.Equal([new AnswerInput("strategy.vision", 2, "Written, not used.", null)], _gateway.Saved);
        Assert.Equal("Saved", runner.Find("[data-testid='saved-strategy.vision']").GetAttribute("data-state"));
        Assert.Equal("1 of 4 answered (25 %)", runner.Find("[data-testid='progress-overall-text']").TextContent);
    }

    [Fact]
    public void Not_applicable_is_saved_without_a_level()
    {
        var runner = RenderRunner(Questionnaire());

        runner.Find("[data-testid='option-strategy.sponsor-na']").Change("na");

        Assert.Equal([new AnswerInput("strategy.sponsor", null, null, null)], _gateway.Saved);
    }

    [Fact]
    public void Shows_saving_until_the_service_acknowledges()
    {
        var pending = new TaskCompletionSource();
        _gateway.NextSave = pending.Task;
        var runner = RenderRunner(Questionnaire());

        runner.Find("[data-testid='option-strategy.vision-3']").Change("3");
        Assert.Equal("Saving", runner.Find("[data-testid='saved-strategy.vision']").GetAttribute("data-state"));

        pending.SetResult();
        // A generous timeout: on a busy 2-core CI machine the renderer may wait for a thread before it checks.
        runner.WaitForAssertion(() => Assert.Equal("Saved", runner.Find("[data-testid='saved-strategy.vision']").GetAttribute("data-state")), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void A_failed_save_keeps_the_choice_says_so_and_retries()
    {
        _gateway.NextSave = Task.FromException(new InvalidOperationException("database is locked"));
        var runner = RenderRunner(Questionnaire());

        runner.Find("[data-testid='option-strategy.vision-5']").Change("5");

        Assert.Equal("Failed", runner.Find("[data-testid='saved-strategy.vision']").GetAttribute("data-state"));
        Assert.True(runner.Find("[data-testid='option-strategy.vision-5']").HasAttribute("checked"));
        Assert.Contains("could not be saved", runner.Find("[data-testid='save-error-strategy.vision']").TextContent);
        Assert.Equal("0 of 4 answered (0 %)", runner.Find("[data-testid='progress-overall-text']").TextContent);

        runner.Find("[data-testid='retry-strategy.vision']").Click();

        Assert.Equal("Saved", runner.Find("[data-testid='saved-strategy.vision']").GetAttribute("data-state"));
        Assert.Equal(2, _gateway.Saved.Count);
        Assert.All(_gateway.Saved, a => Assert.Equal(5, a.Level));
    }

    [Fact]
    public void A_refusal_because_the_round_closed_locks_the_questionnaire_with_the_reason()
    {
        _gateway.NextSave = Task.FromException(new ConflictException("The round is closed; answers can no longer be changed."));
        var runner = RenderRunner(Questionnaire());

        runner.Find("[data-testid='option-strategy.vision-1']").Change("1");

        Assert.Equal("The round is closed; answers can no longer be changed.", runner.Find("[data-testid='read-only']").TextContent);
        Assert.All(runner.FindAll("fieldset"), f => Assert.True(f.HasAttribute("disabled")));
    }

    [Fact]
    public void A_submitted_questionnaire_opens_read_only_on_the_review()
    {
        var answers = new Dictionary<string, SavedAnswerView> { ["strategy.vision"] = new(4, null, null, DateTime.UtcNow) };

        var runner = RenderRunner(Questionnaire(answers: answers, status: RespondentStatus.Submitted, canEdit: false));

        Assert.NotEmpty(runner.FindAll("[data-testid='submitted']"));
        Assert.Empty(runner.FindAll("[data-testid='submit']"));
        Assert.Contains("submitted", runner.Find("[data-testid='read-only']").TextContent);
    }

    [Fact]
    public void A_closed_round_is_shown_read_only()
    {
        var runner = RenderRunner(Questionnaire(roundStatus: RoundStatus.Closed, canEdit: false));

        Assert.Equal("This round is closed: answers can no longer be changed.", runner.Find("[data-testid='read-only']").TextContent);
        runner.Find("[data-testid='option-strategy.vision-2']").Change("2");
        Assert.Empty(_gateway.Saved);
    }

    [Fact]
    public void The_review_lists_what_is_unanswered_with_links_back_and_submits()
    {
        var answers = new Dictionary<string, SavedAnswerView>
        {
            ["strategy.vision"] = new(4, null, null, DateTime.UtcNow),
            ["strategy.sponsor"] = new(null, null, null, DateTime.UtcNow),
            ["voc.loops"] = new(2, null, null, DateTime.UtcNow),
        };

        var runner = RenderRunner(Questionnaire(answers: answers), step: QuestionnaireRunner.ReviewStep);

        Assert.Equal("1 of 4 questions are unanswered.", runner.Find("[data-testid='unanswered-count'] strong").TextContent);
        Assert.Empty(runner.FindAll("[data-testid='unanswered-strategy']"));
        Assert.Equal("rounds/7/questionnaire?step=voc", runner.Find("[data-testid='unanswered-voc']").GetAttribute("href"));
        Assert.Equal("rounds/7/questionnaire?step=voc#q-voc.listen", runner.Find("[data-testid='unanswered-question-voc.listen']").GetAttribute("href"));

        runner.Find("[data-testid='submit']").Click();
        Assert.Equal("1 of 4 questions are still unanswered; they will not count.", runner.Find("[data-testid='confirm-submit-message'] p").TextContent);
        runner.Find("[data-testid='confirm-submit-cancel']").Click();
        Assert.Equal(0, _gateway.Submits);
        Assert.Empty(runner.FindAll("[data-testid='confirm-submit']"));

        runner.Find("[data-testid='submit']").Click();
        runner.Find("[data-testid='confirm-submit-confirm']").Click();

        Assert.Equal(1, _gateway.Submits);
        Assert.NotEmpty(runner.FindAll("[data-testid='submitted']"));
        Assert.Empty(runner.FindAll("[data-testid='submit']"));
    }

    [Fact]
    public void Rates_the_importance_of_a_dimension()
    {
        var runner = RenderRunner(Questionnaire());

        runner.Find("[data-testid='importance-strategy-4']").Change("4");

        Assert.Equal([("strategy", (int?)4)], _gateway.Ratings);
        Assert.Equal("Saved", runner.Find("[data-testid='importance-saved-strategy']").GetAttribute("data-state"));
    }

    [Fact]
    public void An_answer_renders_its_own_card_and_leaves_the_other_cards_alone()
    {
        var runner = RenderRunner(Questionnaire());
        var cards = runner.FindComponents<QuestionCard>().ToDictionary(c => c.Instance.Question.Id);
        var before = cards.ToDictionary(c => c.Key, c => c.Value.RenderCount);

        runner.Find("[data-testid='option-strategy.vision-2']").Change("2");

        Assert.Equal(before["strategy.vision"] + 1, cards["strategy.vision"].RenderCount);
        Assert.Equal(before["strategy.sponsor"], cards["strategy.sponsor"].RenderCount);
        Assert.Equal("1 of 4 answered (25 %)", runner.Find("[data-testid='progress-overall-text']").TextContent);
    }

    [Fact]
    public void Each_change_to_an_answer_counts_up_its_version_so_one_saved_is_told_from_the_next()
    {
        var runner = RenderRunner(Questionnaire());
        var indicator = () => runner.Find("[data-testid='saved-strategy.vision']");
        Assert.Equal("0", indicator().GetAttribute("data-version"));

        runner.Find("[data-testid='option-strategy.vision-2']").Change("2");
        Assert.Equal(("Saved", "1"), (indicator().GetAttribute("data-state"), indicator().GetAttribute("data-version")));

        runner.Find("[data-testid='option-strategy.vision-3']").Change("3");
        Assert.Equal(("Saved", "2"), (indicator().GetAttribute("data-state"), indicator().GetAttribute("data-version")));
        Assert.Equal([2, 3], _gateway.Saved.Select(a => a.Level));
    }

    [Fact]
    public void Next_and_previous_link_to_the_neighbouring_dimensions_and_the_review()
    {
        var first = RenderRunner(Questionnaire(), step: "strategy");
        Assert.Equal("rounds/7/questionnaire?step=voc", first.Find("[data-testid='next']").GetAttribute("href"));
        Assert.Empty(first.FindAll("[data-testid='previous']"));

        var last = RenderRunner(Questionnaire(), step: "voc");
        Assert.Equal("rounds/7/questionnaire?step=review", last.Find("[data-testid='next']").GetAttribute("href"));
        Assert.Equal("rounds/7/questionnaire?step=strategy", last.Find("[data-testid='previous']").GetAttribute("href"));
    }

    private IRenderedComponent<QuestionnaireRunner> RenderRunner(QuestionnaireView questionnaire, string? step = null) =>
        Render<QuestionnaireRunner>(p => p
            .Add(c => c.Questionnaire, questionnaire)
            .Add(c => c.Gateway, _gateway)
            .Add(c => c.BasePath, "rounds/7/questionnaire")
            .Add(c => c.Step, step));

    private static QuestionnaireView Questionnaire(
        IReadOnlyDictionary<string, SavedAnswerView>? answers = null,
        string? lastDimensionId = null,
        RespondentStatus status = RespondentStatus.InProgress,
        RoundStatus roundStatus = RoundStatus.Open,
        bool canEdit = true,
        string? invitedBy = null,
        DateOnly? closesOn = null) =>
        new(
            RoundId: 7,
            RoundName: "Spring round",
            OrganisationName: "Contoso",
            RoundStatus: roundStatus,
            ClosesOn: closesOn,
            RespondentId: 11,
            RespondentName: "Alex",
            Group: "Executive",
            Status: status,
            CanEdit: canEdit,
            Model: TestModel.Model,
            DimensionsInScope: ["strategy", "voc"],
            Answers: answers ?? new Dictionary<string, SavedAnswerView>(),
            Importance: new Dictionary<string, int>(),
            LastDimensionId: lastDimensionId,
            Questions: 4,
            InvitedBy: invitedBy);

    private static string Text(IRenderedComponent<QuestionnaireRunner> runner, string testId) =>
        System.Text.RegularExpressions.Regex.Replace(runner.Find($"[data-testid='{testId}']").TextContent, @"\s+", " ").Trim();

    private sealed class FakeGateway : IQuestionnaireGateway
    {
        public List<AnswerInput> Saved { get; } = [];

        public List<(string DimensionId, int? Rating)> Ratings { get; } = [];

        public int Submits { get; private set; }

        /// <summary>What the next save does; afterwards saves succeed at once.</summary>
        public Task? NextSave { get; set; }

        public Task<QuestionnaireView> LoadAsync() => throw new NotSupportedException("The runner is given its questionnaire.");

        public async Task<RespondentProgressView> SaveAnswerAsync(AnswerInput answer)
        {
            Saved.Add(answer);
            var next = NextSave;
            NextSave = null;
            if (next is not null)
            {
                await next;
            }

            return Progress();
        }

        public Task<RespondentProgressView> SaveImportanceAsync(string dimensionId, int? rating)
        {
            Ratings.Add((dimensionId, rating));
            return Task.FromResult(Progress());
        }

        public Task<RespondentProgressView> SubmitAsync()
        {
            Submits++;
            return Task.FromResult(Progress() with { Status = RespondentStatus.Submitted });
        }

        private static RespondentProgressView Progress() => new(11, RespondentStatus.InProgress, 1, 4, 0.25, DateTime.UtcNow);
    }
}
