using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Components.Shared;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Common;
using Microsoft.AspNetCore.Components;

namespace CxMaturity.Web.Components.Pages.Questionnaire;

public sealed partial class QuestionnaireRunner
{
    /// <summary>The query value of <see cref="Step"/> that opens the review and submit page.</summary>
    public const string ReviewStep = "review";

    /// <summary>The query value of <see cref="Step"/> that opens the welcome.</summary>
    public const string WelcomeStep = "welcome";

    // Saves run one at a time, so that two quick clicks on one question reach the database in the order made. Not
    // disposed: a save still running when the respondent leaves the page must be able to release it.
    private readonly SemaphoreSlim _saveLock = new(1, 1);
    private readonly Dictionary<string, AnswerState> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImportanceState> _importance = new(StringComparer.Ordinal);
    private List<Dimension> _dimensions = [];
    private int _questionCount;
    private int _stepIndex;
    private string? _lockedMessage;
    private bool _submitted;
    private bool _submitting;
    private bool _confirmSubmit;
    private string? _submitError;

    [Parameter, EditorRequired] public QuestionnaireView Questionnaire { get; set; } = default!;

    [Parameter, EditorRequired] public IQuestionnaireGateway Gateway { get; set; } = default!;

    /// <summary>The page's own path, e.g. <c>rounds/7/questionnaire</c>; steps are <c>?step=</c> on it.</summary>
    [Parameter, EditorRequired] public string BasePath { get; set; } = "";

    /// <summary>Where a member sees the round's results once it is closed; null for invitees, who have no account.</summary>
    [Parameter] public string? ResultsLink { get; set; }

    /// <summary>A dimension id, <see cref="ReviewStep"/>, or null for where the respondent left off.</summary>
    [Parameter] public string? Step { get; set; }

    [Inject] private ILogger<QuestionnaireRunner> Logger { get; set; } = default!;

    private Dimension? CurrentDimension => ShowWelcome ? null : _stepIndex < _dimensions.Count ? _dimensions[_stepIndex] : null;

    // A respondent who has not started is welcomed first: who asks, how long it takes, who will see the answers.
    private bool ShowWelcome =>
        _dimensions.Count > 0 && Questionnaire.CanEdit && !_submitted
        && (Step == WelcomeStep || (Step is null && Questionnaire.Status == RespondentStatus.Invited && AnsweredCount == 0));

    private bool IsSubmitted => _submitted || Questionnaire.Status == RespondentStatus.Submitted;

    private bool IsReadOnly => !Questionnaire.CanEdit || _submitted || _lockedMessage is not null;

    private string? ReadOnlyReason =>
        _lockedMessage
        ?? (IsSubmitted
            ? "You have submitted your answers. They are shown here but can no longer be changed."
            : Questionnaire.RoundStatus == RoundStatus.Closed
                ? "This round is closed: answers can no longer be changed."
                : !Questionnaire.CanEdit
                    ? "This round is not open yet: answers cannot be saved."
                    : null);

    private int AnsweredCount => _answers.Values.Count(a => a.Answered && a.State != SaveState.Failed);

    private int FailedCount => _answers.Values.Count(a => a.State == SaveState.Failed);

    private int SavingCount => _answers.Values.Count(a => a.State == SaveState.Saving);

    protected override void OnInitialized()
    {
        var inScope = new HashSet<string>(Questionnaire.DimensionsInScope, StringComparer.Ordinal);
        _dimensions = [.. Questionnaire.Model.Dimensions.Where(d => inScope.Contains(d.Id)).OrderBy(d => d.Order)];
        _questionCount = _dimensions.Sum(d => d.Questions.Count);
        foreach (var question in _dimensions.SelectMany(d => d.Questions))
        {
            var state = new AnswerState(question.Id);
            if (Questionnaire.Answers.TryGetValue(question.Id, out var saved))
            {
                (state.Answered, state.Level, state.Comment, state.Evidence, state.State) =
                    (true, saved.Level, saved.Comment, saved.Evidence, SaveState.Saved);
            }

            _answers[question.Id] = state;
        }

        foreach (var dimension in _dimensions)
        {
            var rating = Questionnaire.Importance.TryGetValue(dimension.Id, out var r) ? r : (int?)null;
            _importance[dimension.Id] = new ImportanceState(dimension.Id)
            {
                Rating = rating,
                State = rating is null ? SaveState.NotAnswered : SaveState.Saved,
            };
        }
    }

