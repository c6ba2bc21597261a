using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

using Workflows.TestSupport;

namespace Workflows.Functions.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (.NET); pages are checked with axe-core and photographed into
/// <c>.test-results/screenshots</c> as test artifacts.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    /// <summary>Where Debian installs Chromium (<c>apt-get install chromium</c>, done by .ci/run).</summary>
    public const string Chromium = "/usr/bin/chromium";

    // Without these Chromium keeps reaching for Google's services at start and in the background; on a closed
    // network those connections fail, many at a time, and slow or stall page loads.
    private static readonly string[] QuietFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
    ];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private Browser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<Browser> StartAsync(Uri baseAddress)
    {
        Assert.True(File.Exists(Chromium), $"Chromium is not installed at {Chromium}: run `apt-get install chromium` (.ci/run does).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = QuietFlags });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "nb-NO", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        // Playwright's defaults (5 s for an assertion, 30 s for an action) are sized for a fast, idle machine; CI's two
        // cores may be shared with another build. These are guards against a hang, not measures of speed.
        Assertions.SetDefaultExpectTimeout(60_000);
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        return new Browser(playwright, browser, await context.NewPageAsync());
    }

    /// <summary>
    /// Waits until the page's address ends as <paramref name="pathPattern"/> (a regular expression) and its document
    /// has loaded. Polls the address and the document rather than Playwright's load events: after a form posts and
    /// is redirected, a load event could pass unseen and the wait hang until its time ran out.
    /// </summary>
    public async Task WaitForPageAsync(string pathPattern)
    {
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(pathPattern + "$", RegexOptions.None, TimeSpan.FromSeconds(1)));
        await Page.WaitForFunctionAsync("document.readyState === 'complete'");
    }

    /// <summary>Runs axe-core (WCAG 2.1 A and AA rules) on the page and fails on any violation, naming each.</summary>
    public async Task AssertAccessibleAsync()
    {
        await Page.WaitForFunctionAsync("document.readyState === 'complete'");
        var result = await Page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Violations.Length == 0, $"{Page.Url}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    /// <summary>
    /// Runs axe on pages fetched without a browser (from the in-memory host on a fake clock, where a wheel event's
    /// links exist): each is loaded as the document of one headless Chromium, which needs nothing else (styles inline).
    /// </summary>
    public static async Task AssertAccessibleAsync(params string[] pages)
    {
        await using var browser = await StartAsync(new Uri("http://127.0.0.1/"));
        foreach (var html in pages)
        {
            Assert.Contains("<html lang=", html, StringComparison.Ordinal);
            await browser.Page.SetContentAsync(html);
            await browser.AssertAccessibleAsync();
        }
    }

    /// <summary>Saves a full-page screenshot as <c>.test-results/screenshots/{name}.png</c>.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(RepositoryRoot.Path, ".test-results", "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
