using System.Net;
using Workflows.Functions.Tests.Support;

namespace Workflows.Functions.Tests.Dashboard;

/// <summary>Running a wheel event from its dashboard page on the fake clock: a course's attendance, a newsletter's text.</summary>
public sealed class EventPageTests : IDisposable
{
    private const string Course = "helse-forde-intro-course-2026";
    private readonly string calendars = Path.Combine(Path.GetTempPath(), "calendars-" + Guid.NewGuid().ToString("N"));

    public EventPageTests()
    {
        Directory.CreateDirectory(calendars);
        File.WriteAllText(Path.Combine(calendars, "helse-forde.yaml"), """
            network: helse-forde
            version: 3
            language: nn
            events:
              - id: intro-course
                kind: intro-course
                title: Introduksjonskurs for nye ressurssjukepleiarar
                date: 2026-04-14
                time: 09:00-15:00
                location: Førde sentralsjukehus
                audience: [nurses]
                invitation: 14
                capacity: 2
                follow-up: 14
            """);
    }

    public void Dispose() => Directory.Delete(calendars, recursive: true);

    [Fact]
    public async Task The_operator_ticks_who_attended_a_held_course_on_its_page_and_only_they_get_certificates()
    {
        await using var scenario = new NetworkScenario(new Dictionary<string, string> { ["Workflows:CalendarDirectory"] = calendars });
        await scenario.AddActiveNurseAsync("helse-forde", "sogndal-heimesjukepleie", "Siri Sogndal", "siri@sogndal.example");
        await scenario.AddActiveNurseAsync("helse-forde", "kinn-sjukeheim", "Kari Kinn", "kari@kinn.example");
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 7, 0, 0, TimeSpan.Zero));
        await scenario.Http.PostAsync("/api/wheel/tick", null);
        await scenario.IdleAsync();
        var mail = scenario.NewMail();
        foreach (var email in new[] { "siri@sogndal.example", "kari@kinn.example" })
        {
            var link = NetworkScenario.LinkIn(NetworkScenario.To(mail, email, "Invitasjon og påmelding"), "register");
            Assert.Equal(HttpStatusCode.OK, (await scenario.Http.PostAsync(link, new FormUrlEncodedContent([new("action", "register")]))).StatusCode);
        }

        await scenario.IdleAsync();
        var dashboard = await DashboardSession.SignInAsync(scenario.Http, HostFactory.Key);
        var wheel = await dashboard.PageAsync("/dashboard/networks/helse-forde/wheel?year=2026");
        Assert.Contains($"href=\"/dashboard/events/{Course}\"", wheel, StringComparison.Ordinal);
        var before = await dashboard.PageAsync($"/dashboard/events/{Course}");
        Assert.Contains("påmelding open", before, StringComparison.Ordinal);
        Assert.Contains("2 / 2", before, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"attended\"", before, StringComparison.Ordinal);

        await scenario.AdvanceAsync(new DateTimeOffset(2026, 4, 14, 14, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
        scenario.NewMail();

        // Two weeks on, the eight-hour sign-in has run out: the page sends the operator to sign in again.
        Assert.EndsWith("/dashboard/login", (await scenario.Http.GetAsync($"/dashboard/events/{Course}")).RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        dashboard = await DashboardSession.SignInAsync(scenario.Http, HostFactory.Key);
        var nobody = await dashboard.PostAsync($"/dashboard/events/{Course}", "attendance", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nobody.StatusCode);
        Assert.Contains("Kryss av for minst éin deltakar.", await nobody.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var recorded = await dashboard.PostAsync($"/dashboard/events/{Course}", "attendance", [new("attended", "kari@kinn.example")]);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Contains("Oppmøtet er registrert.", await recorded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await scenario.IdleAsync();
        mail = scenario.NewMail();
        NetworkScenario.To(mail, "kari@kinn.example", "Kursbevis: Introduksjonskurs");
        Assert.DoesNotContain(mail, m => m.Subject!.StartsWith("Kursbevis", StringComparison.Ordinal) && m.To.Mailboxes.Any(b => b.Address == "siri@sogndal.example"));

        var again = await dashboard.PostAsync($"/dashboard/events/{Course}", "attendance", [new("attended", "siri@sogndal.example")]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Kurset ventar ikkje på oppmøteliste", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operator_writes_the_newsletter_on_its_page_and_it_goes_out_as_a_pdf()
    {
        await using var scenario = new NetworkScenario();
        await scenario.AddActiveNurseAsync("helse-forde", "sogndal-heimesjukepleie", "Siri Sogndal", "siri@sogndal.example");
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 20, 7, 0, 0, TimeSpan.Zero));
        await scenario.Http.PostAsync("/api/wheel/tick", null);
        await scenario.IdleAsync();
        scenario.NewMail();
        const string page = "/dashboard/events/helse-forde-newsletter-spring-2026";
        var dashboard = await DashboardSession.SignInAsync(scenario.Http, HostFactory.Key);

        var empty = await dashboard.PostAsync(page, "newsletter", [new("text", "  ")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("<p class=\"error\" id=\"text-error\">Skriv teksten i nyheitsbrevet.</p>", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var written = await dashboard.PostAsync(page, "newsletter", [new("text", "Velkomen til våren i nettverket.\n\nFagdagen i oktober handlar om nevrologiske sjukdomar.")]);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Contains("Nyheitsbrevet er laga og blir sendt.", await written.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await scenario.IdleAsync();
        var letter = NetworkScenario.To(scenario.NewMail(), "siri@sogndal.example", "Nyhendebrev våren");
        Assert.EndsWith(".pdf", Assert.Single(letter.Attachments).ContentDisposition?.FileName, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Http.GetAsync("/dashboard/events/nowhere-2026")).StatusCode);

        // The orchestration's page speaks the network's language and names each step's activity.
        var process = await dashboard.PageAsync("/dashboard/orchestrations/helse-forde-newsletter-spring-2026");
        Assert.Contains("<html lang=\"nn\">", process, StringComparison.Ordinal);
        Assert.Contains("<h2>Kvar han står</h2>", process, StringComparison.Ordinal);
        Assert.Contains("<td>TaskScheduled</td><td>RequestDocument</td>", process, StringComparison.Ordinal);
    }
}
