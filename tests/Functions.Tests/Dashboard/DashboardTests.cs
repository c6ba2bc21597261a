using Microsoft.Playwright;
using Workflows.Functions.Tests.Support;

namespace Workflows.Functions.Tests.Dashboard;

/// <summary>The dashboard in a real browser against the app as a real process: sign-in, the wheel, the name list.</summary>
public sealed class DashboardTests
{
    private const string Key = "dashboard-test-key";

    [Fact]
    public async Task An_operator_signs_in_and_sees_the_wheel_and_the_name_list_with_no_accessibility_violations()
    {
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string> { ["FunctionKeys__dashboard"] = Key, ["Workflows__WheelTickSchedule"] = "" });
        await using var browser = await Browser.StartAsync(app.BaseAddress);
        var page = browser.Page;

        await page.GotoAsync("/dashboard/networks");
        Assert.Contains("/dashboard/login", page.Url, StringComparison.Ordinal);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("login");

        await page.GetByLabel("Operatørnøkkel").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        Assert.Contains("Nøkkelen stemmer ikke", await page.TextContentAsync("main"), StringComparison.Ordinal);
        await browser.AssertAccessibleAsync();

        await page.GetByLabel("Operatørnøkkel").FillAsync(Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard/networks");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("networks");

        await page.GotoAsync("/dashboard/networks/helse-forde/wheel?year=2026");
        Assert.Equal("nn", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Lokalgruppesamling Sogn", await page.TextContentAsync("main"), StringComparison.Ordinal);
        Assert.Contains("24. mars 2026", await page.TextContentAsync("main"), StringComparison.Ordinal);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("arshjul");

        await page.GotoAsync("/dashboard/networks/ahus/names");
        Assert.Contains("Enheter uten ressurssykepleier", await page.TextContentAsync("main"), StringComparison.Ordinal);
        Assert.True(await page.Locator("tr.uncovered").CountAsync() > 0);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("navneliste");
        var csv = await page.APIRequest.GetAsync("/dashboard/networks/ahus/names?handler=csv");
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard/login");
        await page.GotoAsync("/dashboard/networks/ahus/names");
        Assert.Contains("/dashboard/login", page.Url, StringComparison.Ordinal);
    }
}
