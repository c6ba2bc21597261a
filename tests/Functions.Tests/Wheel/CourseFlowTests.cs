using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UglyToad.PdfPig;
using Workflows.Functions.Tests.Support;
using Workflows.Network;
using Workflows.Wheel.Courses;

namespace Workflows.Functions.Tests.Wheel;

/// <summary>
/// A course from invitation to certificates on a calendar of its own (Helse Førde's file replaced through
/// Workflows:CalendarDirectory): an intro course with three seats and five nurses racing for them.
/// </summary>
public sealed class CourseFlowTests : IDisposable
{
    private const string Course = "helse-forde-intro-course-2026";
    private readonly string calendars = Path.Combine(Path.GetTempPath(), "calendars-" + Guid.NewGuid().ToString("N"));

    public CourseFlowTests()
    {
        Directory.CreateDirectory(calendars);
        File.WriteAllText(Path.Combine(calendars, "helse-forde.yaml"), """
            network: helse-forde
            version: 7
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
                reminders: [7, 1]
                capacity: 3
                follow-up: 14
            """);
    }

    public void Dispose() => Directory.Delete(calendars, recursive: true);

    [Fact]
    public async Task Five_nurses_race_for_three_seats_a_cancellation_promotes_the_first_waiting_and_attendance_brings_certificates()
    {
        await using var scenario = new NetworkScenario(new Dictionary<string, string> { ["Workflows:CalendarDirectory"] = calendars });
        var units = new[] { "sogndal-heimesjukepleie", "laerdal-sjukehus-medisin", "kinn-sjukeheim", "stryn-heimesjukepleie", "stad-sjukeheim" };
        var nurses = new List<(string Id, string Email)>();
        for (var i = 0; i < units.Length; i++)
        {
            var email = $"sjukepleiar{i}@forde.example";
            nurses.Add((await scenario.RegisterNurseAsync(units[i], $"Sjukepleiar {i}", email), email));
        }

        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 7, 0, 0, TimeSpan.Zero));
        scenario.NewMail();
        var tick = await (await scenario.Http.PostAsync("/api/wheel/tick", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(Course, tick.GetProperty("started").EnumerateArray().Select(e => e.GetString()));
        await scenario.IdleAsync();
        var mail = scenario.NewMail();
        var links = nurses.Select(n => NetworkScenario.LinkIn(NetworkScenario.To(mail, n.Email, "Invitasjon og påmelding: Introduksjonskurs"), "register")).ToList();
        Assert.Contains("Det er 3 plassar", NetworkScenario.To(mail, nurses[0].Email, "Invitasjon og påmelding").TextBody, StringComparison.Ordinal);

        var page = await (await scenario.Http.GetAsync(links[0])).Content.ReadAsStringAsync();
        Assert.Contains("3 plassar att.", page, StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(page);
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.Http.PostAsJsonAsync($"/api/wheel/{Course}/attendance", new { attended = new[] { nurses[0].Email } })).StatusCode);

        // All five at once: the roster is one versioned write each, so three get seats and two wait, in order.
        var answers = await Task.WhenAll(links.Select(link => scenario.Http.PostAsync(link, Form("register"))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await scenario.IdleAsync();
        var roster = await scenario.Http.GetFromJsonAsync<JsonElement>($"/api/wheel/{Course}/roster");
        var seated = Emails(roster, "seated");
        var waiting = Emails(roster, "waitlist");
        Assert.Equal(3, seated.Count);
        Assert.Equal(2, waiting.Count);
        Assert.Equal((3, 2), await CountsAsync(scenario));
        mail = scenario.NewMail();
        Assert.All(seated, e => NetworkScenario.To(mail, e, "Du har plass: Introduksjonskurs"));
        Assert.Contains("nummer 1 på ventelista", NetworkScenario.To(mail, waiting[0], "Venteliste: Introduksjonskurs").TextBody, StringComparison.Ordinal);
        Assert.Contains("nummer 2 på ventelista", NetworkScenario.To(mail, waiting[1], "Venteliste: Introduksjonskurs").TextBody, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VCALENDAR", AttachmentText(NetworkScenario.To(mail, seated[0], "Du har plass")), StringComparison.Ordinal);

        // A seated nurse gives the seat back; the first on the waitlist gets it.
        var leaving = links[nurses.FindIndex(n => n.Email == seated[0])];
        Assert.Contains("Du er ikkje påmeld.", await (await scenario.Http.PostAsync(leaving, Form("cancel"))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await scenario.IdleAsync();
        mail = scenario.NewMail();
        NetworkScenario.To(mail, seated[0], "Avmeld: Introduksjonskurs");
        NetworkScenario.To(mail, waiting[0], "Du har fått plass: Introduksjonskurs");
        roster = await scenario.Http.GetFromJsonAsync<JsonElement>($"/api/wheel/{Course}/roster");
        Assert.Equal([seated[1], seated[2], waiting[0]], Emails(roster, "seated"));
        Assert.Equal([waiting[1]], Emails(roster, "waitlist"));
        Assert.Equal((3, 1), await CountsAsync(scenario));

        // A change told without its counts (by the page before it sent them) has the course count the roster itself.
        await scenario.Durable.RaiseEventAsync(Course, RosterChanged.EventName, new RosterChanged(waiting[1], "Sjukepleiar", RegistrationState.Waitlisted, 1, null));
        await scenario.IdleAsync();
        Assert.Equal((3, 1), await CountsAsync(scenario));
        scenario.NewMail();
        Assert.Equal(HttpStatusCode.BadRequest, (await scenario.Http.PostAsync(leaving, Form("maybe"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await scenario.Http.GetAsync(leaving[..^4] + "abcd")).StatusCode);

        // Reminders a week and a day before go to those with a seat only.
        await scenario.AdvanceAsync(new DateTimeOffset(2026, 4, 7, 8, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
        mail = scenario.NewMail();
        Assert.Equal(3, mail.Count(m => m.Subject!.StartsWith("Påminning: Introduksjonskurs", StringComparison.Ordinal)));
        Assert.DoesNotContain(mail, m => m.To.Mailboxes.Any(b => b.Address == waiting[1]) && m.Subject!.Contains("Introduksjonskurs", StringComparison.Ordinal));

        await scenario.AdvanceAsync(new DateTimeOffset(2026, 4, 14, 14, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Gone, (await scenario.Http.PostAsync(links[0], Form("register"))).StatusCode);
        var wrong = await scenario.Http.PostAsJsonAsync($"/api/wheel/{Course}/attendance", new { attended = new[] { seated[1], "ukjend@forde.example" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("attended[1]", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var recorded = await scenario.Http.PostAsJsonAsync($"/api/wheel/{Course}/attendance", new { attended = new[] { seated[1], waiting[0] } });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        await scenario.IdleAsync();

        mail = scenario.NewMail();
        var certificate = NetworkScenario.To(mail, waiting[0], "Kursbevis: Introduksjonskurs");
        using (var pdf = PdfDocument.Open(AttachmentBytes(certificate)))
        {
            var text = string.Join(' ', pdf.GetPage(1).GetWords().Select(w => w.Text));
            Assert.Contains("har delteke på Introduksjonskurs for nye ressurssjukepleiarar", text, StringComparison.Ordinal);
            Assert.Contains("14. april 2026", text, StringComparison.Ordinal);
        }

        Assert.Equal(2, mail.Count(m => m.Subject!.StartsWith("Kursbevis", StringComparison.Ordinal)));
        var attendedNurse = nurses.Single(n => n.Email == waiting[0]).Id;
        Assert.Equal(new DateOnly(2026, 4, 14), (await scenario.Registry.GetAsync<ResourceNurse>(attendedNurse)).Entity.IntroCourseCompleted);
        Assert.Null((await scenario.Registry.GetAsync<ResourceNurse>(nurses.Single(n => n.Email == waiting[1]).Id)).Entity.IntroCourseCompleted);
        var wheel = await scenario.Http.GetFromJsonAsync<JsonElement>("/api/networks/helse-forde/wheel?year=2026");
        var course = wheel.GetProperty("events").EnumerateArray().Single();
        Assert.Equal(7, wheel.GetProperty("calendarVersion").GetInt32());
        Assert.Equal("Done", course.GetProperty("state").GetString());
        Assert.Equal(2, course.GetProperty("status").GetProperty("certificates").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.Http.PostAsJsonAsync($"/api/wheel/{Course}/attendance", new { attended = new[] { seated[1] } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Http.GetAsync("/api/wheel/nowhere-2026/roster")).StatusCode);
    }

    private static async Task<(int Seated, int Waitlisted)> CountsAsync(NetworkScenario scenario)
    {
        var wheel = await scenario.Http.GetFromJsonAsync<JsonElement>("/api/networks/helse-forde/wheel?year=2026");
        var status = wheel.GetProperty("events").EnumerateArray().Single().GetProperty("status");
        return (status.GetProperty("seated").GetInt32(), status.GetProperty("waitlisted").GetInt32());
    }

    private static FormUrlEncodedContent Form(string action) => new([new KeyValuePair<string, string>("action", action)]);

    private static List<string> Emails(JsonElement roster, string list) =>
        roster.GetProperty(list).EnumerateArray().Select(r => r.GetProperty("email").GetString()!).ToList();

    private static byte[] AttachmentBytes(MimeKit.MimeMessage message)
    {
        using var bytes = new MemoryStream();
        ((MimeKit.MimePart)Assert.Single(message.Attachments)).Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }

    private static string AttachmentText(MimeKit.MimeMessage message) => System.Text.Encoding.UTF8.GetString(AttachmentBytes(message));
}
