using CxMaturity.Assessment.Roadmap;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Projects;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Roadmap;
using CxMaturity.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxMaturity.Web.Tests.Features.Roadmap;

/// <summary>
/// A round whose roadmap is known by hand. Scope: strategy and voc (weight 1 each) of the shipped model.
/// <list type="bullet">
/// <item>A, Executive, submitted: every strategy question 2, every voc question 3; importance of strategy 5, voc
/// unrated. So S_strategy = 2 (stage 2), I = 5; S_voc = 3 (stage 3), I = 3.</item>
/// <item>B, Frontline, in progress: every question 5. Not submitted, so it counts nowhere.</item>
/// </list>
/// Default targets 3 and 4, gaps 1 and 1, every item short term. Priority = W × (I ÷ 3) × G × impact ÷ effort:
/// strategy 2→3: cx-goals-for-every-executive (4/2) 10/3, cx-strategy-with-goals (5/3) 25/9;
/// voc 3→4: automated-detractor-alerts (4/3) 4/3, feedback-linked-to-records (3/3) 1, text-analytics (3/4) 3/4.
/// Total 331/36; cumulative shares 120/331, 220/331, 268/331 (≥ 80 %: the vital few are the first three),
/// 304/331, 1.
/// </summary>
internal sealed record RoadmapRound(TestOrganisation Organisation, int RespondentId)
{
    public const string GoalsForExecutives = "strategy-cx-goals-for-every-executive";
    public const string StrategyWithGoals = "strategy-cx-strategy-with-goals";
    public const string DetractorAlerts = "voc-automated-detractor-alerts";
    public const string FeedbackLinked = "voc-feedback-linked-to-records";
    public const string TextAnalytics = "voc-text-analytics";
    public const string Scorecard = "strategy-cx-performance-scorecard";
    public const string PortfolioView = "strategy-cx-portfolio-view";

    public static readonly string[] Scope = ["strategy", "voc"];

    public static readonly string[] Order = [GoalsForExecutives, StrategyWithGoals, DetractorAlerts, FeedbackLinked, TextAnalytics];

    public static readonly double[] Priorities = [10.0 / 3, 25.0 / 9, 4.0 / 3, 1.0, 0.75];

    public static readonly double[] Shares = [120.0 / 331, 220.0 / 331, 268.0 / 331, 304.0 / 331, 1.0];

    public TestUser Owner => Organisation.Owner;

    public int RoundId => Organisation.Round.Id;

    public int OrganisationId => Organisation.OrganisationId;

    public static async Task<RoadmapRound> CreateAsync(CxWebApplicationFactory factory)
    {
        var organisation = await factory.CreateOrganisationWithRoundAsync(Scope);
        var owner = organisation.Owner.Id;
        var roundId = organisation.Round.Id;
        var questions = factory.Model.Dimensions.Where(d => Scope.Contains(d.Id)).SelectMany(d => d.Questions).ToList();

        var a = await factory.AddRespondentAsync(owner, roundId, "Executive");
        await factory.Questionnaires.SaveAsync(RespondentRef.Member(owner, roundId, a.Respondent.Id), new SaveAnswersRequest(
            [.. questions.Select(q => new AnswerInput(q.Id, q.DimensionId == "strategy" ? 2 : 3))],
            Submit: true,
            Importance: new Dictionary<string, int?> { ["strategy"] = 5 }));

        var b = await factory.AddRespondentAsync(owner, roundId, "Frontline");
        await factory.AnswerAllAsync(owner, roundId, b.Respondent.Id, _ => 5, submit: false);
        return new RoadmapRound(organisation, a.Respondent.Id);
    }
}

internal static class RoadmapFactoryExtensions
{
    /// <summary>An edit that keeps everything of the item but what the caller changes.</summary>
    public static RoadmapItemUpdate Edit(
        this RoadmapItemView item,
        RoadmapItemStatus? status = null,
        Horizon? horizon = null,
        string? owner = null,
        string? notes = null) =>
        new(status ?? item.Status, horizon ?? item.Horizon, owner ?? item.Owner, notes ?? item.Notes, item.Version);

    public static RoadmapItemView Item(this RoadmapView roadmap, string initiativeId) =>
        roadmap.FindItem(initiativeId) ?? throw new Xunit.Sdk.XunitException($"The roadmap has no item {initiativeId}.");

    public static Task<List<RoundTarget>> TargetsAsync(this CxWebApplicationFactory factory, int roundId) =>
        factory.WithDbAsync(db => db.RoundTargets.AsNoTracking().Where(t => t.RoundId == roundId).OrderBy(t => t.DimensionId).ToListAsync());
}
