using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Models;

internal sealed class ContentOptionsValidator : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options) =>
        Directory.Exists(options.Directory)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"The content folder '{options.Directory}' does not exist. Set Content:Directory to the folder that "
                + "holds models/<model-id>/model.md (the repository's content/ folder).");
}
