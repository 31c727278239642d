using Microsoft.Extensions.Options;

namespace CxMaturity.Web.Features.Common;

/// <summary>
/// Outside Development the app refuses to start unless it knows its own address: <c>App:PublicUrl</c> set (every
/// link it sends is built from it) and <c>AllowedHosts</c> naming its host names rather than <c>*</c> (so a request
/// for another host name is refused before anything reads it). Each problem is a sentence saying what to set.
/// </summary>
internal sealed class HostingSettingsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<AppOptions>
{
    public ValidateOptionsResult Validate(string? name, AppOptions options)
    {
        if (environment.IsDevelopment())
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        var publicUrl = PublicLinks.BaseUriOf(options.PublicUrl);
        if (publicUrl is null)
        {
            problems.Add(string.IsNullOrWhiteSpace(options.PublicUrl)
                ? "App:PublicUrl is not set: set it to the address people open CxMaturity at, e.g. https://cx.example.com/ (links in emails are built from it, never from a request's Host header)."
                : $"App:PublicUrl '{options.PublicUrl}' is not an absolute http or https address: set it to the address people open CxMaturity at, e.g. https://cx.example.com/.");
        }

        var hosts = configuration["AllowedHosts"];
        if (string.IsNullOrWhiteSpace(hosts) || hosts.Split(';').Any(host => host.Trim() == "*"))
        {
            var example = publicUrl?.Host ?? "cx.example.com";
            problems.Add(
                $"AllowedHosts is {(string.IsNullOrWhiteSpace(hosts) ? "not set" : $"'{hosts}'")}, which accepts requests for any host name: " +
                $"set it to the host names CxMaturity is reached at, separated by ';', e.g. \"{example}\".");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
