using CxMaturity.Assessment.Reminders;

namespace CxMaturity.Web.Features.Reminders;

/// <summary>How each kind of reminder is named to people: on the profile, in notifications and in emails.</summary>
public static class ReminderLabels
{
    public static IReadOnlyList<ReminderKind> Kinds { get; } = Enum.GetValues<ReminderKind>();

    public static string Of(ReminderKind kind) => kind switch
    {
        ReminderKind.KpiDue => "KPI measurement due",
        ReminderKind.KpiOverdue => "KPI measurement overdue",
        ReminderKind.MilestoneDueSoon => "Milestone due soon",
        ReminderKind.MilestoneOverdue => "Milestone overdue",
        ReminderKind.ProjectLate => "Project late",
        ReminderKind.RoundClosing => "Round closing",
        ReminderKind.ReassessmentDue => "Reassessment due",
        _ => kind.ToString(),
    };

    /// <summary>The label of a kind stored by name; the name itself when it is no longer a kind.</summary>
    public static string Of(string kind) => Enum.TryParse<ReminderKind>(kind, out var parsed) ? Of(parsed) : kind;
}
