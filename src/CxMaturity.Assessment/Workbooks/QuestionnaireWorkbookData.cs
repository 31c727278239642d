using CxMaturity.Assessment.Content;

namespace CxMaturity.Assessment.Workbooks;

/// <summary>
/// What a questionnaire workbook is made for: the round's pinned model, the round, optionally one
/// respondent (blank workbooks leave them <c>null</c>: the importer names the respondent), and the in-scope
/// dimensions with their questions in model order.
/// </summary>
public sealed record QuestionnaireWorkbookData(
    string ModelId,
    string ModelVersion,
    string ModelTitle,
    string RoundId,
    string RoundName,
    string? RespondentId,
    string? RespondentName,
    IReadOnlyList<QuestionnaireDimension> Dimensions);

/// <summary>A dimension of the questionnaire with its questions.</summary>
public sealed record QuestionnaireDimension(string Id, string Title, IReadOnlyList<QuestionnaireQuestion> Questions)
{
    /// <summary>The questionnaire's view of a model dimension.</summary>
    public static QuestionnaireDimension From(Dimension dimension)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        return new(dimension.Id, dimension.Title, [.. dimension.Questions.Select(QuestionnaireQuestion.From)]);
    }
}

/// <summary>
/// A question: its text, the five statements that anchor levels 1..5 (<see cref="Options"/>, level 1 first) and
/// optional help. "Not applicable" is always offered besides the five.
/// </summary>
public sealed record QuestionnaireQuestion(string Id, string Text, IReadOnlyList<string> Options, string? Help = null)
{
    /// <summary>The questionnaire's view of a model question.</summary>
    public static QuestionnaireQuestion From(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return new(question.Id, question.Text, question.Options, question.Help);
    }
}
