using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Every page the app routes to, from its route table (each component's <see cref="RouteAttribute"/>), filled with
/// the ids of one organisation; and a walk through them that measures how wide each one is.
/// </summary>
public static partial class PageTour
{
    /// <summary>The route templates of every page of the app, the Account pages included.</summary>
    public static IReadOnlyList<string> Templates { get; } =
    [
        .. typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(a => a.Template)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>
    /// Every page with the tour's ids: rounds pages once for the closed and once for the open round, results also as
    /// a preview. Fails on a route parameter it has no value for, so a new kind of page cannot slip past the tour.
    /// </summary>
    public static IReadOnlyList<string> Paths(DemoTour tour)
    {
        var paths = new List<string>();
        foreach (var template in Templates)
        {
            var names = Parameter().Matches(template).Select(m => m.Groups["name"].Value).ToList();
            IEnumerable<Dictionary<string, string>> fillings = names.Contains("RoundId", StringComparer.Ordinal)
                ? [Values(tour, tour.ClosedRoundId), Values(tour, tour.OpenRoundId)]
                : [Values(tour, tour.ClosedRoundId)];
            foreach (var values in fillings)
            {
                var path = Parameter().Replace(template, m => values.TryGetValue(m.Groups["name"].Value, out var value)
                    ? value
                    : throw new InvalidOperationException($"The page tour has no value for {{{m.Groups["name"].Value}}} in {template}: add one."));
                paths.Add(path);
                if (template.EndsWith("/results", StringComparison.Ordinal) && template.StartsWith("/rounds", StringComparison.Ordinal))
                {
                    paths.Add(path + "?preview=true");
                }
            }
        }

        paths.Add("/hangfire");
        return [.. paths.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Opens each page and answers those wider than the viewport: path → the document's scroll width.</summary>
    public static async Task<IReadOnlyList<string>> TooWideAsync(IPage page, IEnumerable<string> paths, string screenshotPrefix)
    {
        var width = page.ViewportSize!.Width;
        var failures = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await SettleAsync(page);
            var scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
            if (scrollWidth > width)
            {
                failures.Add($"{path}: {scrollWidth} px wide ({await WidestAsync(page, width)})");
                await page.ScreenshotAsync(new()
                {
                    Path = Path.Combine(BrowserFixture.OutputDirectory, $"{screenshotPrefix}-too-wide-{Slug().Replace(path, "-").Trim('-')}.png"),
                    FullPage = true,
                });
            }
        }

        return failures;
    }

    // Interactive pages are measured once their circuit has rendered; static ones once loaded.
    public static async Task SettleAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (await page.Locator("script[src*='blazor.web']").CountAsync() > 0 && await page.Locator("[data-testid='brand']").CountAsync() > 0)
        {
            await page.GetByTestId("interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 10_000 });
            await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-linear-indeterminate')", null, new() { Timeout = 10_000 });
        }
    }

    // The outermost elements that stick out past the viewport and are not clipped by a scrolling ancestor: where to look.
    private static Task<string> WidestAsync(IPage page, int width) => page.EvaluateAsync<string>(
        """
        (width) => {
            // Clipped by a scrolling ancestor, or placed against the viewport (which a wide page widens in turn).
            const clipped = e => {
                for (let p = e; p && p !== document.body; p = p.parentElement) {
                    const style = getComputedStyle(p);
                    if (style.position === 'fixed' || (p !== e && style.overflowX !== 'visible')) return true;
                }
                return false;
            };
            const wide = [...document.querySelectorAll('body *')].filter(e => {
                const r = e.getBoundingClientRect();
                return r.right > width + 0.5 && r.width > 0 && !clipped(e);
            });
            const outermost = wide.filter(e => !wide.includes(e.parentElement)).slice(0, 3);
            if (outermost.length === 0) return 'no element found';
            return outermost.map(e => {
                const r = e.getBoundingClientRect();
                return `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(r.right)} "${(e.textContent || '').trim().slice(0, 30)}"`;
            }).join('; ');
        }
        """,
        width);

    private static Dictionary<string, string> Values(DemoTour tour, int roundId) => new(StringComparer.Ordinal)
    {
        ["OrganisationId"] = tour.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RoundId"] = roundId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ProjectId"] = tour.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Token"] = tour.InvitationPath.Split('/')[^1],
        ["Id"] = "not-a-passkey",
    };

    [GeneratedRegex(@"\{(?<name>\w+)(?::[^}]*)?\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"[^a-zA-Z0-9]+")]
    private static partial Regex Slug();
}
