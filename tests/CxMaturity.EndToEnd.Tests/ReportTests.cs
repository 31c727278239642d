using System.Diagnostics;
using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;

namespace CxMaturity.EndToEnd.Tests;

public sealed class ReportTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_executive_report_prints_to_an_A4_pdf_with_its_headings()
    {
        var scenario = new Scenario(browser.App);
        var (_, roundId) = await scenario.DemoBaselineAsync();
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(DemoSignInInfo.DemoEmail, DemoSignInInfo.DemoPassword);

        await page.GotoAsync($"/rounds/{roundId}/report");
        await page.GetByTestId("report").WaitForAsync();
        var pdfPath = Path.Combine(BrowserFixture.OutputDirectory, "report.pdf");
        await page.PdfAsync(new() { Path = pdfPath, Format = "A4", PrintBackground = true });

        var text = PdfText(pdfPath);
        Assert.Contains(Scenario.DemoOrganisation, text);
        foreach (var heading in new[] { "Current score and target", "Dimensions", "Largest gaps to target", "What the next stage looks like" })
        {
            Assert.Contains(heading, text);
        }

        Assert.DoesNotContain("My organisations", text); // the navigation is not printed
    }

    private static string PdfText(string pdfPath)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", pdfPath, "-"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("pdftotext is missing: run ./test.sh, which installs poppler-utils.");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
