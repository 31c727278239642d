using CxMaturity.Assessment.Reminders;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Notifications;

/// <summary>A notification as its user sees it.</summary>
public sealed record NotificationView(long Id, string Kind, string KindLabel, int OrganisationId, string Organisation, string Title, string Link, DateTime CreatedUtc, DateTime? ReadUtc);

/// <summary>The caller's notifications, newest first, with how many are unread.</summary>
public sealed record NotificationListView(int Unread, IReadOnlyList<NotificationView> Items);

/// <summary>Whether a reminder kind also comes by email.</summary>
public sealed record EmailChoiceView(ReminderKind Kind, string Label, bool Email);

/// <summary>A user's notification settings: email per kind, and a weekly digest instead of single emails.</summary>
public sealed record NotificationSettingsView(IReadOnlyList<EmailChoiceView> Emails, bool WeeklyDigest);

/// <summary>
/// A user's own notifications and settings. Each method acts for one user on that user's rows only; notifications
/// of an organisation the user has left are no longer shown.
/// </summary>
public sealed class NotificationService(IDbContextFactory<AppDbContext> contextFactory, NotificationNotifier notifier, TimeProvider time)
{
    /// <summary>The most notifications a list returns.</summary>
    public const int MaxListed = 200;

    public async Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Mine(db, userId).CountAsync(n => n.ReadUtc == null, cancellationToken);
    }

    public async Task<NotificationListView> ListAsync(string userId, bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var items = await Mine(db, userId)
            .Where(n => !unreadOnly || n.ReadUtc == null)
            .OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id)
            .Take(MaxListed)
            .Select(n => new { n.Id, n.Kind, n.OrganisationId, Organisation = db.Organisations.Where(o => o.Id == n.OrganisationId).Select(o => o.Name).First(), n.Title, n.Link, n.CreatedUtc, n.ReadUtc })
            .ToListAsync(cancellationToken);
        return new NotificationListView(
            await Mine(db, userId).CountAsync(n => n.ReadUtc == null, cancellationToken),
            [.. items.Select(n => new NotificationView(n.Id, n.Kind, ReminderLabels.Of(n.Kind), n.OrganisationId, n.Organisation, n.Title, n.Link, n.CreatedUtc, n.ReadUtc))]);
    }

    /// <summary>Marks one of the user's notifications read.</summary>
    /// <exception cref="NotFoundException">It is not the user's.</exception>
    public async Task MarkReadAsync(string userId, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (!await Mine(db, userId).AnyAsync(n => n.Id == id, cancellationToken))
        {
            throw new NotFoundException($"Notification {id} was not found.");
        }

        await db.Notifications.Where(n => n.Id == id && n.UserId == userId && n.ReadUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadUtc, now), cancellationToken);
        notifier.Changed([userId]);
    }

    /// <summary>Marks every unread notification of the user read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var count = await Mine(db, userId).Where(n => n.ReadUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadUtc, now), cancellationToken);
        notifier.Changed([userId]);
        return count;
    }

    public async Task<NotificationSettingsView> GetSettingsAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.ReminderEmailsOff, u.WeeklyDigest })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Your account was not found.");
        return new NotificationSettingsView(
            [.. ReminderLabels.Kinds.Select(k => new EmailChoiceView(k, ReminderLabels.Of(k), EmailChoices.IsOn(user.ReminderEmailsOff, k)))],
            user.WeeklyDigest);
    }

    /// <summary>Sets which kinds come by email (kinds not named keep their choice) and the weekly digest.</summary>
    public async Task<NotificationSettingsView> SaveSettingsAsync(
        string userId, IReadOnlyDictionary<ReminderKind, bool> emails, bool weeklyDigest, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("Your account was not found.");
        foreach (var (kind, on) in emails)
        {
            if (!Enum.IsDefined(kind))
            {
                throw ValidationException.For("emails", $"“{kind}” is not a kind of reminder.");
            }

            user.ReminderEmailsOff = EmailChoices.With(user.ReminderEmailsOff, kind, on);
        }

        user.WeeklyDigest = weeklyDigest;
        await db.SaveChangesAsync(cancellationToken);
        return await GetSettingsAsync(userId, cancellationToken);
    }

    /// <summary>Stops emails of one kind for a user, from an unsubscribe link (no sign-in: the link is the proof).</summary>
    internal async Task UnsubscribeAsync(string userId, ReminderKind kind, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("This account no longer exists.");
        user.ReminderEmailsOff = EmailChoices.With(user.ReminderEmailsOff, kind, on: false);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IQueryable<Notification> Mine(AppDbContext db, string userId) =>
        db.Notifications.Where(n => n.UserId == userId && db.Memberships.Any(m => m.UserId == userId && m.OrganisationId == n.OrganisationId));
}
