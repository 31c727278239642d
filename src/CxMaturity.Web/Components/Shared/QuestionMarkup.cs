using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Scoring;
using Microsoft.AspNetCore.Components;

namespace CxMaturity.Web.Components.Shared;

/// <summary>
/// What a question card shows that never changes: the statements' markup and the element ids. Built once per
/// question of a loaded model and shared by every circuit, so that fifty open questionnaires hold one copy of these
/// strings instead of fifty.
/// </summary>
public sealed class QuestionMarkup
{
    /// <summary>The five levels and "Not applicable", in the order shown.</summary>
    public const int Choices = Stages.Max - Stages.Min + 2;

    private static readonly ConditionalWeakTable<Question, QuestionMarkup> Cache = [];

    private QuestionMarkup(Question question)
    {
        var id = question.Id;
        CardId = $"question-{id}";
        LegendId = $"question-text-{id}";
        GroupName = $"answer-{id}";
        CommentId = $"comment-{id}";
        CommentTestId = CommentId;
        EvidenceId = $"evidence-{id}";
        EvidenceTestId = EvidenceId;
        SavedTestId = $"saved-{id}";
        RetryTestId = $"retry-{id}";
        ErrorTestId = $"save-error-{id}";
        OptionIds = [.. Values.Select(v => $"option-{id}-{v}")];
        OptionLabels = [.. Enumerable.Range(Stages.Min, Choices - 1)
            .Select(level => Label(level.ToString(System.Globalization.CultureInfo.InvariantCulture), question.OptionFor(level)))
            .Append(Label("–", "Not applicable"))];
    }

    /// <summary>The radios' values: "1" to "5", then "na".</summary>
    public static IReadOnlyList<string> Values { get; } = [.. Enumerable.Range(Stages.Min, Choices - 1).Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)), "na"];

    /// <summary>The option labels' classes; the last, "Not applicable", is drawn apart from the levels.</summary>
    public IReadOnlyList<string> OptionClasses { get; } = [.. Enumerable.Repeat("cx-option", Choices - 1), "cx-option cx-option--na"];

    public string CardId { get; }

    public string LegendId { get; }

    public string GroupName { get; }

    public string CommentId { get; }

    public string CommentTestId { get; }

    public string EvidenceId { get; }

    public string EvidenceTestId { get; }

    public string SavedTestId { get; }

    public string RetryTestId { get; }

    public string ErrorTestId { get; }

    public IReadOnlyList<string> OptionIds { get; }

    /// <summary>Each option's level badge and statement, HTML-encoded.</summary>
    public IReadOnlyList<MarkupString> OptionLabels { get; }

    public static QuestionMarkup For(Question question) => Cache.GetValue(question, q => new QuestionMarkup(q));

    private static MarkupString Label(string badge, string statement) => new(
        $"""<span class="cx-option-level" aria-hidden="true">{HtmlEncoder.Default.Encode(badge)}</span><span class="cx-option-text">{HtmlEncoder.Default.Encode(statement)}</span>""");
}
