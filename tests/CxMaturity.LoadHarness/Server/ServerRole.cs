namespace CxMaturity.LoadHarness.Server;

/// <summary>The server process: hosts the app, says where it listens, and stops when the driver closes its input.</summary>
public static class ServerRole
{
    public const string ListeningPrefix = "HARNESS-LISTENING ";

    public static async Task RunAsync(string environment)
    {
        await using var host = new AppHost(environment);
        var baseUrl = host.BaseUrl;
        await Console.Out.WriteLineAsync(ListeningPrefix + baseUrl);
        await Console.Out.FlushAsync();

        // The driver holds our standard input open for as long as it needs the server; end of input means stop,
        // also when the driver itself died.
        while (await Console.In.ReadLineAsync() is not null)
        {
        }
    }
}
