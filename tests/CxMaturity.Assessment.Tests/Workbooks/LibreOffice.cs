using System.Diagnostics;

namespace CxMaturity.Assessment.Tests.Workbooks;

/// <summary>
/// Runs LibreOffice headless as an independent reader of the workbooks. The test machine installs it; when it is
/// missing the test fails and says so rather than passing without having looked.
/// </summary>
internal static class LibreOffice
{
    // Comma separated, quoted with ", UTF-8, cells as shown (9th token), every sheet to its own file (12th token, -1).
    public const string CsvAllSheets = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,true,false,false,-1";

    private static readonly string[] Candidates =
    [
        "/usr/bin/soffice",
        "/usr/bin/libreoffice",
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/usr/local/bin/soffice",
    ];

    public static string Executable()
    {
        var found = Candidates.FirstOrDefault(File.Exists)
            ?? (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(dir => new[] { Path.Combine(dir, "soffice"), Path.Combine(dir, "libreoffice") })
                .FirstOrDefault(File.Exists);
        Assert.True(
            found is not null,
            "LibreOffice is not installed: the workbook tests open the files with it as an independent reader. " +
            "Install it (apt-get install -y libreoffice-calc) so that /usr/bin/soffice exists, and run the tests again.");
        return found!;
    }

    /// <summary>Converts <paramref name="input"/> with <c>--convert-to <paramref name="format"/></c> into a new folder and returns that folder.</summary>
    public static string Convert(string input, string format)
    {
        var executable = Executable();
        var id = Guid.NewGuid().ToString("N");
        var profile = Path.Combine(Path.GetTempPath(), $"lo-{id}");
        var outDir = Path.Combine(Path.GetTempPath(), $"lo-out-{id}");
        Directory.CreateDirectory(outDir);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     $"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                     "--convert-to", format, "--outdir", outDir, input,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"LibreOffice did not finish converting {input} within two minutes.");
            }

            Assert.True(
                process.ExitCode == 0 && Directory.EnumerateFiles(outDir).Any(),
                $"LibreOffice could not convert {input} (exit code {process.ExitCode}): {stdout.Result} {stderr.Result}");
            return outDir;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }
}
