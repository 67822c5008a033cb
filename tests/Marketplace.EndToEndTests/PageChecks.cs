using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Marketplace.EndToEndTests;

/// <summary>What every page of a journey must pass: axe with no serious or critical violation, and a phone's width.</summary>
public static class PageChecks
{
    public const int PhoneWidth = 360;

    /// <summary>
    /// For WaitForURLAsync after a click: the new document is there and parsed. Waiting for its load event too timed out now
    /// and then in full runs on a loaded machine, 30 s after the server had answered; what a journey reads next waits for itself.
    /// </summary>
    public static readonly PageWaitForURLOptions Arrived = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    /// <summary>Runs axe-core on the page as it is now and fails, listing each rule and element, on any serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        serious.ShouldBeEmpty($"axe found serious or critical violations on {page.Url}");
    }

    /// <summary>
    /// Shows the page at a phone's width (360 CSS pixels) and fails when anything makes it scroll sideways; the viewport is
    /// put back afterwards.
    /// </summary>
    public static async Task AssertFitsPhoneWidthAsync(this IPage page)
    {
        var before = page.ViewportSize;
        await page.SetViewportSizeAsync(PhoneWidth, 740);
        try
        {
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 1)
            {
                overflow.ShouldBeLessThanOrEqualTo(1, $"{page.Url} scrolls sideways by {overflow} px at {PhoneWidth} px wide; widest: {await WidestAsync(page)}");
            }
        }
        finally
        {
            if (before is not null)
            {
                await page.SetViewportSizeAsync(before.Width, before.Height);
            }
        }
    }

    // The deepest elements that reach past the viewport's right edge, so a failure says what to fix.
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const width = document.documentElement.clientWidth;
          const past = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > width + 1);
          const deepest = past.filter(e => !past.some(o => o !== e && e.contains(o)));
          return deepest.slice(0, 5).map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).split(' ').join('.') : ''} (right ${Math.round(e.getBoundingClientRect().right)})`).join(', ');
        }
        """);

    /// <summary>Signs in on the sign-in page and waits until the app has taken the visitor elsewhere.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal), Arrived);
    }

    /// <summary>A full-page screenshot into the journeys' screenshot folder (docs/screenshots when asked for).</summary>
    public static Task ScreenshotForDocsAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserAppFixture.ScreenshotFolder(), name), FullPage = true });

    /// <summary>Both checks, for a page of a journey.</summary>
    public static async Task AssertUsableAsync(this IPage page)
    {
        await page.AssertAccessibleAsync();
        await page.AssertFitsPhoneWidthAsync();
    }
}
