using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Workbooks;
using CxMaturity.Web.Features.CustomerGaps;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Roadmap;

namespace CxMaturity.Web.Features.Workbooks;

// The engagement workbook's governance sheets: the KPIs, projects and customer gaps the feature loaders read, mapped
// into rows with their labels. Status, trend, due dates, lateness and the Pareto come from the domain's rules through
// those loaders; nothing here decides them again.
public sealed partial class WorkbookService
{
    private static List<KpiRow> KpiRows(MaturityModel model, IReadOnlyList<KpiView> kpis) =>
    [
        .. kpis.Select(k => new KpiRow(
            k.Name,
            Labels.Kind(k.Kind),
            k.Unit,
            k.Direction.DisplayName(),
            k.Target,
            k.JourneyStage,
            k.Frequency.DisplayName(),
            k.OwnerName,
            [.. k.DimensionIds.Select(id => DimensionTitle(model, id))],
            k.Latest is { } latest ? MeasurementRow(k.Name, latest) : null,
            k.Status.DisplayName(),
            k.Latest is null ? null : k.Trend.Kind.DisplayName(),
            k.Trend.Kind == KpiTrendKind.None ? null : k.Trend.Change,
            k.NextDue,
            k.Overdue)),
    ];

    private static KpiMeasurementRow MeasurementRow(string kpi, MeasurementView m) =>
        new(kpi, m.Date, m.Value, m.N, m.MarginOfError, m.SmallSample, m.Source, m.Note);

    private static List<ProjectRow> ProjectRows(MaturityModel model, RoadmapView roadmap, IReadOnlyList<ProjectDetailView> projects) =>
    [
        .. projects.Select(p => new ProjectRow(
            p.Title,
            p.Status.DisplayName(),
            p.DimensionId is { } dimensionId ? DimensionTitle(model, dimensionId) : null,
            p.OwnerName,
            p.StartOn,
            p.DueOn,
            p.Late,
            [.. p.Kpis.Select(k => k.Name)],
            RoadmapItem(model, roadmap, p),
            [.. p.Milestones.Select(m => new MilestoneRow(m.Title, m.DueOn, m.Done))])),
    ];

    // The item's title on this round's roadmap; an item of another round is named with that round.
    private static string? RoadmapItem(MaturityModel model, RoadmapView roadmap, ProjectDetailView project)
    {
        if (project.InitiativeId is not { } initiativeId)
        {
            return null;
        }

        if (project.RoundId == roadmap.RoundId && roadmap.FindItem(initiativeId) is { } item)
        {
            return item.Title;
        }

        var title = model.Initiatives.FirstOrDefault(i => i.Id == initiativeId)?.Title ?? initiativeId;
        return project.RoundId != roadmap.RoundId && project.RoundName is { } round ? $"{title} ({round})" : title;
    }

    // The register grouped by root cause in Pareto order, the heaviest problem first within each.
    private static List<CustomerGapRow> CustomerGapRows(IReadOnlyList<CustomerGapView> gaps, IReadOnlyList<RootCauseShare> pareto)
    {
        var rank = pareto.Select((share, index) => (share.RootCause, index)).ToDictionary(r => r.RootCause, r => r.index, StringComparer.Ordinal);
        return
        [
            .. gaps
                .OrderBy(g => rank[g.RootCause]).ThenByDescending(g => g.Score).ThenBy(g => g.Title, StringComparer.CurrentCulture)
                .Select(g => new CustomerGapRow(g.Title, g.Source, g.RootCause, g.Score)),
        ];
    }

    private static string DimensionTitle(MaturityModel model, string dimensionId) => model.FindDimension(dimensionId)?.Title ?? dimensionId;
}
