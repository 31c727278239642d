using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Raci;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.MyWork;

/// <summary>A project the user owns.</summary>
public sealed record MyProjectView(int Id, string Title, ProjectStatus Status, DateOnly? DueOn, bool Late, int OrganisationId, string OrganisationName);

/// <summary>A milestone of a project the user owns, not done, due within two weeks or overdue.</summary>
public sealed record MyMilestoneView(int ProjectId, string ProjectTitle, string Title, DateOnly DueOn, bool Overdue, string OrganisationName);

/// <summary>A KPI the user owns whose next measurement is due within a week, or overdue.</summary>
public sealed record MyKpiView(int Id, string Name, DateOnly NextDue, bool Overdue, int OrganisationId, string OrganisationName);

/// <summary>A RACI row where a role the user holds is Responsible or Accountable.</summary>
public sealed record MyRaciRowView(string Title, string? Link, string Role, RaciLetter Letter, int OrganisationId, string OrganisationName);

/// <summary>Everything that is the user's to do, across their organisations.</summary>
public sealed record MyWorkView(
    IReadOnlyList<MyQuestionnaireView> Questionnaires,
    IReadOnlyList<MyProjectView> Projects,
    IReadOnlyList<MyMilestoneView> Milestones,
    IReadOnlyList<MyKpiView> Kpis,
    IReadOnlyList<MyRaciRowView> RaciRows)
{
    /// <summary>How many things in all.</summary>
    public int Count => Questionnaires.Count + Projects.Count + Milestones.Count + Kpis.Count + RaciRows.Count;
}

/// <summary>
/// My work: what is the signed-in user's, in every organisation they are still a member of (a Respondent sees only
/// their questionnaires): questionnaires waiting for answers, projects they own and their milestones due soon, KPIs
/// they own that are due, and RACI rows where a role they hold is R or A.
/// </summary>
public sealed class MyWorkService(IDbContextFactory<AppDbContext> contextFactory, RaciService raci, TimeProvider time)
{
    /// <summary>How far ahead a milestone counts as due soon.</summary>
    public const int MilestoneDays = 14;

    /// <summary>How far ahead a KPI measurement counts as due soon.</summary>
    public const int KpiDays = 7;

    /// <summary>The user's work.</summary>
    public async Task<MyWorkView> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var questionnaires = (await QuestionnaireService.MineAsync(db, userId, cancellationToken))
            .Where(q => RoundRules.IsWaitingForAnswers(q.RoundStatus, q.Status)).ToList();
        // Governance is for members who read results; a Respondent's work is their questionnaire.
        var organisations = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Role != OrganisationRole.Respondent)
            .Select(m => new { m.OrganisationId, m.Organisation!.Name })
            .ToDictionaryAsync(m => m.OrganisationId, m => m.Name, cancellationToken);
        var ids = organisations.Keys.ToList();

        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.OwnerUserId == userId && ids.Contains(p.OrganisationId)
                && p.Status != ProjectStatus.Done && p.Status != ProjectStatus.Cancelled)
            .Select(p => new { p.Id, p.Title, p.Status, p.DueOn, p.OrganisationId })
            .ToListAsync(cancellationToken);
        var soon = today.AddDays(MilestoneDays);
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => !m.Done && m.DueOn != null && m.DueOn <= soon && m.Project!.OwnerUserId == userId
                && ids.Contains(m.Project.OrganisationId) && m.Project.Status != ProjectStatus.Done && m.Project.Status != ProjectStatus.Cancelled)
            .OrderBy(m => m.DueOn)
            .Select(m => new { m.ProjectId, ProjectTitle = m.Project!.Title, m.Title, DueOn = m.DueOn!.Value, m.Project.OrganisationId, m.Project.Status })
            .ToListAsync(cancellationToken);
        var kpis = await db.Kpis.AsNoTracking()
            .Where(k => k.OwnerUserId == userId && ids.Contains(k.OrganisationId))
            .Select(k => new { k.Id, k.Name, k.Frequency, k.CreatedUtc, k.OrganisationId, Last = k.Measurements.Max(m => (DateOnly?)m.Date) })
            .ToListAsync(cancellationToken);
        var held = await db.RaciAssignments.AsNoTracking()
            .Where(a => a.Role!.HolderUserId == userId && ids.Contains(a.OrganisationId) && (a.Letter == RaciLetter.R || a.Letter == RaciLetter.A))
            .Select(a => new { a.OrganisationId, a.RowKey, Role = a.Role!.Name, a.Letter })
            .ToListAsync(cancellationToken);
        var raciRows = new List<MyRaciRowView>();
        foreach (var organisation in held.GroupBy(h => h.OrganisationId))
        {
            var rows = (await raci.RowsAsync(db, organisation.Key, cancellationToken)).ToDictionary(r => r.Key, StringComparer.Ordinal);
            raciRows.AddRange(organisation
                .Where(h => rows.ContainsKey(h.RowKey))
                .Select(h => new MyRaciRowView(rows[h.RowKey].Title, rows[h.RowKey].Link, h.Role, h.Letter, organisation.Key, organisations[organisation.Key])));
        }

        return new MyWorkView(
            questionnaires,
            [.. projects.OrderBy(p => p.DueOn ?? DateOnly.MaxValue).Select(p => new MyProjectView(
                p.Id, p.Title, p.Status, p.DueOn, ProjectRules.IsLate(p.Status, p.DueOn, today), p.OrganisationId, organisations[p.OrganisationId]))],
            [.. milestones.Select(m => new MyMilestoneView(m.ProjectId, m.ProjectTitle, m.Title, m.DueOn, ProjectRules.IsMilestoneLate(m.Status, false, m.DueOn, today), organisations[m.OrganisationId]))],
            [.. kpis
                .Select(k => (Kpi: k, Due: KpiAnalysis.Due(k.Last, DateOnly.FromDateTime(k.CreatedUtc), k.Frequency, today)))
                .Where(k => k.Due.NextDue <= today.AddDays(KpiDays))
                .OrderBy(k => k.Due.NextDue)
                .Select(k => new MyKpiView(k.Kpi.Id, k.Kpi.Name, k.Due.NextDue, k.Due.Overdue, k.Kpi.OrganisationId, organisations[k.Kpi.OrganisationId]))],
            [.. raciRows.OrderBy(r => r.Letter).ThenBy(r => r.Title, StringComparer.CurrentCultureIgnoreCase)]);
    }
}
