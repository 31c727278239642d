namespace CxMaturity.Assessment.Workbooks;

/// <summary>
/// Everything the engagement workbook shows for one round of one organisation. The web layer maps its
/// results, roadmap and governance data into these plain rows; the writer neither computes nor looks anything up.
/// Scores are passed at full precision — the writer rounds them for export (RULES.md §5.10). Shares and
/// percentages are fractions (0.8 is 80 %). Governance lists may be empty.
/// </summary>
public sealed record EngagementWorkbookData
{
    /// <summary>The organisation's name.</summary>
    public required string Organisation { get; init; }

    /// <summary>The round's name.</summary>
    public required string RoundName { get; init; }

    /// <summary>The id of the model the round pinned.</summary>
    public required string ModelId { get; init; }

    /// <summary>The model version the round pinned.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>The model's title.</summary>
    public required string ModelTitle { get; init; }

    /// <summary>The day the round opens, if set.</summary>
    public DateOnly? OpensOn { get; init; }

    /// <summary>The day the round closes, if set.</summary>
    public DateOnly? ClosesOn { get; init; }

    /// <summary>When the workbook was generated, in UTC.</summary>
    public required DateTime GeneratedAtUtc { get; init; }

    /// <summary>Respondents who submitted.</summary>
    public int RespondentsSubmitted { get; init; }

    /// <summary>Respondents invited to the round (all of them, whatever their status).</summary>
    public int RespondentsInvited { get; init; }

    /// <summary>The overall score, or <c>null</c> when no dimension has a score.</summary>
    public double? OverallScore { get; init; }

    /// <summary>The name of the overall stage, or <c>null</c>.</summary>
    public string? OverallStage { get; init; }

    /// <summary>The name of the foundation stage (the weakest dimension's stage), or <c>null</c>.</summary>
    public string? FoundationStage { get; init; }

    /// <summary>
    /// The five stage names, level 1 first, used to label the level columns of the Questions sheet;
    /// when empty the columns are labelled "Level 1" … "Level 5".
    /// </summary>
    public IReadOnlyList<string> StageNames { get; init; } = [];

    /// <summary>One row per in-scope dimension, in model order (Summary sheet).</summary>
    public IReadOnlyList<DimensionSummaryRow> Dimensions { get; init; } = [];

    /// <summary>Statistics per dimension and respondent group (Dimensions sheet).</summary>
    public IReadOnlyList<DimensionStatisticsRow> DimensionStatistics { get; init; } = [];

    /// <summary>Per question: mean and distribution of answers (Questions sheet).</summary>
    public IReadOnlyList<QuestionStatisticsRow> Questions { get; init; } = [];

    /// <summary>One row per respondent × question (Responses sheet).</summary>
    public IReadOnlyList<ResponseRow> Responses { get; init; } = [];

    /// <summary>Roadmap items in roadmap order (Roadmap sheet).</summary>
    public IReadOnlyList<RoadmapRow> Roadmap { get; init; } = [];

    /// <summary>
    /// The RACI matrix (RACI sheet): the roles as columns, one row per project or roadmap item with a letter or
    /// nothing per role. Empty (the header only) when the web layer passes none.
    /// </summary>
    public RaciMatrix Raci { get; init; } = RaciMatrix.Empty;

    /// <summary>The organisation's KPIs, each with where it stands (KPIs sheet).</summary>
    public IReadOnlyList<KpiRow> Kpis { get; init; } = [];

    /// <summary>Every measurement of every KPI, as one long table (KPIs sheet).</summary>
    public IReadOnlyList<KpiMeasurementRow> KpiMeasurements { get; init; } = [];

    /// <summary>The organisation's projects with their milestones (Projects sheet).</summary>
    public IReadOnlyList<ProjectRow> Projects { get; init; } = [];

    /// <summary>The customer-gap register: every problem customers meet (Customer gaps sheet).</summary>
    public IReadOnlyList<CustomerGapRow> CustomerGaps { get; init; } = [];

    /// <summary>The Pareto of the register's root causes, largest score first (Customer gaps sheet).</summary>
    public IReadOnlyList<RootCauseRow> RootCauses { get; init; } = [];
}

/// <summary>A dimension on the Summary sheet: score, stage, target stage and gap (RULES.md §6.2).</summary>
public sealed record DimensionSummaryRow(
    string DimensionId,
    string Title,
    double? Score,
    string? Stage,
    string? TargetStage,
    double? Gap);

/// <summary>
/// Statistics of one dimension for one respondent group, or for the whole round when <see cref="Group"/> is
/// "All" (RULES.md §5.3 and §5.4). Statistics are <c>null</c> when no respondent has a defined score.
/// </summary>
public sealed record DimensionStatisticsRow(
    string Dimension,
    string Group,
    int? N,
    double? Mean,
    double? Median,
    double? Min,
    double? Max,
    double? StandardDeviation);

