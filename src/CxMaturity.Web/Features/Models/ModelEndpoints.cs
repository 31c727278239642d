using CxMaturity.Assessment.Content;

namespace CxMaturity.Web.Features.Models;

/// <summary><c>/api/v1/models</c>: the maturity models this installation offers. Models are not organisation data.</summary>
public static class ModelEndpoints
{
    public static RouteGroupBuilder MapModelEndpoints(this RouteGroupBuilder api)
    {
        var models = api.MapGroup("/models").WithTags("Models");

        models.MapGet("/", (ModelCatalog catalog) =>
                TypedResults.Ok(catalog.Models.Select(ModelSummaryDto.From).ToList()))
            .WithName("ListModels")
            .WithSummary("The models offered, each at its latest version.");

        models.MapGet("/{id}", (string id, ModelCatalog catalog) => TypedResults.Ok(ModelDto.From(catalog.Get(id))))
            .WithName("GetModel")
            .WithSummary("One model with its stages, journey stages, dimensions, questions and the statement of every level.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}

public sealed record ModelSummaryDto(string Id, string Version, string Title, int Dimensions, int Questions)
{
    public static ModelSummaryDto From(MaturityModel model) =>
        new(model.Id, model.Version, model.Title, model.Dimensions.Count, model.AllQuestions.Count());
}

public sealed record ModelDto(
    string Id,
    string Version,
    string Title,
    string IntroductionMarkdown,
    IReadOnlyList<StageDto> Stages,
    IReadOnlyList<string> JourneyStages,
    IReadOnlyList<DimensionDto> Dimensions)
{
    public static ModelDto From(MaturityModel model) => new(
        model.Id,
        model.Version,
        model.Title,
        model.IntroductionMarkdown,
        [.. model.Stages.OrderBy(s => s.Level).Select(s => new StageDto(s.Level, s.Name, s.Summary))],
        model.JourneyStages,
        [.. model.Dimensions.OrderBy(d => d.Order).Select(d => new DimensionDto(
            d.Id,
            d.Order,
            d.Title,
            d.Weight,
            d.GuidanceMarkdown,
            [.. d.Questions.Select(q => new QuestionDto(
                q.Id,
                q.Text,
                q.Help,
                q.Weight,
                q.JourneyStages,
                [.. q.Options.Select((text, i) => new OptionDto(i + 1, text))]))]))]);
}

public sealed record StageDto(int Level, string Name, string Summary);

public sealed record DimensionDto(
    string Id,
    int Order,
    string Title,
    double Weight,
    string GuidanceMarkdown,
    IReadOnlyList<QuestionDto> Questions);

/// <summary>A question; NotApplicable is always accepted besides the five <paramref name="Options"/>.</summary>
public sealed record QuestionDto(
    string Id,
    string Text,
    string? Help,
    double Weight,
    IReadOnlyList<string> JourneyStages,
    IReadOnlyList<OptionDto> Options);

public sealed record OptionDto(int Level, string Statement);
