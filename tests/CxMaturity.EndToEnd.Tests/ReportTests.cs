using System.Diagnostics;
using CxMaturity.EndToEnd.Tests.Infrastructure;
using CxMaturity.EndToEnd.Tests.Pages;
using CxMaturity.Web.Features.Demo;
using Microsoft.Playwright;

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
        string[] headings =
        [
            "Current score and target", "Dimensions", "Largest gaps to target", "Targets", "Perception gap: Executive vs Frontline",
            "First steps: the next six months", "What the next stage looks like",
        ];
        foreach (var heading in headings)
        {
            Assert.Contains(heading, text);
        }

        Assert.Contains("Dana Whitfield", text); // the owner of the accepted short-term items
        Assert.Contains("not yet assigned", text);
        Assert.DoesNotContain("My organisations", text); // the navigation is not printed

        // Printed, no card, figure or table row may be cut by a page break: each keeps itself whole.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var counts = await page.EvaluateAsync<int[]>(
            """
            () => {
                const blocks = [...document.querySelectorAll('.cx-report tr, .cx-report .cx-kpi, .cx-report .cx-guidance-item, .cx-report figure, .cx-report .cx-card')];
                return [blocks.filter(e => getComputedStyle(e).breakInside === 'avoid').length, blocks.length];
            }
            """);
        var (whole, total) = (counts[0], counts[1]);
        Assert.True(total > 40, $"only {total} blocks found");
        Assert.Equal(total, whole);
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
