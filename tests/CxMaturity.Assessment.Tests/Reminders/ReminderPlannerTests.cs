using CxMaturity.Assessment.Governance;
using CxMaturity.Assessment.Reminders;

namespace CxMaturity.Assessment.Tests.Reminders;

public sealed class ReminderPlannerTests
{
    private static readonly Recipient Dana = new("dana", null);
    private static readonly Recipient Sam = new("sam", null);
    private static readonly Recipient Invitee = new(null, "Ada@Example.com");

    [Fact]
    public void A_kpi_is_due_on_its_day_and_overdue_a_week_later_each_once()
    {
        // Monthly, last measured 31 Oct: due 30 Nov, overdue from 7 Dec.
        var facts = Facts(kpis: [new KpiFacts(1, "NPS", MeasurementFrequency.Monthly, new(2026, 1, 1), new(2026, 10, 31), [Dana, Sam])]);

        Assert.Empty(ReminderPlanner.Plan(new(2026, 11, 29), facts, Delivered()));
        var due = ReminderPlanner.Plan(new(2026, 11, 30), facts, Delivered());
        Assert.Equal([(ReminderKind.KpiDue, "dana"), (ReminderKind.KpiDue, "sam")], due.Select(r => (r.Kind, r.Recipient.UserId!)));
        Assert.Equal("KpiDue|kpi:1|2026-11-30|user:dana", due[0].Key);
        Assert.Empty(ReminderPlanner.Plan(new(2026, 12, 3), facts, Delivered(due)));
        var overdue = ReminderPlanner.Plan(new(2026, 12, 7), facts, Delivered(due));
        Assert.Equal([ReminderKind.KpiOverdue, ReminderKind.KpiOverdue], overdue.Select(r => r.Kind));
        Assert.Empty(ReminderPlanner.Plan(new(2026, 12, 20), facts, Delivered([.. due, .. overdue])));
    }

    [Fact]
    public void A_milestone_is_announced_a_week_ahead_then_when_late_and_never_for_a_finished_project()
    {
        var facts = Facts(milestones:
        [
            new MilestoneFacts(1, "Pilot", "Fix refunds", ProjectStatus.InProgress, false, new(2026, 12, 10), [Dana]),
            new MilestoneFacts(2, "Done already", "Fix refunds", ProjectStatus.InProgress, true, new(2026, 12, 5), [Dana]),
            new MilestoneFacts(3, "Of a finished project", "Old", ProjectStatus.Done, false, new(2026, 12, 5), [Dana]),
        ]);

        Assert.Empty(ReminderPlanner.Plan(new(2026, 12, 2), facts, Delivered()));
        Assert.Equal([("milestone:1", ReminderKind.MilestoneDueSoon)], ReminderPlanner.Plan(new(2026, 12, 3), facts, Delivered()).Select(r => (r.Subject, r.Kind)));
        Assert.Equal([("milestone:1", ReminderKind.MilestoneOverdue)], ReminderPlanner.Plan(new(2026, 12, 11), facts, Delivered()).Select(r => (r.Subject, r.Kind)));
    }

    [Fact]
    public void A_late_project_a_closing_round_and_a_reassessment_reach_their_people()
    {
        var facts = Facts(
            projects: [new ProjectFacts(1, "Fix refunds", ProjectStatus.Blocked, new(2026, 11, 30), [Dana]), new ProjectFacts(2, "Done", ProjectStatus.Done, new(2026, 11, 1), [Dana])],
            rounds: [new RoundFacts(7, "Follow-up", new(2026, 12, 4), [Invitee, Sam], [Dana])],
            organisation: new OrganisationFacts(1, "Northwind", new(2026, 6, 1), false, [Dana]));

        var planned = ReminderPlanner.Plan(new(2026, 12, 1), facts, Delivered());

        Assert.Equal(
        [
            (ReminderKind.ProjectLate, "project:1", "user:dana"),
            (ReminderKind.RoundClosing, "round:7", "email:ada@example.com"),
            (ReminderKind.RoundClosing, "round:7", "user:sam"),
            (ReminderKind.RoundClosing, "round:7", "user:dana"),
            (ReminderKind.ReassessmentDue, "organisation:1", "user:dana"),
        ], planned.Select(r => (r.Kind, r.Subject, r.Recipient.Key)));
        Assert.Equal("“Follow-up” closes on 4 Dec 2026.", planned[1].Title);
        // A round closing in four days, or an organisation that has started its next round, waits.
        Assert.Empty(ReminderPlanner.Plan(new(2026, 11, 30), Facts(rounds: [new RoundFacts(7, "Follow-up", new(2026, 12, 4), [Sam], [])]), Delivered()));
        Assert.Empty(ReminderPlanner.Plan(new(2026, 12, 1), Facts(organisation: new OrganisationFacts(1, "Northwind", new(2026, 6, 1), true, [Dana])), Delivered()));
    }

    private static ReminderFacts Facts(
        IReadOnlyList<KpiFacts>? kpis = null, IReadOnlyList<MilestoneFacts>? milestones = null, IReadOnlyList<ProjectFacts>? projects = null,
        IReadOnlyList<RoundFacts>? rounds = null, OrganisationFacts? organisation = null) =>
        new(organisation ?? new OrganisationFacts(1, "Northwind", null, false, []), kpis ?? [], milestones ?? [], projects ?? [], rounds ?? []);

    private static HashSet<string> Delivered(IEnumerable<PlannedReminder>? done = null) => [.. (done ?? []).Select(r => r.Key)];
}
