using System.Globalization;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Common;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Notifications;

/// <summary>
/// A user's private calendar feed: an iCalendar address with a secret in it (only its hash is looked up; the secret
/// itself is kept encrypted so the profile can show it again), revocable, listing the milestones of the projects the
/// user owns or is Accountable for, the next due date of each KPI they own, and the closing dates of the open rounds
/// they answer or run — all in organisations they still belong to.
/// </summary>
public sealed class CalendarFeedService(IDbContextFactory<AppDbContext> contextFactory, PublicLinks links, IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("CxMaturity.CalendarFeed.v1");

    /// <summary>The path of the feed for a secret.</summary>
    public static string PathFor(string secret) => $"/calendar/{secret}.ics";

    /// <summary>
    /// The user's feed address, relative or absolute as configured; null when they have none. When the keys that
    /// sealed the kept secret are gone the feed is turned off, so that no feed works that the profile cannot show.
    /// </summary>
    public async Task<string?> GetAddressAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.CalendarFeedSecret).SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return null;
        }

        try
        {
            return Address(_protector.Unprotect(stored));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            await RevokeAsync(userId, cancellationToken);
            return null;
        }
    }

    /// <summary>Makes a new feed address for the user; the previous one stops working.</summary>
    public async Task<string> CreateAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("Your account was not found.");
        var secret = Secrets.Create();
        (user.CalendarFeedHash, user.CalendarFeedSecret) = (Secrets.Hash(secret), _protector.Protect(secret));
        await db.SaveChangesAsync(cancellationToken);
        return Address(secret);
    }

    /// <summary>Stops the user's feed address from working.</summary>
    public async Task RevokeAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.CalendarFeedHash, (string?)null).SetProperty(x => x.CalendarFeedSecret, (string?)null), cancellationToken);
    }

    /// <summary>The feed for a secret as iCalendar text; null when no feed has that secret (never made, or revoked).</summary>
    public async Task<string?> FeedAsync(string secret, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return null;
        }

        var hash = Secrets.Hash(secret);
        var userId = await db.Users.AsNoTracking().Where(u => u.CalendarFeedHash == hash).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => new { m.OrganisationId, m.Role }).ToListAsync(cancellationToken);
        var organisations = memberships.Select(m => m.OrganisationId).ToList();
        var runs = memberships.Where(m => m.Role is OrganisationRole.Owner or OrganisationRole.CxLead).Select(m => m.OrganisationId).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisations.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        var accountableRows = await db.RaciAssignments.AsNoTracking()
            .Where(a => organisations.Contains(a.OrganisationId) && a.Letter == RaciLetter.A && a.Role!.HolderUserId == userId && a.RowKey.StartsWith("project:"))
            .Select(a => a.RowKey).ToListAsync(cancellationToken);
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => !m.Done && m.DueOn != null && organisations.Contains(m.Project!.OrganisationId)
                && m.Project.Status != ProjectStatus.Done && m.Project.Status != ProjectStatus.Cancelled
                && (m.Project.OwnerUserId == userId || accountableRows.Contains("project:" + m.ProjectId)))
            .Select(m => new { m.Id, m.Title, m.DueOn, m.ProjectId, Project = m.Project!.Title, m.Project.OrganisationId })
            .ToListAsync(cancellationToken);
        var kpis = await db.Kpis.AsNoTracking()
            .Where(k => k.OwnerUserId == userId && organisations.Contains(k.OrganisationId))
            .Select(k => new { k.Id, k.Name, k.OrganisationId, k.Frequency, k.CreatedUtc, Last = db.KpiMeasurements.Where(m => m.KpiId == k.Id).Max(m => (DateOnly?)m.Date) })
            .ToListAsync(cancellationToken);
        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.Status == RoundStatus.Open && r.ClosesOn != null
                && (runs.Contains(r.OrganisationId)
                    || (organisations.Contains(r.OrganisationId) && db.Respondents.Any(p => p.RoundId == r.Id && p.UserId == userId && p.Status != RespondentStatus.Submitted))))
            .Select(r => new { r.Id, r.Name, r.ClosesOn, r.OrganisationId, Runs = runs.Contains(r.OrganisationId) })
            .ToListAsync(cancellationToken);

        var stamp = time.GetUtcNow().UtcDateTime;
        var calendar = new Ical.Net.Calendar { ProductId = "-//CxMaturity//Reminders//EN" };
        calendar.AddProperty("X-WR-CALNAME", "CxMaturity");
        void Add(string uid, DateOnly on, string summary, string organisation, string path)
        {
            var link = links.IsConfigured ? links.To(path) : null;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{uid}@cxmaturity",
                Summary = summary,
                Description = link is null ? organisation : $"{organisation}\n{link}",
                Start = new CalDateTime(on.Year, on.Month, on.Day),
                DtStamp = new CalDateTime(stamp),
                Url = link is null ? null : new Uri(link),
            });
        }

        foreach (var milestone in milestones)
        {
            Add($"milestone-{milestone.Id}", milestone.DueOn!.Value, $"Milestone due: {milestone.Title} ({milestone.Project})", names[milestone.OrganisationId], $"/projects/{milestone.ProjectId}");
        }

        foreach (var kpi in kpis)
        {
            var due = KpiAnalysis.Due(kpi.Last, DateOnly.FromDateTime(kpi.CreatedUtc), kpi.Frequency, today).NextDue;
            Add($"kpi-{kpi.Id}-{due.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}", due, $"KPI due: {kpi.Name}", names[kpi.OrganisationId], $"/organisations/{kpi.OrganisationId}/kpis");
        }

        foreach (var round in rounds)
        {
            Add($"round-{round.Id}", round.ClosesOn!.Value, $"Round closes: {round.Name}", names[round.OrganisationId],
                round.Runs ? $"/rounds/{round.Id}" : $"/rounds/{round.Id}/questionnaire");
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }

    private string Address(string secret) => links.IsConfigured ? links.To(PathFor(secret)) : PathFor(secret);
}
