using System.Globalization;
using CxMaturity.Assessment.Governance;

namespace CxMaturity.Assessment.Reminders;

/// <summary>What a reminder is about (docs/RULES.md §8.6).</summary>
public enum ReminderKind
{
    /// <summary>A KPI's next measurement is due.</summary>
    KpiDue,

    /// <summary>A KPI's measurement is a week past due.</summary>
    KpiOverdue,

    /// <summary>A milestone is due within 7 days.</summary>
    MilestoneDueSoon,

    /// <summary>A milestone is past its due date and not done.</summary>
    MilestoneOverdue,

    /// <summary>A project is past its due date and not finished.</summary>
    ProjectLate,

    /// <summary>A round closes within 3 days.</summary>
    RoundClosing,

    /// <summary>Six months have passed since the last closed round.</summary>
    ReassessmentDue,
}

/// <summary>Someone a reminder goes to: a member (by account) or a respondent known only by email.</summary>
public sealed record Recipient(string? UserId, string? Email)
{
    /// <summary>The recipient's part of a delivery key.</summary>
    public string Key => UserId is not null ? $"user:{UserId}" : $"email:{Email?.ToLowerInvariant()}";
}

/// <summary>A KPI as the planner needs it: when it was last measured, and its owner.</summary>
public sealed record KpiFacts(int Id, string Name, MeasurementFrequency Frequency, DateOnly DefinedOn, DateOnly? LastMeasured, Recipient? Owner);

/// <summary>A milestone with its project's status, owner and Accountable role holder.</summary>
public sealed record MilestoneFacts(int Id, string Title, int ProjectId, string ProjectTitle, ProjectStatus ProjectStatus, bool Done, DateOnly? DueOn, Recipient? Owner, Recipient? Accountable);

/// <summary>A project with its due date, owner and the member holding the role that is A in its RACI row.</summary>
public sealed record ProjectFacts(int Id, string Title, ProjectStatus Status, DateOnly? DueOn, Recipient? Owner, Recipient? Accountable);

/// <summary>A round that takes answers: its closing date and who has not handed in.</summary>
public sealed record RoundFacts(int Id, string Name, DateOnly? ClosesOn, IReadOnlyList<Recipient> NotSubmitted);

/// <summary>An organisation: its last closed round, its CX leads and its Owners.</summary>
public sealed record OrganisationFacts(int Id, string Name, DateOnly? LastClosedOn, bool NextRoundStarted, IReadOnlyList<Recipient> Leads, IReadOnlyList<Recipient> Owners)
{
    /// <summary>Who runs the programme and hears of every reminder: the CX leads, or the Owners when it has none.</summary>
    public IReadOnlyList<Recipient> Programme => Leads.Count > 0 ? Leads : Owners;
}

/// <summary>Everything the planner looks at for one organisation.</summary>
public sealed record ReminderFacts(
    OrganisationFacts Organisation,
    IReadOnlyList<KpiFacts> Kpis,
    IReadOnlyList<MilestoneFacts> Milestones,
    IReadOnlyList<ProjectFacts> Projects,
    IReadOnlyList<RoundFacts> Rounds);

/// <summary>
/// One reminder to deliver. <see cref="Key"/> — kind, subject, the date it is about, recipient — is what makes it
/// delivered exactly once, however often the job runs.
/// </summary>
public sealed record PlannedReminder(ReminderKind Kind, string Subject, DateOnly About, Recipient Recipient, string Title)
{
    /// <summary>The delivery key.</summary>
    public string Key => $"{Kind}|{Subject}|{About.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{Recipient.Key}";
}

/// <summary>
/// Plans the reminders due today (docs/RULES.md §8.6): pure, from the facts and the keys already delivered, so that
/// running it again, or twice at once, plans nothing twice once the first delivery is recorded.
/// </summary>
public static class ReminderPlanner
{
    /// <summary>Days before a milestone's due date its reminder comes.</summary>
    public const int MilestoneNoticeDays = 7;

    /// <summary>Days past a KPI's due date its overdue reminder comes.</summary>
    public const int KpiOverdueDays = 7;

    /// <summary>Days before a round closes its reminder comes.</summary>
    public const int RoundClosingDays = 3;

    /// <summary>Months after the last closed round a reassessment is due.</summary>
    public const int ReassessmentMonths = 6;

