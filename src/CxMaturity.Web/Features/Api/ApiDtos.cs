using CxMaturity.Assessment.Content;

namespace CxMaturity.Web.Features.Api;

/// <summary>Which model, and which version of it, a round pinned.</summary>
public sealed record ModelRef(string Id, string Version, string Title);

/// <summary>A stage: its level 1..5 and the model's name for it.</summary>
public sealed record StageRefDto(int Level, string Name)
{
    public static StageRefDto? From(MaturityModel model, int? level) =>
        level is { } l ? new StageRefDto(l, model.StageAt(l).Name) : null;
}
