using CxMaturity.Web.Tests.Infrastructure;

namespace CxMaturity.Web.Tests.Features.Roadmap;

/// <summary>Targets set through the roadmap service: checked against the round's scope, the range and the stage already reached.</summary>
public sealed class TargetTests(CxWebApplicationFactory factory) : IClassFixture<CxWebApplicationFactory>
{
    [Fact]
    public async Task Targets_are_validated_against_the_scope_the_range_and_the_stage_already_reached()
    {
        var model = factory.Model;
        var reached = model.Dimensions[0].Id;
        var organisation = await factory.CreateOrganisationWithRoundAsync([reached, model.Dimensions[1].Id]);
        var respondent = await factory.AddRespondentAsync(organisation.Owner.Id, organisation.Round.Id);
        await factory.AnswerAllAsync(organisation.Owner.Id, organisation.Round.Id, respondent.Respondent.Id, _ => 4);
        var outOfScope = model.Dimensions[2].Id;

        var problem = await Assert.ThrowsAsync<ValidationException>(() => factory.Roadmaps.SetTargetsAsync(
            organisation.Owner.Id, organisation.Round.Id,
            new Dictionary<string, int> { [reached] = 3, [model.Dimensions[1].Id] = 6, [outOfScope] = 5, ["nowhere"] = 4 }));
        var targets = (await factory.Roadmaps.SetTargetsAsync(
            organisation.Owner.Id, organisation.Round.Id, new Dictionary<string, int> { [model.Dimensions[1].Id] = 5 })).Targets;

        Assert.Equal(
            new[] { reached, model.Dimensions[1].Id, outOfScope, "nowhere" }.Order(StringComparer.Ordinal),
            problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("not in this round's scope", problem.Errors[outOfScope].Single());
        Assert.Contains("already", problem.Errors[reached].Single());
        var first = targets.Single(t => t.DimensionId == reached);
        var second = targets.Single(t => t.DimensionId == model.Dimensions[1].Id);
        Assert.Equal((null, 4, 5), (first.ExplicitStage, first.CurrentStage, first.EffectiveStage));
        Assert.Equal((5, 4, 5), (second.ExplicitStage, second.CurrentStage, second.EffectiveStage));
    }
}
