using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.AuditLog;

/// <summary>Which lines of the audit log to show; every filter optional.</summary>
public sealed record AuditFilter(string? Area = null, string? UserId = null, string? Text = null, DateOnly? From = null, DateOnly? To = null, int Take = 200);

/// <summary>One line of the audit log, with the name of who made the change.</summary>
public sealed record AuditLineView(long Id, DateTime AtUtc, string Who, string Area, string Subject, string Action, string? Before, string? After);

/// <summary>A page of the audit log, newest first, with what the filters can choose from.</summary>
public sealed record AuditLogView(
    int OrganisationId, string OrganisationName, IReadOnlyList<AuditLineView> Lines, bool More, IReadOnlyList<string> Areas, IReadOnlyList<AuditActorView> Actors);

/// <summary>Someone who appears in the log.</summary>
public sealed record AuditActorView(string UserId, string Name);

/// <summary>The organisation's audit log (append-only; written with each change): Owners only.</summary>
public sealed class AuditLogService(IDbContextFactory<AppDbContext> contextFactory)
{
    /// <summary>The lines matching <paramref name="filter"/>, newest first.</summary>
    public async Task<AuditLogView> GetAsync(string userId, int organisationId, AuditFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireAsync(db, userId, organisationId, OrganisationRoles.Owners);
        var name = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        // Answer lines of rounds anonymous now are shown without respondent, account or time, and never found by them.
        var anonymous = await db.Rounds.Where(r => r.OrganisationId == organisationId && r.Anonymous).Select(r => (int?)r.Id).ToListAsync(cancellationToken);
        var lines = db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == organisationId);
        if (!string.IsNullOrWhiteSpace(filter.Area))
        {
            lines = lines.Where(a => a.Area == filter.Area);
        }

        if (!string.IsNullOrWhiteSpace(filter.UserId))
        {
            lines = lines.Where(a => a.UserId == filter.UserId && !(a.Area == "Answer" && anonymous.Contains(a.RoundId)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim().ToLower();
            lines = lines.Where(a => (a.Subject.ToLower().Contains(text) && !(a.Area == "Answer" && anonymous.Contains(a.RoundId)))
                || (a.Before ?? "").ToLower().Contains(text) || (a.After ?? "").ToLower().Contains(text));
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            lines = lines.Where(a => a.AtUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            lines = lines.Where(a => a.AtUtc < end);
        }

        var take = Math.Clamp(filter.Take, 1, 1000);
        var page = await lines
            .OrderByDescending(a => a.Id)
            .Take(take + 1)
            .Select(a => new
            {
                a.Id, a.AtUtc, a.Area, a.Subject, a.Action, a.Before, a.After, a.UserId, a.RoundId,
                Name = db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Email).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var areas = await db.AuditEntries.Where(a => a.OrganisationId == organisationId).Select(a => a.Area).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        var actors = await db.AuditEntries.Where(a => a.OrganisationId == organisationId && a.UserId != null)
            .Select(a => a.UserId!).Distinct()
            .Join(db.Users, id => id, u => u.Id, (id, u) => new AuditActorView(id, u.DisplayName != "" ? u.DisplayName : u.Email!))
            .ToListAsync(cancellationToken);
        return new AuditLogView(
            organisationId, name,
            [.. page.Take(take).Select(a => a.Area == "Answer" && anonymous.Contains(a.RoundId)
                ? new AuditLineView(a.Id, a.AtUtc.Date, "a respondent", a.Area,
                    $"{Questionnaires.AnswerWriter.AnonymousRespondent(a.RoundId!.Value)} · {a.Subject[(a.Subject.LastIndexOf(" · ", StringComparison.Ordinal) + 3)..]}",
                    a.Action, a.Before, a.After)
                : new AuditLineView(
                    a.Id, a.AtUtc, a.UserId is null ? "a respondent" : a.Name ?? "a deleted account", a.Area, a.Subject, a.Action, a.Before, a.After))],
            page.Count > take, areas, [.. actors.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)]);
    }
}
