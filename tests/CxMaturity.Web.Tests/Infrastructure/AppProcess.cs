using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CxMaturity.Web.Tests.Infrastructure;

/// <summary>
/// The built app as a process of its own — <c>dotnet CxMaturity.Web.dll</c>, the same build the tests run against —
/// in Development on a free port of 127.0.0.1 over a given data folder, without Hangfire's server or the demo data.
/// <see cref="Kill"/> ends it with SIGKILL, as a crash, the OOM killer or a pulled plug would end the process: no
/// shutdown code runs.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private const int KeptLines = 100;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>The process's last lines of output, for a failure message.</summary>
    public string Output => string.Join("\n", _output);

    /// <summary>
    /// Starts the app and waits until <paramref name="readyPath"/> answers 200 to <paramref name="token"/>: the
    /// database is open and migrated and the token checked against it.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string dataDirectory, string readyPath, string token, TimeSpan timeout)
    {
        var port = FreePort();
        var address = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            // The web project is the content root: appsettings*.json and the model content are found from there.
            WorkingDirectory = WebProjectDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "CxMaturity.Web.dll"),
                     "--urls", address, "--environment", "Development", "--Data:Directory", dataDirectory,
                     "--Demo:Enabled", "false", "--Jobs:RunServer", "false", "--App:PublicUrl", address + "/", "--AllowedHosts", "127.0.0.1",
                     "--Logging:LogLevel:Default", "Warning",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("The app's process did not start."), new Uri(address));
        using var client = app.CreateClient(token);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (app._process.HasExited)
            {
                throw new InvalidOperationException($"The app ended with {app._process.ExitCode} before it answered:\n{app.Output}");
            }

            try
            {
                using var response = await client.GetAsync(readyPath);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        app.Kill();
        throw new TimeoutException($"The app did not answer {readyPath} within {timeout.TotalSeconds:0} s:\n{app.Output}");
    }

    /// <summary>A client of this process sending the access token.</summary>
    public HttpClient CreateClient(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL to the process (and anything it started), and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string WebProjectDirectory()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var project = Path.Combine(folder.FullName, "src", "CxMaturity.Web");
            if (File.Exists(Path.Combine(project, "CxMaturity.Web.csproj")))
            {
                return project;
            }
        }

        throw new DirectoryNotFoundException($"No src/CxMaturity.Web above {AppContext.BaseDirectory}.");
    }
}
