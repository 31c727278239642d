using CxMaturity.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Kpis;

/// <summary>
/// Reads KPIs with their measurements and where each stands by the rules of docs/RULES.md §8.3, on the caller's
/// context: an organisation's KPIs in two commands however many there are. It checks no access; every method that
/// uses it has done so.
/// </summary>
internal static class KpiLoader
{
    /// <summary>The organisation's KPIs by name, each with every measurement, oldest first.</summary>
    public static async Task<IReadOnlyList<KpiView>> ListAsync(AppDbContext db, int organisationId, DateOnly today, CancellationToken cancellationToken)
    {
        var kpis = await db.Kpis.AsNoTracking()
            .Where(k => k.OrganisationId == organisationId)
            .OrderBy(k => k.Name)
            .Select(k => new { Kpi = k, OwnerName = k.OwnerUser!.DisplayName })
            .ToListAsync(cancellationToken);
        // Every measurement of every KPI in one query, for the status, trend and chart of each.
        var ids = kpis.Select(k => k.Kpi.Id).ToList();
        var measurements = (await db.KpiMeasurements.AsNoTracking()
                .Where(m => ids.Contains(m.KpiId))
                .OrderBy(m => m.Date).ThenBy(m => m.Id)
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.KpiId);
        return [.. kpis.Select(k => View(k.Kpi, k.OwnerName, [.. measurements[k.Kpi.Id]], today))];
    }

    /// <summary>One KPI of the organisation with every measurement, oldest first: one command.</summary>
    /// <exception cref="NotFoundException">No such KPI in the organisation.</exception>
    public static async Task<KpiView> ReadAsync(AppDbContext db, int organisationId, int kpiId, DateOnly today, CancellationToken cancellationToken)
    {
        var found = await db.Kpis.AsNoTracking()
            .Where(k => k.Id == kpiId && k.OrganisationId == organisationId)
            .Select(k => new { Kpi = k, OwnerName = k.OwnerUser!.DisplayName, Measurements = k.Measurements.OrderBy(m => m.Date).ThenBy(m => m.Id).ToList() })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"KPI {kpiId} was not found.");
        return View(found.Kpi, found.OwnerName, found.Measurements, today);
    }

    public static MeasurementView MeasurementOf(KpiMeasurement m) =>
        new(m.Id, m.Date, m.Value, m.N, m.MarginOfError, m.N is { } n && n < KpiFormulas.SmallSampleBelow, m.Source, m.Note);

    private static KpiView View(Kpi kpi, string? ownerName, IReadOnlyList<KpiMeasurement> measurements, DateOnly today)
    {
        var (previous, latest) = KpiAnalysis.LatestTwo(measurements.Select(m => new MeasurementPoint(m.Date, m.Value, m.MarginOfError)));
        var latestRow = measurements.Where(m => latest is not null && m.Date == latest.Date).MaxBy(m => m.Id);
        var due = KpiAnalysis.Due(latest?.Date, DateOnly.FromDateTime(kpi.CreatedUtc), kpi.Frequency, today);
        return new KpiView(
            kpi.Id, kpi.Name, kpi.Kind, kpi.Unit, kpi.Direction, kpi.Target, kpi.JourneyStage, kpi.Frequency, kpi.DimensionIds, kpi.OwnerUserId,
            kpi.OwnerUserId is null ? null : ownerName,
            latestRow is null ? null : MeasurementOf(latestRow),
            KpiAnalysis.Status(latest?.Value, kpi.Target, kpi.Direction),
            KpiAnalysis.Trend(previous, latest, kpi.Direction),
            due.NextDue, due.Overdue, kpi.Version,
            [.. measurements.Select(MeasurementOf)]);
    }
}
