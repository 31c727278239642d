using System.Text.Json;
using CxMaturity.Assessment.Content;

namespace CxMaturity.Assessment.Tests.Content;

public sealed class ModelSnapshotTests
{
    [Fact]
    public void A_snapshot_round_trips_to_the_same_model()
    {
        var model = LoadTestModel();

        var json = ModelSnapshot.Serialize(model);
        var copy = ModelSnapshot.Deserialize(json);

        Assert.Equal(json, ModelSnapshot.Serialize(copy));
        Assert.Equal((model.Id, model.Version, model.Title, model.IntroductionMarkdown), (copy.Id, copy.Version, copy.Title, copy.IntroductionMarkdown));
        Assert.Equal(model.Stages, copy.Stages);
        Assert.Equal(model.JourneyStages, copy.JourneyStages);
        Assert.Equal(model.Dimensions.Select(d => (d.Id, d.Order, d.Title, d.Weight, d.GuidanceMarkdown)), copy.Dimensions.Select(d => (d.Id, d.Order, d.Title, d.Weight, d.GuidanceMarkdown)));
        Assert.Equal(model.AllQuestions.Select(q => (q.Id, q.DimensionId, q.Text, q.Help, q.Weight)), copy.AllQuestions.Select(q => (q.Id, q.DimensionId, q.Text, q.Help, q.Weight)));
        Assert.Equal(model.AllQuestions.SelectMany(q => q.Options.Concat(q.JourneyStages)), copy.AllQuestions.SelectMany(q => q.Options.Concat(q.JourneyStages)));
        Assert.Equal(
            model.Initiatives.Select(i => (i.Id, i.DimensionId, i.From, i.To, i.Title, i.Impact, i.Effort, string.Join("|", i.Kpis), i.OwnerRole, i.DescriptionMarkdown)),
            copy.Initiatives.Select(i => (i.Id, i.DimensionId, i.From, i.To, i.Title, i.Impact, i.Effort, string.Join("|", i.Kpis), i.OwnerRole, i.DescriptionMarkdown)));
    }

    [Fact]
    public void A_snapshot_holds_data_only_not_computed_members()
    {
        var json = ModelSnapshot.Serialize(LoadTestModel());

        using var document = JsonDocument.Parse(json);
        Assert.Equal(
            ["id", "version", "title", "introductionMarkdown", "stages", "journeyStages", "dimensions", "initiatives"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_content_hash_is_the_same_for_the_same_content()
    {
        var first = ModelSnapshot.ContentHash(LoadTestModel());
        var second = ModelSnapshot.ContentHash(LoadTestModel());

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Fact]
    public void The_content_hash_changes_when_an_option_changes_under_the_same_version()
    {
        var model = LoadTestModel();
        var voc = model.Dimensions[1];
        var listening = voc.Questions[0];
        var edited = model with
        {
            Dimensions = [model.Dimensions[0], voc with { Questions = [listening with { Options = [.. listening.Options.Take(4), "Loops closed."] }] }],
        };

        Assert.NotEqual(ModelSnapshot.ContentHash(model), ModelSnapshot.ContentHash(edited));
    }

    [Fact]
    public void A_snapshot_missing_a_member_is_rejected()
    {
        Assert.ThrowsAny<JsonException>(() => ModelSnapshot.Deserialize("""{"id":"x","version":"1"}"""));
    }

    private static MaturityModel LoadTestModel()
    {
        using var content = TestContent.Valid();
        return Assert.Single(content.Load().Models);
    }
}