    /// <summary>The reminders due on <paramref name="today"/> not yet in <paramref name="delivered"/>.</summary>
    public static IReadOnlyList<PlannedReminder> Plan(DateOnly today, ReminderFacts facts, IReadOnlySet<string> delivered)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(delivered);
        var planned = new List<PlannedReminder>();
        void Add(ReminderKind kind, string subject, DateOnly about, IEnumerable<Recipient> recipients, string title)
        {
            foreach (var recipient in recipients.DistinctBy(r => r.Key))
            {
                var reminder = new PlannedReminder(kind, subject, about, recipient, title);
                if (!delivered.Contains(reminder.Key))
                {
                    planned.Add(reminder);
                }
            }
        }

        foreach (var kpi in facts.Kpis)
        {
            var due = KpiAnalysis.Due(kpi.LastMeasured, kpi.DefinedOn, kpi.Frequency, today).NextDue;
            var recipients = With(facts.Organisation.Programme, kpi.Owner);
            if (today >= due.AddDays(KpiOverdueDays))
            {
                Add(ReminderKind.KpiOverdue, $"kpi:{kpi.Id}", due, recipients, $"“{kpi.Name}” was due on {D(due)} and is still not measured.");
            }
            else if (today >= due)
            {
                Add(ReminderKind.KpiDue, $"kpi:{kpi.Id}", due, recipients, $"“{kpi.Name}” is due to be measured ({D(due)}).");
            }
        }

        foreach (var milestone in facts.Milestones.Where(m => !m.Done && !ProjectRules.IsFinal(m.ProjectStatus) && m.DueOn is not null))
        {
            var due = milestone.DueOn!.Value;
            var recipients = With(facts.Organisation.Programme, milestone.Owner, milestone.Accountable);
            if (ProjectRules.IsMilestoneLate(milestone.ProjectStatus, milestone.Done, due, today))
            {
                Add(ReminderKind.MilestoneOverdue, $"milestone:{milestone.Id}", due, recipients,
                    $"Milestone “{milestone.Title}” of “{milestone.ProjectTitle}” was due on {D(due)}.");
            }
            else if (due.DayNumber - today.DayNumber <= MilestoneNoticeDays)
            {
                Add(ReminderKind.MilestoneDueSoon, $"milestone:{milestone.Id}", due, recipients,
                    $"Milestone “{milestone.Title}” of “{milestone.ProjectTitle}” is due on {D(due)}.");
            }
        }

        foreach (var project in facts.Projects.Where(p => ProjectRules.IsLate(p.Status, p.DueOn, today)))
        {
            Add(ReminderKind.ProjectLate, $"project:{project.Id}", project.DueOn!.Value, With(facts.Organisation.Programme, project.Owner, project.Accountable),
                $"Project “{project.Title}” was due on {D(project.DueOn)} and is not finished.");
        }

        foreach (var round in facts.Rounds.Where(r => r.ClosesOn is { } closes && closes >= today && closes.DayNumber - today.DayNumber <= RoundClosingDays))
        {
            var closes = round.ClosesOn!.Value;
            Add(ReminderKind.RoundClosing, $"round:{round.Id}", closes, round.NotSubmitted.Concat(facts.Organisation.Programme),
                $"“{round.Name}” closes on {D(closes)}.");
        }

        if (facts.Organisation is { LastClosedOn: { } closed, NextRoundStarted: false } organisation
            && today >= closed.AddMonths(ReassessmentMonths))
        {
            var due = closed.AddMonths(ReassessmentMonths);
            Add(ReminderKind.ReassessmentDue, $"organisation:{organisation.Id}", due, organisation.Programme,
                $"{organisation.Name} last closed a round on {D(closed)}: six months on, it is time to assess again.");
        }

        return planned;
    }

    /// <summary>
    /// The Monday a weekly digest is dated by: the one starting the week of <paramref name="today"/>. A digest dated
    /// Monday <c>m</c> gathers the notifications of the seven days before <c>m</c>.
    /// </summary>
    public static DateOnly DigestMonday(DateOnly today) => today.AddDays(-(((int)today.DayOfWeek + 6) % 7));

    // The subject's own people first (owner, then Accountable), then those running the programme.
    private static IEnumerable<Recipient> With(IReadOnlyList<Recipient> programme, params Recipient?[] first) =>
        first.OfType<Recipient>().Concat(programme);

    private static string D(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "";
}
