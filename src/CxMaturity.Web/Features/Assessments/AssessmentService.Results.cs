using CxMaturity.Assessment.Roadmap;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using CxMaturity.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Assessments;

public sealed partial class AssessmentService
{
    /// <summary>
    /// A round's results (RULES.md §5) with its pinned model and targets. Final results count Submitted respondents only;
    /// a <paramref name="preview"/> also counts those in progress and is for Owner and CX lead only. Contributors and
    /// Viewers see final results; Respondents only once the round is closed and the CX lead shares results.
    /// </summary>
    public async Task<ResultsView> GetResultsAsync(
        string userId,
        int roundId,
        bool preview = false,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Everyone);
        var round = await db.Rounds.AsNoTracking()
            .Where(r => r.Id == roundId)
            .Select(r => new
            {
                r.Name,
                r.Status,
                r.OrganisationId,
                OrganisationName = r.Organisation!.Name,
                r.ModelVersionId,
                r.DimensionsInScope,
                r.RespondentsSeeResults,
                Targets = r.Targets.Select(t => new { t.DimensionId, t.Stage }).ToList(),
            })
            .SingleAsync(cancellationToken);

        if (preview && !access.Role.CanManage())
        {
            throw new ForbiddenException(
                "Only the Owner and CX leads can preview results that include questionnaires still in progress.");
        }

        if (access.Role == OrganisationRole.Respondent && !(round.RespondentsSeeResults && round.Status == RoundStatus.Closed))
        {
            throw new ForbiddenException(
                "Respondents see a round's results only once it is closed, and only when the CX lead shares them.");
        }

        var model = await models.LoadAsync(round.ModelVersionId, cancellationToken);
        var respondents = await LoadScoringInputAsync(db, roundId, cancellationToken);
        var result = RoundScorer.Score(model, round.DimensionsInScope, respondents, new ScoringOptions(IncludeInProgress: preview));

        var explicitTargets = round.Targets.ToDictionary(t => t.DimensionId, t => t.Stage, StringComparer.Ordinal);
        var effectiveTargets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var dimension in result.Dimensions)
        {
            var chosen = explicitTargets.TryGetValue(dimension.DimensionId, out var target) ? target : (int?)null;
            if (Targets.Effective(chosen, dimension.Score) is { } effective)
            {
                effectiveTargets[dimension.DimensionId] = effective;
            }
        }

        return new ResultsView(
            roundId, round.Name, round.Status, round.OrganisationId, round.OrganisationName, model,
            round.DimensionsInScope, result, explicitTargets, effectiveTargets, respondents.Count);
    }
}
