using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Administration;

/// <summary>One page of the organisations the search found, ordered by name.</summary>
/// <param name="Search">The search as applied (trimmed); empty for every organisation.</param>
/// <param name="Page">The page shown, from 1; past the last page the last is shown.</param>
/// <param name="PageCount">How many pages the organisations found fill; at least 1.</param>
public sealed record OrganisationListView(string Search, int Page, int PageCount, int Total, IReadOnlyList<OrganisationRowView> Organisations);

/// <summary>An organisation as site administrators see it: who owns it and how big it is, nothing of what is in it.</summary>
/// <param name="OwnerEmails">The emails of its Owners, in order.</param>
/// <param name="Respondents">Respondents over all its rounds (a person in two rounds counts twice).</param>
/// <param name="Answers">Answers saved over all its rounds, "not applicable" included.</param>
public sealed record OrganisationRowView(
    int Id,
    string Name,
    DateTime CreatedUtc,
    IReadOnlyList<string> OwnerEmails,
    int Members,
    int Rounds,
    int Respondents,
    int Answers,
    int Kpis,
    int Projects);

/// <summary>
/// Every organisation of the site with its Owners and size figures, for site administrators, who get no access to
/// any organisation by their role: this shows no round, answer, result or name other than the Owners'.
/// </summary>
public sealed class OrganisationOverviewService(IDbContextFactory<AppDbContext> contextFactory)
{
    public const int PageSize = 50;

    private const int SearchLimit = 100;

    /// <summary>
    /// One page of organisations, by name. <paramref name="search"/> finds those whose name holds it (A to Z in any
    /// case, other letters as typed).
    /// </summary>
    /// <exception cref="ForbiddenException">The caller is not a site administrator.</exception>
    /// <exception cref="ValidationException">The search is longer than 100 characters (key <c>search</c>).</exception>
    public async Task<OrganisationListView> ListAsync(string userId, string? search, int page = 1, CancellationToken cancellationToken = default)
    {
        var term = (search ?? "").Trim();
        if (term.Length > SearchLimit)
        {
            throw ValidationException.For("search", $"Search for at most {SearchLimit} characters.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await SiteAdministrators.RequireAsync(db, userId, "see the list of organisations", cancellationToken);

        var organisations = db.Organisations.AsNoTracking();
        if (term.Length > 0)
        {
            var upper = term.ToUpperInvariant();
            organisations = organisations.Where(o => o.Name.Contains(term) || o.Name.ToUpper().Contains(upper));
        }

        var total = await organisations.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await organisations
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.CreatedUtc,
                Members = o.Memberships.Count,
                Rounds = o.Rounds.Count,
                Respondents = db.Respondents.Count(r => r.Round!.OrganisationId == o.Id),
                Answers = db.Respondents.Where(r => r.Round!.OrganisationId == o.Id).SelectMany(r => r.Answers).Count(),
                Kpis = db.Kpis.Count(k => k.OrganisationId == o.Id),
                Projects = db.Projects.Count(p => p.OrganisationId == o.Id),
            })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var owners = (await db.Memberships.AsNoTracking()
                .Where(m => ids.Contains(m.OrganisationId) && m.Role == OrganisationRole.Owner)
                .Select(m => new { m.OrganisationId, m.User!.Email })
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.Email, StringComparer.OrdinalIgnoreCase)
            .ToLookup(m => m.OrganisationId, m => m.Email ?? "");

        return new OrganisationListView(term, page, pageCount, total, [.. rows.Select(r => new OrganisationRowView(
            r.Id, r.Name, r.CreatedUtc, [.. owners[r.Id]], r.Members, r.Rounds, r.Respondents, r.Answers, r.Kpis, r.Projects))]);
    }
}
