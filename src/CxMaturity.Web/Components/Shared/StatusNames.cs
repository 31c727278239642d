using CxMaturity.Assessment.Scoring;

namespace CxMaturity.Web.Components.Shared;

/// <summary>Statuses as people read them, never as enum names.</summary>
public static class StatusNames
{
    public static string Of(RespondentStatus status) => status switch
    {
        RespondentStatus.Invited => "Invited",
        RespondentStatus.InProgress => "In progress",
        RespondentStatus.Submitted => "Submitted",
        _ => status.ToString(),
    };

    public static string Of(ProjectStatus status) => status switch
    {
        ProjectStatus.InProgress => "In progress",
        _ => status.ToString(),
    };
}
