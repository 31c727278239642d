using CxMaturity.Web.Data;
using Microsoft.EntityFrameworkCore;
using GapRules = CxMaturity.Assessment.Governance.CustomerGaps;

namespace CxMaturity.Web.Features.CustomerGaps;

/// <summary>
/// Reads the customer-gap register on the caller's context (one command) and gives its Pareto by the rule of
/// docs/RULES.md §8.5. It checks no access; every method that uses it has done so.
/// </summary>
internal static class CustomerGapLoader
{
    /// <summary>Every problem of the organisation's register, newest first.</summary>
    public static async Task<IReadOnlyList<CustomerGapView>> ListAsync(AppDbContext db, int organisationId, CancellationToken cancellationToken) =>
        await db.CustomerGaps.AsNoTracking()
            .Where(g => g.OrganisationId == organisationId)
            .OrderByDescending(g => g.CreatedUtc).ThenByDescending(g => g.Id)
            .Select(g => new CustomerGapView(g.Id, g.Title, g.Source, g.RootCause, g.Score, g.CreatedUtc, g.Version))
            .ToListAsync(cancellationToken);

    /// <summary>The Pareto of the problems' root causes.</summary>
    public static IReadOnlyList<RootCauseShare> Pareto(IEnumerable<CustomerGapView> gaps) =>
        GapRules.Pareto(gaps.Select(g => new CustomerGapScore(g.RootCause, g.Score)));
}
