using System.Globalization;
using CxMaturity.Assessment.Reminders;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Backups;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.Mail;
using CxMaturity.Web.Features.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Reminders;

/// <summary>What one run of the reminder job did: reminders and digests delivered, emails put in the outbox table.</summary>
public sealed record ReminderRun(int Delivered, int Digests, int EmailsQueued);

/// <summary>
/// The recurring reminder job (docs/RULES.md §8.6). It reads every organisation's facts, asks the pure planner what is
/// due today and not yet delivered, and delivers each organisation's reminders in one transaction: a
/// <see cref="ReminderDelivery"/> row under the reminder's unique key, the recipient's notification and, when they
/// want one now, the email in the outbox table. A second run at the same time meets the unique key, takes the rows
/// that run wrote as delivered and goes on with the rest; a run that fails halfway leaves only whole organisations
/// delivered, and the next run does the others. Then weekly digests; the emails then go out in the mail job
/// (<see cref="MailQueue"/>), started at once, so that a slow mail server never holds up the reminders.
/// It checks no access: it acts for nobody, and tells each person only of what is theirs in an organisation they
/// belong to.
/// </summary>
public sealed class ReminderJob(
    IDbContextFactory<AppDbContext> contextFactory,
    NotificationNotifier notifier,
    UnsubscribeLinks unsubscribe,
    PublicLinks links,
    IBackgroundJobClient jobs,
    MaintenanceMode maintenance,
    TimeProvider time,
    ILogger<ReminderJob> logger)
{
    /// <summary>The name of the recurring job, as the Hangfire dashboard lists it.</summary>
    public const string JobId = "reminders";

    public const string DigestKind = "WeeklyDigest";

    private const int Attempts = 5;

    private static readonly IReadOnlySet<string> Nothing = new HashSet<string>();

    public async Task<ReminderRun> RunAsync(CancellationToken cancellationToken)
    {
        // The whole run holds off a restore (and waits for one): it plans from what it read and writes what it planned.
        using var lease = await maintenance.EnterAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        IReadOnlyList<OrganisationReminderFacts> organisations;
        HashSet<string> delivered;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            organisations = await ReminderFactsLoader.LoadAsync(db, cancellationToken);

            // Only the keys due today are looked up (by the unique index), not every delivery ever made.
            var due = organisations.SelectMany(o => ReminderPlanner.Plan(today, o.Facts, Nothing)).Select(r => r.Key)
                .ToList();
            delivered = await DeliveredAsync(db, due, cancellationToken);
        }

        var plans = organisations
            .Select(o => (Organisation: o, Planned: ReminderPlanner.Plan(today, o.Facts, delivered)))
            .Where(p => p.Planned.Count > 0)
            .ToList();
        var people = await PeopleAsync(plans.SelectMany(p => p.Planned).Select(r => r.Recipient.UserId).OfType<string>(), cancellationToken);

        var (count, emails) = (0, 0);
        var failures = new List<Exception>();
        foreach (var (organisation, planned) in plans)
        {
            try
            {
                var written = await DeliverAsync(organisation, planned, people, now, cancellationToken);
                (count, emails) = (count + written.Delivered, emails + written.Emails);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One organisation's failure (rolled back whole) does not keep the others' reminders back.
                logger.LogError(e, "Reminders of organisation {OrganisationId} could not be delivered; the next run tries again.", organisation.Facts.Organisation.Id);
                failures.Add(e);
            }
        }

        var (digests, digestEmails) = await DigestsAsync(today, now, cancellationToken);
        if (count + digests > 0)
        {
            logger.LogInformation("Reminder job: {Delivered} reminders and {Digests} weekly digests delivered for {Today}.", count, digests, today);
        }

        var queued = emails + digestEmails;
        if (queued > 0)
        {
            jobs.Enqueue<MailQueue>(queue => queue.SendDueAsync(CancellationToken.None));
        }

        if (failures.Count > 0)
        {
            // Failed, so that the dashboard shows it: what was delivered stays delivered, the rest comes next run.
            throw new AggregateException($"Reminders of {failures.Count} organisation(s) could not be delivered.", failures);
        }

        return new ReminderRun(count, digests, queued);
    }

    private static async Task<HashSet<string>> DeliveredAsync(AppDbContext db, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var delivered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            delivered.UnionWith(await db.ReminderDeliveries.AsNoTracking().Where(d => chunk.Contains(d.Key)).Select(d => d.Key).ToListAsync(cancellationToken));
        }

        return delivered;
    }

    private static string DigestKey(string userId, DateOnly monday) =>
        $"{DigestKind}|user:{userId}|{monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|user:{userId}";

    /// <summary>One organisation's reminders in one transaction; what another run delivered meanwhile is left out.</summary>
    private async Task<(int Delivered, int Emails)> DeliverAsync(
        OrganisationReminderFacts organisation, IReadOnlyList<PlannedReminder> planned, IReadOnlyDictionary<string, Person> people, DateTime now,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var told = new List<string>();
            foreach (var reminder in planned)
            {
                Write(db, organisation, reminder, people, now, told);
            }

            try
            {
                var emails = db.ChangeTracker.Entries<OutgoingMail>().Count();
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                notifier.Changed(told);
                return (planned.Count, emails);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another run may have delivered some of these first (the unique key refused them): leave those out
                // and deliver the rest. When none was, it is a real failure.
                await transaction.RollbackAsync(CancellationToken.None);
                var keys = planned.Select(r => r.Key).ToList();
                await using var check = await contextFactory.CreateDbContextAsync(cancellationToken);
                var already = (await check.ReminderDeliveries.AsNoTracking().Where(d => keys.Contains(d.Key)).Select(d => d.Key).ToListAsync(cancellationToken))
                    .ToHashSet(StringComparer.Ordinal);
                if (already.Count == 0)
                {
                    throw;
                }

                planned = [.. planned.Where(r => !already.Contains(r.Key))];
                if (planned.Count == 0)
                {
                    return (0, 0);
                }
            }
        }
    }

    private void Write(
        AppDbContext db, OrganisationReminderFacts organisation, PlannedReminder reminder, IReadOnlyDictionary<string, Person> people, DateTime now, List<string> told)
    {
        var facts = organisation.Facts.Organisation;
        db.ReminderDeliveries.Add(new ReminderDelivery { Key = reminder.Key, Kind = reminder.Kind.ToString(), OrganisationId = facts.Id, DeliveredUtc = now });
        var path = PathOf(reminder, organisation);
        var label = ReminderLabels.Of(reminder.Kind);
        if (reminder.Recipient.UserId is { } userId)
        {
            if (!people.TryGetValue(userId, out var person))
            {
                return; // the account was deleted since the facts were read
            }

            var wantsEmail = EmailChoices.IsOn(person.EmailsOff, reminder.Kind) && !string.IsNullOrEmpty(person.Email);
            var emailNow = wantsEmail && !person.WeeklyDigest;
            db.Notifications.Add(new Notification
            {
                UserId = userId, OrganisationId = facts.Id, Kind = reminder.Kind.ToString(), Title = reminder.Title, Link = path, CreatedUtc = now,
                DigestPending = wantsEmail && person.WeeklyDigest,
            });
            told.Add(userId);
            if (emailNow)
            {
                db.OutgoingMails.Add(ReminderEmail.Reminder(
                    person.Email!, person.Name, new ReminderEmail.Line(label, facts.Name, reminder.Title, Absolute(path)),
                    Absolute(unsubscribe.PathFor(userId, reminder.Kind)), null, now));
            }
        }
        else if (reminder.Recipient.Email is { Length: > 0 } email)
        {
            // A respondent without an account: only the email, which points to the link in their invitation.
            db.OutgoingMails.Add(ReminderEmail.Reminder(
                email, email, new ReminderEmail.Line(label, facts.Name, reminder.Title, null), null,
                "Open the questionnaire with the link in your invitation email; ask the person who invited you for a new one if you cannot find it.", now));
        }
    }

    /// <summary>
    /// Weekly digests due today: for a user who reads reminders weekly, from Monday on, what waited for the digest
    /// from before that Monday; for a user who has gone back to single emails, at once, what still waited. Kinds
    /// turned off meanwhile are dropped from it.
    /// </summary>
    private async Task<(int Digests, int Emails)> DigestsAsync(DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        var monday = ReminderPlanner.DigestMonday(today);
        var until = monday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var readers = await db.Users.AsNoTracking()
            .Where(u => u.Email != null && (u.WeeklyDigest || db.Notifications.Any(n => n.UserId == u.Id && n.DigestPending)))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.ReminderEmailsOff, u.WeeklyDigest })
            .ToListAsync(cancellationToken);
        var (count, emails) = (0, 0);
        foreach (var reader in readers)
        {
            var key = DigestKey(reader.Id, reader.WeeklyDigest ? monday : today);
            if (await db.ReminderDeliveries.AnyAsync(d => d.Key == key, cancellationToken))
            {
                continue;
            }

            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var waiting = await db.Notifications
                .Where(n => n.UserId == reader.Id && n.DigestPending && (!reader.WeeklyDigest || n.CreatedUtc < until))
                .OrderBy(n => n.CreatedUtc).ThenBy(n => n.Id)
                .ToListAsync(cancellationToken);
            var members = await db.Memberships.AsNoTracking().Where(m => m.UserId == reader.Id).Select(m => m.OrganisationId).ToListAsync(cancellationToken);
            var told = waiting
                .Where(n => members.Contains(n.OrganisationId) && (!Enum.TryParse<ReminderKind>(n.Kind, out var kind) || EmailChoices.IsOn(reader.ReminderEmailsOff, kind)))
                .ToList();
            var names = await db.Organisations.AsNoTracking().Where(o => members.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
            db.ReminderDeliveries.Add(new ReminderDelivery { Key = key, Kind = DigestKind, DeliveredUtc = now });
            if (told.Count > 0)
            {
                var name = string.IsNullOrWhiteSpace(reader.DisplayName) ? reader.Email! : reader.DisplayName;
                db.OutgoingMails.Add(ReminderEmail.Digest(reader.Email!, name, reader.WeeklyDigest ? monday : null,
                    [.. told.Select(n => new ReminderEmail.Line(ReminderLabels.Of(n.Kind), names.GetValueOrDefault(n.OrganisationId, ""), n.Title, Absolute(n.Link)))],
                    Absolute("/profile#notifications"), now));
            }

            waiting.ForEach(n => n.DigestPending = false);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                count++;
                emails += told.Count > 0 ? 1 : 0;
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                if (!await db.ReminderDeliveries.AnyAsync(d => d.Key == key, cancellationToken))
                {
                    throw; // not another run's digest: a real failure
                }
            }
        }

        return (count, emails);
    }

    private async Task<IReadOnlyDictionary<string, Person>> PeopleAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, Person>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(
                u => u.Id,
                u => new Person(u.Email, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? "" : u.DisplayName, u.ReminderEmailsOff, u.WeeklyDigest),
                StringComparer.Ordinal,
                cancellationToken);
    }

    /// <summary>The page a reminder is about, relative to the site.</summary>
    private static string PathOf(PlannedReminder reminder, OrganisationReminderFacts organisation)
    {
        var id = int.Parse(reminder.Subject[(reminder.Subject.IndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        var organisationId = organisation.Facts.Organisation.Id;
        return reminder.Kind switch
        {
            ReminderKind.KpiDue or ReminderKind.KpiOverdue => $"/organisations/{organisationId}/kpis",
            ReminderKind.MilestoneDueSoon or ReminderKind.MilestoneOverdue => $"/projects/{organisation.ProjectOfMilestone[id]}",
            ReminderKind.ProjectLate => $"/projects/{id}",
            ReminderKind.RoundClosing when organisation.Facts.Organisation.Programme.Contains(reminder.Recipient) => $"/rounds/{id}",
            ReminderKind.RoundClosing => $"/rounds/{id}/questionnaire",
            _ => $"/organisations/{organisationId}",
        };
    }

    private string? Absolute(string path) => links.IsConfigured ? links.To(path) : null;

    private sealed record Person(string? Email, string Name, int EmailsOff, bool WeeklyDigest);
}
