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
}
