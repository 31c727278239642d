using CxMaturity.Assessment.Reminders;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Reminders;

/// <summary>One organisation's facts, with what the job needs besides to link and address its reminders.</summary>
internal sealed record OrganisationReminderFacts(ReminderFacts Facts, IReadOnlyDictionary<int, int> ProjectOfMilestone);

/// <summary>
/// Reads what the reminder planner looks at for every organisation, in a fixed number of queries however many there
/// are. Only current members are recipients: someone who left an organisation hears nothing more of it.
/// </summary>
internal static class ReminderFactsLoader
{
    public static async Task<IReadOnlyList<OrganisationReminderFacts>> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var members = (await db.Memberships.AsNoTracking().Select(m => new { m.OrganisationId, m.UserId, m.Role }).ToListAsync(cancellationToken))
            .ToLookup(m => m.OrganisationId);
        var rounds = (await db.Rounds.AsNoTracking()
                .Select(r => new { r.Id, r.OrganisationId, r.Name, r.Status, r.ClosesOn, r.ClosedUtc, r.CreatedUtc })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.OrganisationId);
        var waiting = (await db.Respondents.AsNoTracking()
                .Where(r => r.Round!.Status == RoundStatus.Open && r.Status != RespondentStatus.Submitted)
                .Select(r => new { r.RoundId, r.UserId, r.Email })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.RoundId);
        var kpis = (await db.Kpis.AsNoTracking()
                .Select(k => new
                {
                    k.Id, k.OrganisationId, k.Name, k.Frequency, k.CreatedUtc, k.OwnerUserId,
                    Last = db.KpiMeasurements.Where(m => m.KpiId == k.Id).Max(m => (DateOnly?)m.Date),
                })
                .ToListAsync(cancellationToken))
            .ToLookup(k => k.OrganisationId);
        var projects = (await db.Projects.AsNoTracking()
                .Where(p => p.Status != ProjectStatus.Done && p.Status != ProjectStatus.Cancelled)
                .Select(p => new { p.Id, p.OrganisationId, p.Title, p.Status, p.DueOn, p.OwnerUserId })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.OrganisationId);
        var milestones = (await db.Milestones.AsNoTracking()
                .Where(m => !m.Done && m.DueOn != null && m.Project!.Status != ProjectStatus.Done && m.Project.Status != ProjectStatus.Cancelled)
                .Select(m => new { m.Id, m.ProjectId, m.Title, m.DueOn })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.ProjectId);
        var accountable = (await db.RaciAssignments.AsNoTracking()
                .Where(a => a.Letter == RaciLetter.A && a.RowKey.StartsWith("project:") && a.Role!.HolderUserId != null)
                .Select(a => new { a.RowKey, a.Role!.HolderUserId })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.RowKey)
            .ToDictionary(g => g.Key, g => g.First().HolderUserId!, StringComparer.Ordinal);

        var result = new List<OrganisationReminderFacts>(organisations.Count);
        foreach (var organisation in organisations)
        {
            var memberIds = members[organisation.Id].Select(m => m.UserId).ToHashSet(StringComparer.Ordinal);
            Recipient? Member(string? userId) => userId is not null && memberIds.Contains(userId) ? new Recipient(userId, null) : null;
            IReadOnlyList<Recipient> WithRole(OrganisationRole role) =>
                [.. members[organisation.Id].Where(m => m.Role == role).OrderBy(m => m.UserId, StringComparer.Ordinal).Select(m => new Recipient(m.UserId, null))];

            var organisationRounds = rounds[organisation.Id].ToList();
            var lastClosed = organisationRounds.Where(r => r.Status == RoundStatus.Closed && r.ClosedUtc is not null).MaxBy(r => r.ClosedUtc);
            var facts = new OrganisationFacts(
                organisation.Id,
                organisation.Name,
                lastClosed is null ? null : DateOnly.FromDateTime(lastClosed.ClosedUtc!.Value),
                // A round prepared since (draft or open) counts as the next one; an old forgotten draft does not.
                lastClosed is not null && organisationRounds.Any(r => r.Status != RoundStatus.Closed && r.CreatedUtc > lastClosed.ClosedUtc),
                WithRole(OrganisationRole.CxLead),
                WithRole(OrganisationRole.Owner));

            var projectOfMilestone = new Dictionary<int, int>();
            var milestoneFacts = new List<MilestoneFacts>();
            var projectFacts = new List<ProjectFacts>();
            foreach (var project in projects[organisation.Id])
            {
                var owner = Member(project.OwnerUserId);
                var isAccountable = Member(accountable.GetValueOrDefault($"project:{project.Id}"));
                projectFacts.Add(new ProjectFacts(project.Id, project.Title, project.Status, project.DueOn, owner, isAccountable));
                foreach (var milestone in milestones[project.Id])
                {
                    projectOfMilestone[milestone.Id] = project.Id;
                    milestoneFacts.Add(new MilestoneFacts(milestone.Id, milestone.Title, project.Id, project.Title, project.Status, false, milestone.DueOn, owner, isAccountable));
                }
            }

            result.Add(new OrganisationReminderFacts(
                new ReminderFacts(
                    facts,
                    [.. kpis[organisation.Id].Select(k => new KpiFacts(k.Id, k.Name, k.Frequency, DateOnly.FromDateTime(k.CreatedUtc), k.Last, Member(k.OwnerUserId)))],
                    milestoneFacts,
                    projectFacts,
                    [.. organisationRounds.Where(r => r.Status == RoundStatus.Open).Select(r => new RoundFacts(r.Id, r.Name, r.ClosesOn,
                        [.. waiting[r.Id].Select(w => w.UserId is null ? new Recipient(null, w.Email) : Member(w.UserId)).OfType<Recipient>()]))]),
                projectOfMilestone));
        }

        return result;
    }
}
