using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Features.Results;

/// <summary>
/// A round's results and the answers behind them. Final results count Submitted respondents only; a preview also
/// counts those in progress and is for Owner and CX lead only. Contributors and Viewers see final results;
/// Respondents only once the round is closed and the CX lead shares them (RULES.md §1).
/// </summary>
public sealed class ResultsService(IDbContextFactory<AppDbContext> contextFactory, RoundScoring scoring)
{
    /// <summary>The round's figures, with its pinned model and targets.</summary>
    /// <exception cref="NotFoundException">The round is not the caller's.</exception>
    /// <exception cref="ForbiddenException">A preview without the right to it, or a Respondent before the results are shared.</exception>
    public async Task<ResultsView> GetResultsAsync(string userId, int roundId, bool preview = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Everyone);
        if (preview && !access.Role.CanManage())
        {
            throw new ForbiddenException(
                "Only the Owner and CX leads can preview results that include questionnaires still in progress.");
        }

        var facts = await RoundScoring.LoadFactsAsync(db, roundId, cancellationToken);
        if (access.Role == OrganisationRole.Respondent && !(facts.RespondentsSeeResults && facts.Status == RoundStatus.Closed))
        {
            throw new ForbiddenException(
                "Respondents see a round's results only once it is closed, and only when the CX lead shares them.");
        }

        return ResultsView.Of(await scoring.ScoreAsync(db, facts, preview, cancellationToken), access.Role);
    }

    /// <summary>What stands for a group too small to name in an anonymous round's drill-down.</summary>
    public static string WithheldGroup(int minimumGroupSize) => $"a group of fewer than {minimumGroupSize}";

    /// <summary>
    /// Every counted respondent's answers with comments and evidence, for the drill-down behind the results. Owner
    /// and CX lead. Two queries after the access check, whatever the number of respondents. In an anonymous round
    /// respondents are R01, R02 … and small groups are not named.
    /// </summary>
    public async Task<IReadOnlyList<AnswerSheetView>> GetAnswerSheetsAsync(
        string userId,
        int roundId,
        bool preview = false,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OrganisationAccess.RequireForRoundAsync(db, userId, roundId, OrganisationRoles.Managers);
        var respondents = await db.Respondents.AsNoTracking()
            .Where(r => r.RoundId == roundId)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Group, r.Status, r.Round!.Anonymous, r.Round.MinimumGroupSize })
            .ToListAsync(cancellationToken);
        var counted = respondents.Where(r => r.Status.Counts(preview)).ToList();
        var ids = counted.Select(r => r.Id).ToList();
        var answers = (await db.Answers.AsNoTracking()
                .Where(a => ids.Contains(a.RespondentId))
                .Select(a => new { a.RespondentId, a.QuestionId, View = new SavedAnswerView(a.Level, a.Comment, a.Evidence, a.UpdatedUtc) })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.RespondentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, SavedAnswerView>)g.ToDictionary(a => a.QuestionId, a => a.View, StringComparer.Ordinal));
        IReadOnlyDictionary<string, SavedAnswerView> none = new Dictionary<string, SavedAnswerView>();
        if (counted.Count == 0 || !counted[0].Anonymous)
        {
            return [.. counted
                .OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id)
                .Select(r => new AnswerSheetView(r.Id, r.Name, r.Group, r.Status, answers.GetValueOrDefault(r.Id, none)))];
        }

        // An anonymous round (RULES.md §5.14): R01, R02 … in the order people were added, never their names or ids, and
        // a group only when it is large enough that naming it cannot single anyone out.
        var labels = Pseudonyms.Assign(counted.Select(r => r.Id));
        var groupSizes = counted.CountBy(r => r.Group).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
        return [.. counted.Select((r, i) => new AnswerSheetView(
            i + 1,
            labels[r.Id],
            groupSizes[r.Group] >= r.MinimumGroupSize ? r.Group : WithheldGroup(r.MinimumGroupSize),
            r.Status,
            answers.GetValueOrDefault(r.Id, none)))];
    }
}
