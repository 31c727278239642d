using System.Globalization;
using CxMaturity.Assessment.Content;
using CxMaturity.Assessment.Roadmap;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Assessment.Workbooks;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Common;
using CxMaturity.Web.Features.CustomerGaps;
using CxMaturity.Web.Features.Kpis;
using CxMaturity.Web.Features.Models;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Results;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Workbooks;

/// <summary>
/// The Excel workbooks: the engagement workbook of a round (this file, its governance sheets in
/// WorkbookService.Governance.cs) and the questionnaire workbook for answering offline, with its import
/// (WorkbookService.Questionnaires.cs). Every method takes the acting user's
/// id first and checks their role in the organisation owning the round; building or reading a workbook waits for a
/// slot of the <see cref="ExportLimiter"/>.
/// </summary>
/// <remarks>
/// The engagement workbook holds final results only (submitted questionnaires), never a preview. Owner, CX lead,
/// Contributor and Viewer may download it; only Owner and CX lead get respondents' names and comments — for the
/// others it is always anonymised (R01, R02…) and carries no comments, as the role matrix keeps individual answers
/// and comments with the Owner and CX leads.
/// </remarks>
public sealed partial class WorkbookService(
    IDbContextFactory<AppDbContext> contextFactory,
    RoadmapLoader roadmaps,
    ModelVersionStore models,
    Microsoft.AspNetCore.Identity.ILookupNormalizer normalizer,
    WorkbookSigningKey signingKey,
    ExportLimiter limiter,
    Raci.RaciService raci,
    TimeProvider time)
{
    private const string NotApplicableStage = "Not applicable";

    /// <summary>
    /// The engagement workbook of a round. Owner, CX lead, Contributor and Viewer; names and comments for Owner and
    /// CX lead only — for everyone else the workbook is anonymised whatever <paramref name="anonymise"/> says.
    /// </summary>
    /// <exception cref="NotFoundException">The round does not exist or belongs to another organisation.</exception>
    /// <exception cref="ForbiddenException">The caller is a Respondent.</exception>
    /// <exception cref="ExportsBusyException">Too many workbooks are being built; try again later.</exception>
    public async Task<WorkbookFile> ExportEngagementAsync(
        string userId,
        int roundId,
        bool anonymise,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Readers);
        var seesNames = access.Role.CanManage();
        anonymise |= !seesNames;

        using (await limiter.EnterAsync(cancellationToken))
        {
            var (data, anonymous) = await EngagementDataAsync(db, roundId, access.Role, includeComments: seesNames, cancellationToken);
            anonymise |= anonymous; // an anonymous round shows nobody's name beside answers, to anyone (RULES.md §5.14)
            var content = await WriteAsync(output => EngagementWorkbookWriter.Write(data, output, anonymise), cancellationToken);
            return new WorkbookFile(WorkbookFileNames.Engagement(data.Organisation, data.RoundName, anonymise), content);
        }
    }

    /// <summary>
    /// What the engagement workbook of a round shows: its final results and roadmap, and the organisation's KPIs,
    /// projects and customer gaps as they stand today. Used by
    /// <see cref="ExportEngagementAsync"/>; the caller's access is already checked on <paramref name="db"/>.
    /// </summary>
    private async Task<(EngagementWorkbookData Data, bool Anonymous)> EngagementDataAsync(
        AppDbContext db,
        int roundId,
        OrganisationRole role,
        bool includeComments,
        CancellationToken cancellationToken)
    {
        // One scoring: the roadmap is generated from the same final results the workbook shows.
        var snapshot = await roadmaps.LoadAsync(db, roundId, role, trackStates: false, cancellationToken);
        var round = snapshot.Scored.Round;
        var roadmap = snapshot.View();
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        // The organisation's governance, a few commands per table however much of it there is.
        var kpis = await KpiLoader.ListAsync(db, round.OrganisationId, today, cancellationToken);
        var projects = await ProjectLoader.ListAsync(db, round.OrganisationId, today, cancellationToken);
        var gaps = await CustomerGapLoader.ListAsync(db, round.OrganisationId, cancellationToken);
        var pareto = CustomerGapLoader.Pareto(gaps);
        var raciMatrix = await RaciMatrixAsync(db, round.OrganisationId, [.. projects.Select(p => (p.Id, p.Title))], cancellationToken);

        var model = snapshot.Scored.Model;
        var result = snapshot.Scored.Result;
        var dimensions = model.Dimensions
            .Where(d => round.DimensionsInScope.Contains(d.Id))
            .OrderBy(d => d.Order)
            .ToList();
        var roadmapDimensions = roadmap.Dimensions.ToDictionary(d => d.DimensionId, StringComparer.Ordinal);

        return (new EngagementWorkbookData
        {
            Organisation = round.OrganisationName,
            RoundName = round.Name,
            ModelId = model.Id,
            ModelVersion = model.Version,
            ModelTitle = model.Title,
            OpensOn = round.OpensOn,
            ClosesOn = round.ClosesOn,
            GeneratedAtUtc = now,
            RespondentsSubmitted = result.RespondentsCounted,
            RespondentsInvited = snapshot.Scored.Respondents.Count,
            OverallScore = result.Overall,
            OverallStage = StageName(model, result.OverallStage),
            FoundationStage = StageName(model, result.FoundationStage),
            StageNames = [.. model.Stages.OrderBy(s => s.Level).Select(s => s.Name)],
            Dimensions =
            [
                .. dimensions.Select(d =>
                {
                    var figures = result.FindDimension(d.Id);
                    var planned = roadmapDimensions.GetValueOrDefault(d.Id);
                    return new DimensionSummaryRow(
                        d.Id, d.Title, figures?.Score, StageName(model, figures?.Stage), StageName(model, planned?.Target), planned?.Gap);
                }),
            ],
            DimensionStatistics = [.. dimensions.SelectMany(d => DimensionStatistics(d, result))],
            Questions =
            [
                .. dimensions.SelectMany(d => d.Questions.Select(q => (Dimension: d, Question: q)))
                    .Select(x => (x.Dimension, x.Question, Figures: result.FindQuestion(x.Question.Id)))
                    .Select(x => new QuestionStatisticsRow(
                        x.Dimension.Title,
                        x.Question.Id,
                        x.Question.Text,
                        x.Figures?.Mean,
                        x.Figures?.LevelCounts ?? [0, 0, 0, 0, 0],
                        x.Figures?.NotApplicableCount ?? 0)),
            ],
            Responses = await ResponsesAsync(db, roundId, model, dimensions, includeComments, cancellationToken),
            Roadmap = RoadmapRows(roadmap, projects),
            Raci = raciMatrix,
            Kpis = KpiRows(model, kpis),
            KpiMeasurements = [.. kpis.SelectMany(k => k.Measurements.Select(m => MeasurementRow(k.Name, m)))],
            Projects = ProjectRows(model, roadmap, projects),
            CustomerGaps = CustomerGapRows(gaps, pareto),
            RootCauses = [.. pareto.Select(p => new RootCauseRow(p.RootCause, p.Problems, p.Score, p.Share, p.CumulativeShare, p.VitalFew))],
        }, round.Settings.Anonymous);
    }

    // The organisation's RACI matrix as the RACI page shows it: a column per role, a row per project and accepted item.
    private async Task<RaciMatrix> RaciMatrixAsync(
        AppDbContext db, int organisationId, IReadOnlyList<(int Id, string Title)> projects, CancellationToken cancellationToken)
    {
        var roles = await Raci.RaciService.RolesAsync(db, organisationId, cancellationToken);
        var letters = (await db.RaciAssignments.AsNoTracking().Where(a => a.OrganisationId == organisationId).ToListAsync(cancellationToken))
            .ToLookup(a => a.RowKey, StringComparer.Ordinal);
        var rows = await raci.RowsAsync(db, organisationId, cancellationToken, projects);
        return new RaciMatrix(
            [.. roles.Select(r => r.Holder is null ? r.Name : $"{r.Name} ({r.Holder})")],
            [.. rows.Select(row => new RaciRow(
                row.Title,
                [.. roles.Select(role => letters[row.Key].FirstOrDefault(a => a.RoleId == role.Id)?.Letter.ToString())]))]);
    }

    private static IEnumerable<DimensionStatisticsRow> DimensionStatistics(Dimension dimension, RoundResult result)
    {
        var all = result.FindDimension(dimension.Id)?.Statistics ?? Statistics.Empty;
        yield return Row("All", all);
        foreach (var group in result.Groups.Where(g => g.DimensionId == dimension.Id))
        {
            // Rule 14: a withheld group says so and shows no figure, not even its size.
            yield return group.Withheld
                ? new(dimension.Title, $"{group.Group} (fewer than {result.MinimumGroupSize} respondents: withheld)", null, null, null, null, null, null)
                : Row(group.Group, group.Statistics);
        }

        DimensionStatisticsRow Row(string group, Statistics s) =>
            new(dimension.Title, group, s.N, s.Mean, s.Median, s.Min, s.Max, s.StandardDeviation);
    }

    // Submitted respondents only: the same ones the final results count.
    private static async Task<List<ResponseRow>> ResponsesAsync(
        AppDbContext db,
        int roundId,
        MaturityModel model,
        IReadOnlyList<Dimension> dimensions,
        bool includeComments,
        CancellationToken cancellationToken)
    {
        // Final results only (RULES.md §5.1): the figures beside these rows count the same respondents.
        var submitted = db.Respondents.Where(r => r.RoundId == roundId && r.Status == RespondentStatus.Submitted);
        var respondents = await submitted.AsNoTracking()
            .OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Group })
            .ToListAsync(cancellationToken);
        var submittedIds = submitted.Select(r => r.Id);
        var answers = await db.Answers.AsNoTracking()
            .Where(a => submittedIds.Contains(a.RespondentId))
            .Select(a => new { a.RespondentId, a.QuestionId, a.Level, a.Comment })
            .ToListAsync(cancellationToken);
        var answersOf = answers
            .GroupBy(a => a.RespondentId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(a => a.QuestionId, StringComparer.Ordinal));

        var rows = new List<ResponseRow>(answers.Count);
        foreach (var respondent in respondents)
        {
            if (!answersOf.TryGetValue(respondent.Id, out var byQuestion))
            {
                continue;
            }

            var id = respondent.Id.ToString(CultureInfo.InvariantCulture);
            foreach (var dimension in dimensions)
            {
                foreach (var question in dimension.Questions)
                {
                    if (byQuestion.TryGetValue(question.Id, out var answer))
                    {
                        rows.Add(new ResponseRow(
                            id,
                            respondent.Name,
                            respondent.Group,
                            dimension.Title,
                            question.Id,
                            question.Text,
                            answer.Level,
                            answer.Level is { } level ? StageName(model, level) : NotApplicableStage,
                            includeComments ? answer.Comment : null));
                    }
                }
            }
        }

        return rows;
    }

    private static List<RoadmapRow> RoadmapRows(RoadmapView roadmap, IReadOnlyList<ProjectDetailView> projects)
    {
        var projectTitles = projects.ToDictionary(p => p.Id, p => p.Title);
        return
        [
            .. roadmap.Items.Select((item, index) => new RoadmapRow(
                index + 1,
                item.Horizon.Label(),
                item.DimensionTitle,
                string.Create(CultureInfo.InvariantCulture, $"{item.From} → {item.To}"),
                item.Title,
                item.Priority,
                item.Impact,
                item.Effort,
                item.Status.DisplayName(),
                item.Owner,
                item.ProjectId is { } projectId ? projectTitles.GetValueOrDefault(projectId) : null,
                item.ParetoShare)),
        ];
    }

    private static string? StageName(MaturityModel model, int? level) =>
        level is { } l ? model.Stages.FirstOrDefault(s => s.Level == l)?.Name : null;

    /// <summary>
    /// Runs a workbook writer (synchronous, CPU-bound) off the caller's thread, so that a page stays responsive,
    /// into a temporary file deleted when the returned stream is disposed: a large workbook waits on disk, not in
    /// memory, while it is sent.
    /// </summary>
    private static async Task<Stream> WriteAsync(Action<Stream> write, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cxmaturity-{Guid.NewGuid():N}.xlsx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.DeleteOnClose);
        try
        {
            await Task.Run(() => write(file), cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
