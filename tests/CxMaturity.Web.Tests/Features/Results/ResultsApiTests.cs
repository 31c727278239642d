using System.Net;
using System.Text.Json;
using CxMaturity.Assessment.Scoring;
using CxMaturity.Web.Data;
using CxMaturity.Web.Features.Api;
using CxMaturity.Web.Features.Questionnaires;
using CxMaturity.Web.Features.Respondents;
using CxMaturity.Web.Features.Results;
using CxMaturity.Web.Features.Rounds;
using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Results;

/// <summary>
/// GET /api/v1/assessments/{id}/results against figures worked out by hand. The round covers two dimensions:
/// strategy (six questions, strategy.vision weighing 1.5, the others 1: Σw = 6.5) and voc (voc.collection weighing
/// 1.5, the others 1).
/// <list type="bullet">
/// <item>A, Executive, submitted: every strategy question 4, every voc question 3; importance of strategy 5.</item>
/// <item>B, Frontline, submitted: strategy.vision 1, the other strategy questions 2 → (1.5 + 10) / 6.5 = 23/13;
/// voc.collection 1, the other voc questions Not applicable → 1; importance of strategy 4.</item>
/// <item>C, Executive, in progress: every strategy question 5, nothing on voc.</item>
/// <item>D, Management, invited: nothing.</item>
/// </list>
/// </summary>
public sealed class ResultsApiTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    private const int Precision = 12;
    private static readonly string[] Scope = ["strategy", "voc"];

    [Fact]
    public async Task Final_results_count_only_submitted_respondents_and_carry_every_figure_of_section_5()
    {
        var round = await ArrangeAsync();

        var results = await (await round.Owner.GetAsync($"/api/v1/assessments/{round.Id}/results")).ReadAsync<ResultsDto>();

        Assert.False(results.IsPreview);
        Assert.False(results.IsFinal); // the round is still open
        Assert.Equal(2, results.RespondentsCounted);
        Assert.Equal(4, results.RespondentsTotal);

        // Strategy: scores 4 and 23/13.
        var strategy = Assert.Single(results.Dimensions, d => d.DimensionId == "strategy");
        var b = 23.0 / 13;
        Assert.Equal((4 + b) / 2, strategy.Score!.Value, Precision); // 2.8846…
        Assert.Equal(new StageRefDto(3, "Definition"), strategy.Stage);
        Assert.Equal(2, strategy.N);
        Assert.Equal((4 + b) / 2, strategy.Median!.Value, Precision);
        Assert.Equal(b, strategy.Min!.Value, Precision);
        Assert.Equal(4, strategy.Max!.Value, Precision);
        Assert.Equal((4 - b) / 2, strategy.StandardDeviation!.Value, Precision); // 1.115… ≥ 1.0
        Assert.True(strategy.LowConsensus);
        Assert.Equal(4.5, strategy.Importance, Precision);
        Assert.Equal(new StageRefDto(4, "Managed"), strategy.Target);
        Assert.True(strategy.TargetIsExplicit);
        Assert.Equal("CX strategy and leadership", strategy.Title);

        // Voc: scores 3 and 1; a standard deviation of exactly 1.0 is low consensus; nobody rated it, so importance 3.
        var voc = Assert.Single(results.Dimensions, d => d.DimensionId == "voc");
        Assert.Equal(2.0, voc.Score!.Value, Precision);
        Assert.Equal(new StageRefDto(2, "Development"), voc.Stage);
        Assert.Equal(1.0, voc.StandardDeviation!.Value, Precision);
        Assert.True(voc.LowConsensus);
        Assert.Equal(3.0, voc.Importance, Precision);
        Assert.Equal(new StageRefDto(3, "Definition"), voc.Target); // default: one stage above 2
        Assert.False(voc.TargetIsExplicit);

        Assert.Equal(["strategy", "voc"], results.Dimensions.Select(d => d.DimensionId));
        Assert.Equal((((4 + b) / 2) + 2.0) / 2, results.Overall!.Value, Precision); // 2.4423…
        Assert.Equal(new StageRefDto(2, "Development"), results.OverallStage);
        Assert.Equal(new StageRefDto(2, "Development"), results.FoundationStage);

        // Groups: only the submitted Executive (A) and Frontline (B), one respondent each: fewer than the minimum group
        // size of 3, so both are withheld with no figure, and so is every perception gap (rule 14).
        Assert.Equal(["Executive", "Frontline"], results.Groups.Select(g => g.Group).Distinct());
        Assert.All(results.Groups, g => Assert.Equal((true, null, null, null), (g.Withheld, g.Score, g.N, g.Stage)));
        Assert.All(results.PerceptionGaps, g => Assert.Equal((true, null, false), (g.Withheld, g.Gap, g.Flagged)));

        var vision = Assert.Single(results.Questions, q => q.QuestionId == "strategy.vision");
        Assert.Equal((2, 2.5), (vision.N, vision.Mean!.Value));
        Assert.Equal([1, 0, 0, 1, 0], vision.LevelCounts);
        Assert.Equal(0, vision.NotApplicable);
        var innerLoop = Assert.Single(results.Questions, q => q.QuestionId == "voc.inner-loop");
        Assert.Equal((1, 3.0), (innerLoop.N, innerLoop.Mean!.Value));
        Assert.Equal([0, 0, 1, 0, 0], innerLoop.LevelCounts);
        Assert.Equal(1, innerLoop.NotApplicable);
        Assert.Equal(12, results.Questions.Count);

        // Completion of every respondent, whatever their status: 12/12, 12/12, 6/12, 0/12.
        Assert.Equal(
            [(round.A, 1.0), (round.B, 1.0), (round.C, 0.5), (round.D, 0.0)],
            results.Completion.Respondents.OrderBy(c => c.RespondentId).Select(c => (c.RespondentId, c.Ratio)));
        Assert.Equal(0.625, results.Completion.Mean, Precision);
    }

    [Fact]
    public async Task A_preview_for_the_owner_also_counts_respondents_in_progress_and_says_so()
    {
        var round = await ArrangeAsync();

        var preview = await (await round.Owner.GetAsync($"/api/v1/assessments/{round.Id}/results?preview=true")).ReadAsync<ResultsDto>();

        Assert.True(preview.IsPreview);
        Assert.False(preview.IsFinal);
        Assert.Equal(3, preview.RespondentsCounted);
        var strategy = Assert.Single(preview.Dimensions, d => d.DimensionId == "strategy");
        Assert.Equal(3, strategy.N);
        Assert.Equal((4 + (23.0 / 13) + 5) / 3, strategy.Score!.Value, Precision);
        var executive = Assert.Single(preview.Groups, g => g.Group == "Executive" && g.DimensionId == "strategy");
        Assert.True(executive.Withheld); // A and C: two, still fewer than three
        Assert.Equal(2, Assert.Single(preview.Dimensions, d => d.DimensionId == "voc").N); // C answered no voc question
    }

    [Fact]
    public async Task Results_of_a_closed_round_without_a_preview_are_final()
    {
        var round = await ArrangeAsync();
        await factory.Rounds.CloseRoundAsync(round.OwnerId, round.Id);

        var results = await (await round.Owner.GetAsync($"/api/v1/assessments/{round.Id}/results")).ReadAsync<ResultsDto>();

        Assert.True(results.IsFinal);
        Assert.False(results.IsPreview);
        Assert.Equal(RoundStatus.Closed, results.Status);
    }

    [Fact]
    public async Task Results_are_written_in_camel_case_with_enums_as_names_and_full_precision()
    {
        var round = await ArrangeAsync();

        using var document = JsonDocument.Parse(
            await (await round.Owner.GetAsync($"/api/v1/assessments/{round.Id}/results")).Content.ReadAsStringAsync());

        var root = document.RootElement;
        Assert.Equal("Open", root.GetProperty("status").GetString());
        Assert.Equal("Development", root.GetProperty("overallStage").GetProperty("name").GetString());
        var strategy = root.GetProperty("dimensions")[0];
        Assert.Equal("strategy", strategy.GetProperty("dimensionId").GetString());
        Assert.Equal((4 + (23.0 / 13)) / 2, strategy.GetProperty("score").GetDouble()); // not rounded to one decimal
        Assert.True(strategy.GetProperty("lowConsensus").GetBoolean());
        Assert.True(strategy.TryGetProperty("standardDeviation", out _));
        var withheld = root.GetProperty("groups")[0];
        Assert.Equal(["group", "dimensionId", "withheld"], withheld.EnumerateObject().Select(p => p.Name));
        Assert.True(withheld.GetProperty("withheld").GetBoolean());
        Assert.True(root.GetProperty("perceptionGaps")[0].GetProperty("withheld").GetBoolean());
    }

    [Fact]
    public async Task Groups_of_at_least_three_show_their_figures_and_the_perception_gap()
    {
        // Strategy only. Executives answer every question 4, 4 and 5: scores 4, 4, 5, mean 13/3, population SD
        // √(2/9); Frontline 2, 2 and 3: mean 7/3. Gap 13/3 − 7/3 = 2.0, flagged.
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var round = await factory.CreateRoundAsync(owner.Id, organisationId, dimensionsInScope: ["strategy"]);
        foreach (var (group, level) in new[] { ("Executive", 4), ("Executive", 4), ("Executive", 5), ("Frontline", 2), ("Frontline", 2), ("Frontline", 3) })
        {
            var respondent = await factory.AddRespondentAsync(owner.Id, round.Id, group);
            await factory.AnswerAllAsync(owner.Id, round.Id, respondent.Respondent.Id, _ => level);
        }

        using var client = await factory.CreateApiClientAsync(owner.Id);
        var results = await (await client.GetAsync($"/api/v1/assessments/{round.Id}/results")).ReadAsync<ResultsDto>();

        var executive = Assert.Single(results.Groups, g => g.Group == "Executive");
        Assert.False(executive.Withheld);
        Assert.Equal(3, executive.N);
        Assert.Equal(13.0 / 3, executive.Score!.Value, Precision);
        Assert.Equal(Math.Sqrt(2.0 / 9), executive.StandardDeviation!.Value, Precision);
        Assert.Equal(new StageRefDto(4, "Managed"), executive.Stage);
        Assert.Equal(7.0 / 3, Assert.Single(results.Groups, g => g.Group == "Frontline").Score!.Value, Precision);
        var gap = Assert.Single(results.PerceptionGaps);
        Assert.Equal((false, true), (gap.Withheld, gap.Flagged));
        Assert.Equal(2.0, gap.Gap!.Value, Precision);
    }

    [Fact]
    public async Task A_round_without_submitted_answers_has_results_with_no_scores()
    {
        var owner = await factory.CreateUserAsync();
        var organisationId = await factory.CreateOrganisationAsync(owner.Id);
        var round = await factory.CreateRoundAsync(owner.Id, organisationId, dimensionsInScope: Scope);
        using var client = await factory.CreateApiClientAsync(owner.Id);

        var results = await (await client.GetAsync($"/api/v1/assessments/{round.Id}/results")).ReadAsync<ResultsDto>();

        Assert.Equal(0, results.RespondentsCounted);
        Assert.Null(results.Overall);
        Assert.Null(results.OverallStage);
        Assert.Null(results.FoundationStage);
        Assert.All(results.Dimensions, d => Assert.Equal((0, (double?)null, (StageRefDto?)null), (d.N, d.Score, d.Stage)));
    }

    private async Task<ArrangedRound> ArrangeAsync()
    {
        var ownerUser = await factory.CreateUserAsync();
        var owner = await factory.CreateApiClientAsync(ownerUser.Id);
        var organisation = await (await owner.PostJsonAsync("/api/v1/organisations", new { name = "Results Ltd" }))
            .ReadAsync<CxMaturity.Web.Features.Organisations.OrganisationSummaryDto>(HttpStatusCode.Created);
        var round = await (await owner.PostJsonAsync(
                $"/api/v1/organisations/{organisation.Id}/assessments",
                new { modelId = CxWebApplicationFactory.ModelId, name = "Baseline", dimensionsInScope = Scope }))
            .ReadAsync<RoundView>(HttpStatusCode.Created);

        async Task<int> AddAsync(string name, string group) =>
            (await (await owner.PostJsonAsync($"/api/v1/assessments/{round.Id}/respondents", new AddRespondentDto(name, $"{name}-{Guid.NewGuid():N}@test.local", group)))
                .ReadAsync<RespondentCreatedDto>(HttpStatusCode.Created)).Respondent.Id;

        var a = await AddAsync("a", "Executive");
        var b = await AddAsync("b", "Frontline");
        var c = await AddAsync("c", "Executive");
        var d = await AddAsync("d", "Management");

        var strategy = factory.Model.FindDimension("strategy")!.Questions;
        var voc = factory.Model.FindDimension("voc")!.Questions;
        Assert.Equal("strategy.vision", strategy[0].Id);
        Assert.Equal("voc.collection", voc[0].Id);

        await Save(a, [.. strategy.Select(q => new AnswerDto(q.Id, 4)), .. voc.Select(q => new AnswerDto(q.Id, 3))], true, new() { ["strategy"] = 5 });
        await Save(b, [.. strategy.Select(q => new AnswerDto(q.Id, q.Id == "strategy.vision" ? 1 : 2)), .. voc.Select(q => new AnswerDto(q.Id, q.Id == "voc.collection" ? 1 : null))], true, new() { ["strategy"] = 4 });
        await Save(c, [.. strategy.Select(q => new AnswerDto(q.Id, 5))], false, null);

        var targets = await owner.PutTargetsAsync($"/api/v1/assessments/{round.Id}/targets", new Dictionary<string, int> { ["strategy"] = 4 });
        Assert.Equal(HttpStatusCode.OK, targets.StatusCode);
        return new ArrangedRound(ownerUser.Id, owner, round.Id, a, b, c, d);

        async Task Save(int respondentId, AnswerDto[] answers, bool submit, Dictionary<string, int>? importance)
        {
            var progress = await (await owner.PutAnswersAsync(round.Id, respondentId, answers, submit, importance))
                .ReadAsync<RespondentProgressView>();
            Assert.Equal(submit ? RespondentStatus.Submitted : RespondentStatus.InProgress, progress.Status);
        }
    }

    private sealed record ArrangedRound(string OwnerId, HttpClient Owner, int Id, int A, int B, int C, int D);
}