    protected override void OnParametersSet()
    {
        var step = Step ?? (IsSubmitted ? ReviewStep : Questionnaire.LastDimensionId);
        var index = _dimensions.FindIndex(d => d.Id == step);
        _stepIndex = step == ReviewStep ? _dimensions.Count : Math.Max(index, 0);
    }

    private string StepLink(string step) => $"{BasePath}?step={Uri.EscapeDataString(step)}";

    private int AnsweredIn(Dimension dimension) =>
        dimension.Questions.Count(q => _answers[q.Id] is { Answered: true } a && a.State != SaveState.Failed);

    private IEnumerable<(Dimension Dimension, List<Question> Questions)> Unanswered() =>
        _dimensions
            .Select(d => (d, d.Questions.Where(q => !_answers[q.Id].Answered || _answers[q.Id].State == SaveState.Failed).ToList()))
            .Where(x => x.Item2.Count > 0);

    private Task ChooseAsync(AnswerState answer, int? level)
    {
        (answer.Answered, answer.Level) = (true, level);
        return SaveAnswerAsync(answer);
    }

    private Task CommentAsync(AnswerState answer, string? text)
    {
        answer.Comment = text;
        return answer.Answered ? SaveAnswerAsync(answer) : Task.CompletedTask;
    }

    private Task EvidenceAsync(AnswerState answer, string? text)
    {
        answer.Evidence = text;
        return answer.Answered ? SaveAnswerAsync(answer) : Task.CompletedTask;
    }

    private Task SaveAnswerAsync(AnswerState answer) =>
        IsReadOnly || !answer.Answered
            ? Task.CompletedTask
            : SaveAsync(answer, () => Gateway.SaveAnswerAsync(new AnswerInput(answer.QuestionId, answer.Level, answer.Comment, answer.Evidence)));

    private Task RateAsync(ImportanceState importance, int rating)
    {
        importance.Rating = rating;
        return SaveImportanceAsync(importance);
    }

    private Task SaveImportanceAsync(ImportanceState importance) =>
        IsReadOnly || importance.Rating is null
            ? Task.CompletedTask
            : SaveAsync(importance, () => Gateway.SaveImportanceAsync(importance.DimensionId, importance.Rating));

    // Saves go one at a time, in the order chosen. A choice changed again while it waited is not sent: the later
    // change is queued behind it and sends the latest value; only the latest change may mark the item saved.
    private async Task SaveAsync(SavedItem item, Func<Task> save)
    {
        var change = ++item.Changes;
        (item.State, item.Error) = (SaveState.Saving, null);
        await _saveLock.WaitAsync();
        try
        {
            if (change != item.Changes)
            {
                return;
            }

            await save();
            if (change == item.Changes)
            {
                item.State = SaveState.Saved;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            (item.State, item.Error) = (SaveState.Failed, FailureMessage(e));
        }
        finally
        {
            _saveLock.Release();
        }
    }

    private async Task SubmitAsync()
    {
        if (IsReadOnly || _submitting)
        {
            return;
        }

        _submitting = true;
        _submitError = null;
        await _saveLock.WaitAsync();
        try
        {
            await Gateway.SubmitAsync();
            _submitted = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _submitError = FailureMessage(e);
        }
        finally
        {
            _saveLock.Release();
            _submitting = false;
            _confirmSubmit = false;
        }
    }

    // A refusal the respondent cannot retry (closed round, already submitted) also locks the page, so that no
    // further choice looks as if it were kept.
    private string FailureMessage(Exception exception)
    {
        switch (exception)
        {
            case ConflictException conflict:
                _lockedMessage = conflict.Message;
                return conflict.Message;
            case ValidationException validation:
                return Formats.Messages(validation);
            case NotFoundException or ForbiddenException:
                _lockedMessage = exception.Message;
                return exception.Message;
            default:
                Logger.LogError(exception, "Saving in the questionnaire of respondent {RespondentId} failed", Questionnaire.RespondentId);
                return "This could not be saved. Your choice is still shown here: choose Retry, and reload the page if it keeps failing.";
        }
    }

    /// <summary>Something the respondent chose that is being saved: its state on the page and how often it changed.</summary>
    private abstract class SavedItem
    {
        public SaveState State { get; set; }

        public string? Error { get; set; }

        public int Changes { get; set; }
    }

    private sealed class AnswerState(string questionId) : SavedItem
    {
        public string QuestionId { get; } = questionId;

        public bool Answered { get; set; }

        public int? Level { get; set; }

        public string? Comment { get; set; }

        public string? Evidence { get; set; }
    }

    private sealed class ImportanceState(string dimensionId) : SavedItem
    {
        public string DimensionId { get; } = dimensionId;

        public int? Rating { get; set; }
    }
}
