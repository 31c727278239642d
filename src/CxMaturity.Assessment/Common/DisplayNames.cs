using CxMaturity.Assessment.Governance;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Assessment.Common;

/// <summary>Statuses as people read them, the same on every page, in every workbook and message: never enum names.</summary>
public static class DisplayNames
{
    /// <summary>"Invited", "In progress", "Submitted".</summary>
    public static string DisplayName(this RespondentStatus status) => status switch
    {
        RespondentStatus.InProgress => "In progress",
        _ => status.ToString(),
    };

    /// <summary>"Proposed", "Planned", "In progress", "Blocked", "Done", "Cancelled".</summary>
    public static string DisplayName(this ProjectStatus status) => status switch
    {
        ProjectStatus.InProgress => "In progress",
        _ => status.ToString(),
    };

    /// <summary>"Proposed", "Accepted", "Rejected".</summary>
    public static string DisplayName(this RoadmapItemStatus status) => status.ToString();

    /// <summary>"Target met", "Target not met", "Not measured", "No target".</summary>
    public static string DisplayName(this KpiStatus status) => status switch
    {
        KpiStatus.Met => "Target met",
        KpiStatus.NotMet => "Target not met",
        KpiStatus.NotMeasured => "Not measured",
        _ => "No target",
    };

    /// <summary>"First measurement", "Unchanged", "No significant change", "Better", "Worse".</summary>
    public static string DisplayName(this KpiTrendKind trend) => trend switch
    {
        KpiTrendKind.None => "First measurement",
        KpiTrendKind.NoSignificantChange => "No significant change",
        _ => trend.ToString(),
    };

    /// <summary>"Higher is better", "Lower is better".</summary>
    public static string DisplayName(this KpiDirection direction) => direction switch
    {
        KpiDirection.LowerIsBetter => "Lower is better",
        _ => "Higher is better",
    };

    /// <summary>"Weekly", "Monthly", "Quarterly", "Yearly".</summary>
    public static string DisplayName(this MeasurementFrequency frequency) => frequency.ToString();
}
