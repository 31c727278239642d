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
        // Monthly, last measured 31 Oct: due 30 Nov, overdue from 7 Dec. Dana owns it, Sam is the CX lead.
        var facts = Facts(kpis: [new KpiFacts(1, "NPS", MeasurementFrequency.Monthly, new(2026, 1, 1), new(2026, 10, 31), Dana)], organisation: Northwind(leads: [Sam]));

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
            new MilestoneFacts(1, "Pilot", 1, "Fix refunds", ProjectStatus.InProgress, false, new(2026, 12, 10), Dana, null),
            new MilestoneFacts(2, "Done already", 1, "Fix refunds", ProjectStatus.InProgress, true, new(2026, 12, 5), Dana, null),
            new MilestoneFacts(3, "Of a finished project", 2, "Old", ProjectStatus.Done, false, new(2026, 12, 5), Dana, null),
        ]);

        Assert.Empty(ReminderPlanner.Plan(new(2026, 12, 2), facts, Delivered()));
        Assert.Equal([("milestone:1", ReminderKind.MilestoneDueSoon)], ReminderPlanner.Plan(new(2026, 12, 3), facts, Delivered()).Select(r => (r.Subject, r.Kind)));
        Assert.Equal([("milestone:1", ReminderKind.MilestoneOverdue)], ReminderPlanner.Plan(new(2026, 12, 11), facts, Delivered()).Select(r => (r.Subject, r.Kind)));
    }

    [Fact]
    public void A_late_project_a_closing_round_and_a_reassessment_reach_their_people()
    {
        var facts = Facts(
            projects: [new ProjectFacts(1, "Fix refunds", ProjectStatus.Blocked, new(2026, 11, 30), null, Dana), new ProjectFacts(2, "Done", ProjectStatus.Done, new(2026, 11, 1), Dana, null)],
            rounds: [new RoundFacts(7, "Follow-up", new(2026, 12, 4), [Invitee, Sam])],
            organisation: Northwind(new(2026, 6, 1), leads: [Dana]));

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
        Assert.Empty(ReminderPlanner.Plan(new(2026, 11, 30), Facts(rounds: [new RoundFacts(7, "Follow-up", new(2026, 12, 4), [Sam])]), Delivered()));
        Assert.Empty(ReminderPlanner.Plan(new(2026, 12, 1), Facts(organisation: Northwind(new(2026, 6, 1), leads: [Dana]) with { NextRoundStarted = true }), Delivered()));
    }

    private static ReminderFacts Facts(
        IReadOnlyList<KpiFacts>? kpis = null, IReadOnlyList<MilestoneFacts>? milestones = null, IReadOnlyList<ProjectFacts>? projects = null,
        IReadOnlyList<RoundFacts>? rounds = null, OrganisationFacts? organisation = null) =>
        new(organisation ?? Northwind(), kpis ?? [], milestones ?? [], projects ?? [], rounds ?? []);

    [Fact]
    public void The_owner_and_the_accountable_come_first_then_the_cx_leads_or_the_owners_when_there_are_none_each_once()
    {
        var owner = new Recipient("olive", null);
        var project = new ProjectFacts(1, "Fix refunds", ProjectStatus.InProgress, new(2026, 11, 30), Dana, Sam);

        var withLeads = ReminderPlanner.Plan(new(2026, 12, 1), Facts(projects: [project], organisation: Northwind(leads: [Sam, owner], owners: [owner])), Delivered());
        var withoutLeads = ReminderPlanner.Plan(new(2026, 12, 1), Facts(projects: [project], organisation: Northwind(owners: [owner])), Delivered());

        Assert.Equal(["user:dana", "user:sam", "user:olive"], withLeads.Select(r => r.Recipient.Key));
        Assert.Equal(["user:dana", "user:sam", "user:olive"], withoutLeads.Select(r => r.Recipient.Key));
        Assert.Equal(["user:olive"], ReminderPlanner.Plan(new(2026, 12, 1), Facts(projects: [project with { Owner = null, Accountable = null }], organisation: Northwind(owners: [owner])), Delivered()).Select(r => r.Recipient.Key));
    }

    [Theory]
    [InlineData("2026-11-30", "2026-11-30")] // a Monday is its own week
    [InlineData("2026-12-06", "2026-11-30")] // Sunday ends it
    [InlineData("2026-12-07", "2026-12-07")]
    [InlineData("2027-01-01", "2026-12-28")] // across the year's end
    public void A_digest_is_dated_by_the_monday_of_its_week(string today, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), ReminderPlanner.DigestMonday(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    private static OrganisationFacts Northwind(DateOnly? lastClosed = null, IReadOnlyList<Recipient>? leads = null, IReadOnlyList<Recipient>? owners = null) =>
        new(1, "Northwind", lastClosed, false, leads ?? [], owners ?? []);

    private static HashSet<string> Delivered(IEnumerable<PlannedReminder>? done = null) => [.. (done ?? []).Select(r => r.Key)];
}
