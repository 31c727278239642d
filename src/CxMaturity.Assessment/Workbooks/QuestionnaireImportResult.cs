namespace CxMaturity.Assessment.Workbooks;

/// <summary>
/// What the importer checks a questionnaire workbook against: the round's pinned model and version, the round,
/// and the round's questions with their five statements each (level 1 first).
/// </summary>
public sealed record QuestionnaireImportExpectation(
    string ModelId,
    string ModelVersion,
    string RoundId,
    string RoundName,
    IReadOnlyList<QuestionnaireQuestion> Questions);

/// <summary>
/// A problem found in an imported workbook: the sheet and cell it is about (both <c>null</c> for problems with the
/// file as a whole) and a sentence a user can act on.
/// </summary>
public sealed record ImportProblem(string? Sheet, string? Cell, string Message)
{
    /// <summary>Where the problem is, like "Questions!D7", or <c>null</c> for the whole file.</summary>
    public string? Location => Sheet is null ? null : Cell is null ? Sheet : $"{Sheet}!{Cell}";

    /// <inheritdoc />
    public override string ToString() => Location is null ? Message : $"{Location}: {Message}";
}

/// <summary>One imported answer: level 1..5, or <c>null</c> for NotApplicable, and the comment if any.</summary>
public sealed record ImportedAnswer(string QuestionId, int? Level, string? Comment);

/// <summary>
/// The outcome of reading a questionnaire workbook. Import is all or nothing: <see cref="Answers"/> is filled only
/// when there is no problem. <see cref="RespondentId"/> and <see cref="RespondentName"/> come from the signed
/// metadata (<c>null</c> for a blank workbook, whose importer names the respondent).
/// </summary>
public sealed record QuestionnaireImportResult(
    IReadOnlyList<ImportProblem> Problems,
    string? RespondentId,
    string? RespondentName,
    IReadOnlyDictionary<string, ImportedAnswer> Answers)
{
    /// <summary>Whether the workbook can be imported.</summary>
    public bool IsValid => Problems.Count == 0;

    internal static QuestionnaireImportResult Refused(IReadOnlyList<ImportProblem> problems) =>
        new(problems, null, null, new Dictionary<string, ImportedAnswer>());
}
