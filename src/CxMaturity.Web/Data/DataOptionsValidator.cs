using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Data;

internal sealed class DataOptionsValidator : IValidateOptions<DataOptions>
{
    public ValidateOptionsResult Validate(string? name, DataOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            return ValidateOptionsResult.Fail(
                "Data:Directory is empty. Set it to the folder where CxMaturity may keep its database.");
        }

        try
        {
            Directory.CreateDirectory(options.Directory);
            return ValidateOptionsResult.Success;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return ValidateOptionsResult.Fail(
                $"Data:Directory '{options.Directory}' cannot be created or used: {exception.Message} "
                + "Set Data:Directory to a folder CxMaturity may write to.");
        }
    }
}
