using CxMaturity.Assessment.Scoring;
using CxMaturity.Assessment.Workbooks;

namespace CxMaturity.Web.Features.Workbooks;

/// <summary>
/// A generated workbook ready to send: its download name and content, positioned at the start. The content may be a
/// temporary file deleted when disposed: dispose it once sent.
/// </summary>
public sealed record WorkbookFile(string FileName, Stream Content) : IAsyncDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>A respondent the importer of a blank questionnaire adds to the round.</summary>
public sealed record NewRespondentInput(string Name, string Email, string Group);

/// <summary>
/// A filled questionnaire workbook to import. For a blank workbook, name whose answers these are: an existing
/// respondent of the round (<paramref name="RespondentId"/>) or a new one (<paramref name="NewRespondent"/>); a
/// workbook made for one respondent names them itself. A respondent who already submitted is overwritten only with
/// <paramref name="ConfirmOverwrite"/>. <paramref name="Submit"/> hands the questionnaire in with the answers.
/// </summary>
public sealed record QuestionnaireImportRequest(
    Stream File,
    string FileName,
    int? RespondentId = null,
    NewRespondentInput? NewRespondent = null,
    bool ConfirmOverwrite = false,
    bool Submit = true);

/// <summary>A problem with an imported workbook: the sheet and cell (null for the file as a whole) and a sentence.</summary>
public sealed record ImportProblemView(string? Sheet, string? Cell, string Message)
{
    public static ImportProblemView From(ImportProblem problem) => new(problem.Sheet, problem.Cell, problem.Message);

    public static ImportProblemView File(string message) => new(null, null, message);
}

/// <summary>
/// What a questionnaire workbook holds, read without importing it: its problems, or whose answers it carries (nobody
/// yet for a blank workbook) and how many. <paramref name="RespondentSubmittedUtc"/> is set when that respondent
/// already submitted, so that the importer must confirm overwriting.
/// </summary>
public sealed record QuestionnaireInspection(
    IReadOnlyList<ImportProblemView> Problems,
    bool IsBlank,
    int? RespondentId,
    string? RespondentName,
    RespondentStatus? RespondentStatus,
    DateTime? RespondentSubmittedUtc,
    int Answered,
    int NotApplicable,
    int Unanswered)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// What an import did: the respondent (new or existing), how many questions got a level, how many were Not
/// applicable and how many were left empty, and whether the questionnaire is now submitted and replaced answers
/// someone had already submitted.
/// </summary>
public sealed record QuestionnaireImportSummary(
    int RespondentId,
    string RespondentName,
    string Group,
    bool NewRespondent,
    int Answered,
    int NotApplicable,
    int Unanswered,
    int Questions,
    bool Submitted,
    bool OverwroteSubmission,
    DateTime ImportedUtc);

/// <summary>
/// The outcome of an import: the <see cref="Summary"/>, or every problem found, in which case nothing changed.
/// <see cref="ConfirmationRequired"/> says the only thing in the way is the respondent's earlier submission.
/// </summary>
public sealed record QuestionnaireImportOutcome(
    QuestionnaireImportSummary? Summary,
    IReadOnlyList<ImportProblemView> Problems,
    bool ConfirmationRequired)
{
    public bool Succeeded => Summary is not null;

    public static QuestionnaireImportOutcome Refused(IReadOnlyList<ImportProblemView> problems, bool confirmationRequired = false) =>
        new(null, problems, confirmationRequired);
}
