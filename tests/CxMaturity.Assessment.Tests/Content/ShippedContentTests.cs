using System.Runtime.CompilerServices;
using CxMaturity.Assessment.Content;

namespace CxMaturity.Assessment.Tests.Content;

/// <summary>Loads the content/ folder the product ships, so broken content fails the build.</summary>
public sealed class ShippedContentTests
{
    private static readonly Lazy<ContentLoadResult> Shipped = new(() => ContentLoader.LoadModels(Path.Combine(RepositoryRoot(), "content")));

    [Fact]
    public void The_shipped_content_is_valid()
    {
        var result = Shipped.Value;

        Assert.True(result.IsValid, "The shipped content has problems:" + Environment.NewLine + string.Join(Environment.NewLine, result.Problems));
    }

    [Fact]
    public void The_shipped_model_has_at_least_eight_dimensions_of_at_least_six_questions()
    {
        var model = ShippedModel();

        Assert.True(model.Dimensions.Count >= 8, $"The model has {model.Dimensions.Count} dimensions.");
        Assert.All(model.Dimensions, d => Assert.True(d.Questions.Count >= 6, $"Dimension '{d.Id}' has {d.Questions.Count} questions."));
    }

    [Fact]
    public void The_shipped_model_uses_gartner_s_five_stages_and_the_seven_journey_stages()
    {
        var model = ShippedModel();

        Assert.Equal(["Initial", "Development", "Definition", "Managed", "Optimized"], model.Stages.Select(s => s.Name));
        Assert.Equal(["Awareness", "Discovery", "Interest", "Consideration", "Action", "Use", "Advocacy"], model.JourneyStages);
    }

    [Fact]
    public void Every_shipped_dimension_describes_each_of_the_five_stages_in_its_own_words()
    {
        var model = ShippedModel();

        Assert.All(model.Dimensions, d =>
        {
            Assert.Equal(5, d.StageDescriptions?.Count);
            Assert.All(d.StageDescriptions!, text => Assert.InRange(text.Length, 40, 400));
            Assert.Equal(5, d.StageDescriptions!.Distinct(StringComparer.Ordinal).Count());
            Assert.All(d.StageDescriptions!, text => Assert.DoesNotContain(text, model.Stages.Select(s => s.Summary)));
        });
        var all = model.Dimensions.SelectMany(d => d.StageDescriptions!).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_shipped_dimension_has_an_initiative_for_every_transition()
    {
        var model = ShippedModel();

        var missing =
            from dimension in model.Dimensions
            from stage in Enumerable.Range(1, 4)
            where !model.Initiatives.Any(i => i.DimensionId == dimension.Id && i.From == stage)
            select $"{dimension.Id} {stage}→{stage + 1}";
        Assert.Empty(missing);
    }

    private static MaturityModel ShippedModel()
    {
        var result = Shipped.Value;
        Assert.True(result.IsValid, "The shipped content has problems:" + Environment.NewLine + string.Join(Environment.NewLine, result.Problems));
        return Assert.Single(result.Models, m => m.Id == "cx-maturity");
    }

    // Build outputs may live outside the repository (CX_ARTIFACTS), so the source file's own path is the fallback.
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile)! })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CxMaturity.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No folder holding CxMaturity.sln above '{AppContext.BaseDirectory}' or '{sourceFile}'.");
    }
}
