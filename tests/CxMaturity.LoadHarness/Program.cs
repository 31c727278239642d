using CxMaturity.LoadHarness.Driver;
using CxMaturity.LoadHarness.Server;

namespace CxMaturity.LoadHarness;

/// <summary>
/// Two roles of one executable. Without <c>--serve</c> this is the driver: it starts itself again with
/// <c>--serve</c> as the server process (the app on Kestrel), then drives Chromium against it. Keeping Playwright
/// out of the server process keeps its objects out of the server's managed heap and its work off the server's
/// thread pool. (Not top-level statements: those would declare a second <c>Program</c> beside the app's.)
/// </summary>
public static class HarnessProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--serve", var environment])
        {
            await ServerRole.RunAsync(environment);
            return 0;
        }

        HarnessOptions options;
        try
        {
            options = HarnessOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        return options.Mode == "api" ? await ApiLoad.RunAsync(options) : await Harness.RunAsync(options);
    }
}
