namespace CxMaturity.Assessment.Workbooks;

/// <summary>Where the questionnaire workbook keeps what: shared by the writer and the importer.</summary>
internal static class QuestionnaireLayout
{
    public const string InstructionsSheet = "Instructions";
    public const string QuestionsSheet = "Questions";
    public const string ListsSheet = "Lists";
    public const string MetadataSheet = "Metadata";

    public const string NotApplicable = "Not applicable";

    public const int HeaderRow = 4;
    public const int DimensionColumn = 1;
    public const int QuestionIdColumn = 2;
    public const int QuestionColumn = 3;
    public const int AnswerColumn = 4;
    public const int CommentColumn = 5;
    public const int HelpColumn = 6;

    // Metadata sheet: a label in column A, its value in column B; the question rows follow a header.
    public const string FormatLabel = "Format";
    public const string FormatValue = "cxmaturity-questionnaire/1";
    public const string ModelIdLabel = "Model id";
    public const string ModelVersionLabel = "Model version";
    public const string RoundIdLabel = "Round id";
    public const string RoundNameLabel = "Round name";
    public const string RespondentIdLabel = "Respondent id";
    public const string RespondentNameLabel = "Respondent name";
    public const string SignatureLabel = "Signature";
    public const int MetadataValueColumn = 2;
    public const int MetadataLastFieldRow = 8;
    public const int MetadataQuestionHeaderRow = 10;
    public const int MetadataFirstQuestionRow = 11;

    /// <summary>
    /// The most question rows a metadata sheet may hold: far more than any questionnaire asks, and few enough that a
    /// sheet padded with rows is refused after reading this far rather than to its end.
    /// </summary>
    public const int MetadataMaxQuestions = 1_000;

    public const int MetadataLastRow = MetadataFirstQuestionRow + MetadataMaxQuestions - 1;

    /// <summary>The labels of the metadata sheet's first rows, in order: row 1 holds the first.</summary>
    public static IReadOnlyList<string> MetadataLabels { get; } =
        [FormatLabel, ModelIdLabel, ModelVersionLabel, RoundIdLabel, RoundNameLabel, RespondentIdLabel, RespondentNameLabel, SignatureLabel];

    public static string Answer(int row) => CellReference.Of(row, AnswerColumn);

    public static string Comment(int row) => CellReference.Of(row, CommentColumn);

    public static string QuestionId(int row) => CellReference.Of(row, QuestionIdColumn);
}