/// <summary>
/// One question's answers: mean level, and how many respondents chose each level (<see cref="LevelCounts"/>,
/// exactly five counts, level 1 first) or NotApplicable.
/// </summary>
public sealed record QuestionStatisticsRow(
    string Dimension,
    string QuestionId,
    string Text,
    double? Mean,
    IReadOnlyList<int> LevelCounts,
    int NotApplicable);

/// <summary>
/// One answer: <see cref="Level"/> 1..5, or <c>null</c> for NotApplicable; <see cref="Stage"/> is the level's stage
/// name (or "Not applicable"). <see cref="RespondentId"/> tells respondents apart when the export is anonymised.
/// </summary>
public sealed record ResponseRow(
    string RespondentId,
    string RespondentName,
    string Group,
    string Dimension,
    string QuestionId,
    string QuestionText,
    int? Level,
    string? Stage,
    string? Comment);

/// <summary>
/// A roadmap item in roadmap order. <see cref="Transition"/> reads like "1 → 2";
/// <see cref="CumulativeParetoShare"/> is a fraction (0.8 is 80 %).
/// </summary>
public sealed record RoadmapRow(
    int Order,
    string Horizon,
    string Dimension,
    string Transition,
    string Initiative,
    double Priority,
    int Impact,
    int Effort,
    string Status,
    string? Owner,
    string? Project,
    double CumulativeParetoShare);

/// <summary>A RACI matrix: the roles are the columns; each row holds one letter (R, A, C, I) or nothing per role.</summary>
public sealed record RaciMatrix(IReadOnlyList<string> Roles, IReadOnlyList<RaciRow> Rows)
{
    /// <summary>A matrix with no roles and no rows.</summary>
    public static RaciMatrix Empty { get; } = new([], []);
}

/// <summary>A RACI row: the project or roadmap item, and one letter or <c>null</c> per role, in role order.</summary>
public sealed record RaciRow(string Item, IReadOnlyList<string?> Letters);

/// <summary>
/// A KPI: its definition, its latest measurement (<c>null</c> when never measured), and where it stands by the rules
/// of RULES.md §8.3 — <see cref="Status"/> against the target, <see cref="Trend"/> against the measurement before
/// with the <see cref="Change"/> it was judged on, the day the next measurement is due and whether it is overdue.
/// Labels are as people read them ("Target met", "No significant change").
/// </summary>
public sealed record KpiRow(
    string Name,
    string Kind,
    string? Unit,
    string Direction,
    double? Target,
    string? JourneyStage,
    string Frequency,
    string? Owner,
    IReadOnlyList<string> LinkedDimensions,
    KpiMeasurementRow? Latest,
    string Status,
    string? Trend,
    double? Change,
    DateOnly NextDue,
    bool Overdue);

/// <summary>
/// One measurement of a KPI. <see cref="N"/> and <see cref="MarginOfError"/> (the 95 % margin, either way) only for
/// a value computed from ratings; <see cref="SmallSample"/> when those ratings are fewer than 30 (RULES.md §8.2).
/// </summary>
public sealed record KpiMeasurementRow(
    string Kpi,
    DateOnly Date,
    double Value,
    long? N,
    double? MarginOfError,
    bool SmallSample,
    string? Source,
    string? Note);

/// <summary>
/// A project: its status label, owner (the member's name or the owner as written), dates, whether it is late
/// (RULES.md §8.4), the KPIs it is meant to move, the roadmap item it came from and its milestones in order.
/// </summary>
public sealed record ProjectRow(
    string Title,
    string Status,
    string? Dimension,
    string? Owner,
    DateOnly? StartsOn,
    DateOnly? DueOn,
    bool Late,
    IReadOnlyList<string> Kpis,
    string? RoadmapItem,
    IReadOnlyList<MilestoneRow> Milestones);

/// <summary>A project milestone.</summary>
public sealed record MilestoneRow(string Title, DateOnly? DueOn, bool Done);

/// <summary>A problem customers meet, from the customer-gap register: where it was heard, its root cause and its score.</summary>
public sealed record CustomerGapRow(string Title, string? Source, string RootCause, double Score);

/// <summary>
/// A root cause in the customer-gap Pareto (RULES.md §8.5): how many problems, their total score, its share of the
/// total and the cumulative share (fractions), and whether it belongs to the vital few that make up the first 80 %.
/// </summary>
public sealed record RootCauseRow(string RootCause, int Problems, double Score, double Share, double CumulativeShare, bool VitalFew);
