using CxMaturity.Assessment.Content;

namespace CxMaturity.Web.Features.Models;

/// <summary>Loads the content before the app serves anything, so that invalid content stops the start with every problem listed.</summary>
internal sealed partial class ContentStartupCheck(IServiceProvider services, ILogger<ContentStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var catalog = services.GetRequiredService<ModelCatalog>();
            foreach (var model in catalog.Models)
            {
                LogLoaded(model.Id, model.Version, model.Dimensions.Count, model.AllQuestions.Count());
            }
        }
        catch (ContentException exception)
        {
            LogInvalid(exception.Message);
            throw;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded model {ModelId} {Version}: {Dimensions} dimensions, {Questions} questions")]
    private partial void LogLoaded(string modelId, string version, int dimensions, int questions);

    [LoggerMessage(Level = LogLevel.Critical, Message = "CxMaturity cannot start: {Problems}")]
    private partial void LogInvalid(string problems);
}
