using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
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
        await Expect(page.Locator("main")).ToContainTextAsync("Nøkkelen stemmer ikke");
        await browser.AssertAccessibleAsync();

        await page.GetByLabel("Operatørnøkkel").FillAsync(Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await browser.WaitForPageAsync("/dashboard/networks");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("networks");

        await page.GotoAsync("/dashboard/networks/helse-forde/wheel?year=2026");
        Assert.Equal("nn", await page.GetAttributeAsync("html", "lang"));
        await Expect(page.Locator("main")).ToContainTextAsync("Lokalgruppesamling Sogn");
        await Expect(page.Locator("main")).ToContainTextAsync("24. mars 2026");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("arshjul");

        await page.GotoAsync("/dashboard/networks/ahus/names");
        await Expect(page.Locator("main")).ToContainTextAsync("Enheter uten ressurssykepleier");
        Assert.True(await page.Locator("tr.uncovered").CountAsync() > 0);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("navneliste");
        var csv = await page.APIRequest.GetAsync("/dashboard/networks/ahus/names?handler=csv");
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();
        await browser.WaitForPageAsync("/dashboard/login");
        await page.GotoAsync("/dashboard/networks/ahus/names");
        Assert.Contains("/dashboard/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_registers_a_nurse_through_the_form_and_pauses_resumes_and_terminates_the_onboarding_with_confirmation()
    {
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string> { ["FunctionKeys__dashboard"] = Key, ["Workflows__WheelTickSchedule"] = "" });
        using var api = app.Client();
        api.DefaultRequestHeaders.Add("x-functions-key", Key);
        await using var browser = await Browser.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await SignInAsync(browser);

        await page.GotoAsync("/dashboard/networks/ahus/register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer og start onboarding" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Velg enheten ressurssykepleieren hører til.");
        await Expect(page.Locator("main")).ToContainTextAsync("Skriv inn fullt navn.");
        await Expect(page.Locator("main")).ToContainTextAsync("Skriv inn en gyldig e-postadresse");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("registrer");
        await page.GetByLabel("Enhet").SelectOptionAsync("lorenskog-sykehjem");
        await page.GetByLabel("Fullt navn").FillAsync("Kari Nordmann");
        await page.GetByLabel("E-post").FillAsync("kari@lorenskog");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer og start onboarding" }).ClickAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Skriv inn fullt navn.");
        await Expect(page.Locator("main")).ToContainTextAsync("Skriv inn en gyldig e-postadresse");
        Assert.Equal("Kari Nordmann", await page.GetByLabel("Fullt navn").InputValueAsync());
        await page.GetByLabel("E-post").FillAsync("kari@lorenskog.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer og start onboarding" }).ClickAsync();
        await browser.WaitForPageAsync("/dashboard/orchestrations/onboarding-[^/]+");
        var instanceId = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        // The app's worker sends the welcome and the first signing request a moment after the start: reload until then (bounded).
        for (var attempt = 0; attempt < 40 && !(await page.TextContentAsync("pre"))!.Contains("AwaitingSignature", StringComparison.Ordinal); attempt++)
        {
            await page.WaitForTimeoutAsync(250);
            await page.ReloadAsync();
        }

        Assert.Contains("AwaitingSignature", await page.TextContentAsync("pre"), StringComparison.Ordinal);

        await page.GotoAsync("/dashboard/orchestrations?status=Running&prefix=onboarding-");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("prosesser");
        await page.GetByRole(AriaRole.Link, new() { Name = instanceId }).ClickAsync();
        await browser.WaitForPageAsync($"/dashboard/orchestrations/{instanceId}");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("prosess");

        await page.GetByRole(AriaRole.Button, new() { Name = "Avslutt", Exact = true }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Kryss av for å bekrefte");
        await browser.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sett på pause" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Satt på pause");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fortsett" }).ClickAsync();
        await page.GetByLabel("Hendelsens navn").FillAsync("signed-Nurse");
        await page.GetByLabel("Innhold (JSON, valgfritt)").FillAsync("{ not json");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send hendelsen" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Innholdet er ikke gyldig JSON.");
        await page.GetByLabel("Ja, avslutt prosessen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Avslutt", Exact = true }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Prosessen er avsluttet.");
        var status = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/runtime/webhooks/durabletask/instances/{instanceId}");
        Assert.Equal("Terminated", status.GetProperty("runtimeStatus").GetString());
    }

    private static async Task SignInAsync(Browser browser)
    {
        var page = browser.Page;
        await page.GotoAsync("/dashboard/login");
        await page.GetByLabel("Operatørnøkkel").FillAsync(Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await browser.WaitForPageAsync("/dashboard/networks");
    }
}
