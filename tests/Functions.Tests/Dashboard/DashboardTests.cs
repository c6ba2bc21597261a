using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Workflows.Functions.Tests.Support;
using Workflows.TestSupport;

namespace Workflows.Functions.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser against the app as a real process: sign-in, the wheel, the name list, the forms,
/// the waiting list, the orchestrations; every page checked with axe and photographed.
/// </summary>
public sealed class DashboardTests
{
    private const string Key = "dashboard-test-key";

    private static readonly Dictionary<string, string> Settings = new() { ["FunctionKeys__dashboard"] = Key, ["Workflows__WheelTickSchedule"] = "" };

    [Fact]
    public async Task An_operator_signs_in_and_sees_the_wheel_and_the_name_list_with_no_accessibility_violations()
    {
        // Ahus's calendar replaced by one subject day five days from now, so the start button has something to start
        // on any day the test runs.
        var calendars = Directory.CreateTempSubdirectory("calendars-");
        // The app runs on the system clock, so this test reads it too.
        var day = Workflows.Network.NorwegianTime.Today(TimeProvider.System).AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(calendars.FullName, "ahus.yaml"), $"""
            network: ahus
            version: 2
            language: nb
            events:
              - id: subject-day
                kind: subject-day
                title: Fagdag i palliasjon
                date: {day}
                time: 09:00-15:30
                location: Ahus, Nordbyhagen
                audience: [nurses, leaders]
                invitation: 28
                capacity: 200
            """);
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>(Settings) { ["Workflows__CalendarDirectory"] = calendars.FullName });
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

        await Expect(page.Locator("#wheel-title")).ToContainTextAsync("Årshjul 2026:");
        Assert.True(await page.Locator("svg[role=img] circle").CountAsync() > 10);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start det som skal i gang i dag" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex("starta\\.|Ingenting meir skal i gang i dag\\."));
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("arshjul");

        await page.GotoAsync("/dashboard/networks/helse-forde/register");
        Assert.Equal("nn", await page.GetAttributeAsync("html", "lang"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer og start onboarding" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Vel eininga ressurssjukepleiaren høyrer til.");
        await browser.AssertAccessibleAsync();

        await page.GotoAsync("/dashboard/networks/ahus/wheel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start det som skal i gang i dag" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Fagdag i palliasjon startet.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Fagdag i palliasjon" }).ClickAsync();
        await browser.WaitForPageAsync("/dashboard/events/ahus-subject-day-[0-9]{4}");
        await Expect(page.Locator("main")).ToContainTextAsync("Påmeldte med plass");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("hendelse");

        await page.GotoAsync("/dashboard/networks/ahus/names");
        await Expect(page.Locator("main")).ToContainTextAsync("Enheter uten ressurssykepleier");
        Assert.True(await page.Locator("tr.uncovered").CountAsync() > 0);
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("navneliste");
        var csv = await page.APIRequest.GetAsync("/dashboard/networks/ahus/names?handler=csv");
        calendars.Delete(recursive: true);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();
        await browser.WaitForPageAsync("/dashboard/login");
        await page.GotoAsync("/dashboard/networks/ahus/names");
        Assert.Contains("/dashboard/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nurse_registered_through_the_form_is_reminded_from_the_waiting_page_and_signed_through_the_emailed_links_until_onboarded()
    {
        await using var app = await AppProcess.StartAsync(Settings);
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
        await app.MailAsync("kari@lorenskog.example", "Signer funksjonsbeskrivelsen");

        // The onboarding waits for Kari's signature: the waiting page shows it, and reminds her now.
        await page.GotoAsync("/dashboard/networks/ahus/waiting");
        await Expect(page.Locator("table", new() { Has = page.GetByText("Funksjonsbeskrivelser som venter på signatur") })).ToContainTextAsync("Ressurssykepleier: Kari Nordmann");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("utestaende");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send påminnelse nå: Kari Nordmann" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Påminnelsen er sendt.");
        var reminder = await app.MailAsync("kari@lorenskog.example", "Påminnelse: Signer funksjonsbeskrivelsen");

        // Each signer follows the link in their email; the next is asked when the one before has signed.
        await SignThroughLinkAsync(browser, reminder);
        await SignThroughLinkAsync(browser, await app.MailAsync("lorenskog-sykehjem.leder@ahus.example", "Signer funksjonsbeskrivelsen"));
        await SignThroughLinkAsync(browser, await app.MailAsync("nettverksleder@ahus.example", "Signer funksjonsbeskrivelsen"));

        // The nurse's "signed" email is among the onboarding's last steps: once it is out, completion is a moment away.
        await app.MailAsync("kari@lorenskog.example", "er signert");
        await page.GotoAsync($"/dashboard/orchestrations/{instanceId}");
        await Progress.WhileMovingAsync(
            async token =>
            {
                while (!(await page.TextContentAsync("main"))!.Contains("Fullført", StringComparison.Ordinal))
                {
                    await Task.Delay(250, token);
                    await page.ReloadAsync();
                }
            },
            () => 0,
            "the onboarding never showed as completed");

        await Expect(page.Locator("main")).ToContainTextAsync("Fullført");
        await Expect(page.Locator("pre")).ToContainTextAsync("funksjonsbeskrivelse-signert.pdf");
        await browser.ScreenshotAsync("prosess-fullfort");

        // Now active, Kari is on the name list; her page shows the signed function description and can be edited.
        await page.GotoAsync("/dashboard/networks/ahus/names");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kari Nordmann" }).ClickAsync();
        await browser.WaitForPageAsync("/dashboard/nurses/[^/]+");
        await Expect(page.Locator("main")).ToContainTextAsync("Funksjonsbeskrivelse signert");
        await page.GetByLabel("Telefon (valgfritt)").FillAsync("+47 400 00 000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Endringene er lagret.");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("ressurssykepleier");
    }

    [Fact]
    public async Task A_resignation_reported_through_the_form_asks_for_a_replacement_which_is_closed_and_the_process_paused_resumed_and_terminated()
    {
        await using var app = await AppProcess.StartAsync(Settings);
        using var api = app.Client();
        api.DefaultRequestHeaders.Add("x-functions-key", Key);
        var registered = await api.PostAsJsonAsync("/api/nurses", new { unitId = "lorenskog-sykehjem", name = "Per Hansen", email = "per@lorenskog.example", startDate = "2026-01-05" });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, registered.StatusCode);
        await using var browser = await Browser.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await SignInAsync(browser);

        await page.GotoAsync("/dashboard/networks/ahus/resign");
        await page.GetByLabel("Siste dag i rollen").FillAsync("2025-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meld fratreden" }).ClickAsync();
        await Expect(page.Locator("#nurseId-error")).ToHaveTextAsync("Velg ressurssykepleieren som slutter.");
        await browser.AssertAccessibleAsync();
        await page.GetByLabel("Ressurssykepleier", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Per Hansen (Lørenskog sykehjem)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Meld fratreden" }).ClickAsync();
        await Expect(page.Locator("#nurseId-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("#endDate-error")).ToHaveTextAsync("Skriv inn en gyldig dato, ikke før ressurssykepleieren begynte.");
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("meld-fratreden");
        await page.GetByLabel("Siste dag i rollen").FillAsync("2027-01-31");
        await page.GetByLabel("Ressurssykepleieren selv").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Meld fratreden" }).ClickAsync();
        await browser.WaitForPageAsync("/dashboard/orchestrations/resignation-[^/]+");
        var instanceId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var request = await app.MailAsync("lorenskog-sykehjem.leder@ahus.example", "Ny ressurssykepleier i Lørenskog sykehjem?");
        await page.GotoAsync(NetworkScenario.LinkIn(request, "nominate"));
        await Expect(page.GetByLabel("Navn")).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync();

        await page.GotoAsync("/dashboard/networks/ahus/waiting");
        await Expect(page.Locator("table", new() { Has = page.GetByText("Forespørsler om ny ressurssykepleier") })).ToContainTextAsync("Per Hansen");
        await page.GotoAsync("/dashboard/orchestrations?status=Running&prefix=resignation-");
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

        // A paused process reminds nobody.
        await page.GotoAsync("/dashboard/networks/ahus/waiting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send påminnelse nå: Avdelingsleder Lørenskog" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Prosessen venter ikke lenger på noen.");
        await page.GotoAsync($"/dashboard/orchestrations/{instanceId}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Fortsett" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Prosessen fortsetter.");

        // The operator stops asking the leader; the request leaves the waiting page.
        await page.GotoAsync("/dashboard/networks/ahus/waiting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lukk forespørselen: Per Hansen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Forespørselen er lukket; nærmeste leder blir ikke spurt mer.");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Forespørsler om ny ressurssykepleier");
        await page.GotoAsync($"/dashboard/orchestrations/{instanceId}");

        await page.GetByLabel("Hendelsens navn").FillAsync("replacement-closed");
        await page.GetByLabel("Innhold (JSON, valgfritt)").FillAsync("{ not json");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send hendelsen" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Innholdet er ikke gyldig JSON.");
        await page.GetByLabel("Ja, avslutt prosessen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Avslutt", Exact = true }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Prosessen er avsluttet.");
        var status = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/runtime/webhooks/durabletask/instances/{instanceId}");
        Assert.Equal("Terminated", status.GetProperty("runtimeStatus").GetString());
    }

    /// <summary>Opens the signing link of <paramref name="request"/>, checks the page, and signs.</summary>
    private static async Task SignThroughLinkAsync(Browser browser, MimeKit.MimeMessage request)
    {
        await browser.Page.GotoAsync(NetworkScenario.LinkIn(request, "sign"));
        await browser.AssertAccessibleAsync();
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Jeg bekrefter og signerer" }).ClickAsync();
        await Expect(browser.Page.Locator("main")).ToContainTextAsync("Signaturen din er registrert");
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
