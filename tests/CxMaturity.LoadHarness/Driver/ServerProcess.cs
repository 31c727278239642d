using System.Diagnostics;
using System.Runtime.CompilerServices;
using CxMaturity.LoadHarness.Server;

namespace CxMaturity.LoadHarness.Driver;

/// <summary>
/// This executable started again with <c>--serve</c>: the app in a process of its own, optionally pinned to some
/// cores with <c>taskset</c>, so that its heap and CPU time are its own and not the browsers' or Playwright's.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    public static async Task<ServerProcess> StartAsync(HarnessOptions options)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The harness cannot find its own executable.");
        var arguments = new List<string>();
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            arguments.Add(typeof(ServerProcess).Assembly.Location);
        }

        arguments.AddRange(["--serve", options.Environment]);
        var start = options.ServerCpus is { } cpus
            ? new ProcessStartInfo("taskset", ["-c", cpus, self, .. arguments])
            : new ProcessStartInfo(self, arguments);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = WebProjectDirectory();

        // WebApplicationFactory looks for the content root next to a solution file; a console run has to say it.
        start.Environment["ASPNETCORE_TEST_CONTENTROOT_CXMATURITY_WEB"] = WebProjectDirectory();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(ServerRole.ListeningPrefix, StringComparison.Ordinal))
            {
                var server = new ServerProcess(process, line[ServerRole.ListeningPrefix.Length..].Trim());
                _ = DrainAsync(process);
                return server;
            }

            Console.WriteLine("server: " + line);
        }

        throw new InvalidOperationException($"The server process ended (exit code {process.ExitCode}) before it listened.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    // The server's own log lines (warnings and worse), passed through so that a failure there is seen.
    private static async Task DrainAsync(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            Console.WriteLine("server: " + line);
        }
    }

    private static string WebProjectDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "src", "CxMaturity.Web"));
}
