using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflows.Functions.Tests.Support;

namespace Workflows.Functions.Tests.Wheel;

/// <summary>Helse Førde's spring gathering in Sogn (24 March 2026) from the wheel's tick to the minutes reaching the leaders.</summary>
public sealed class LocalGatheringFlowTests
{
    private const string SognSpring = "helse-forde-gathering-sogn-spring-2026";

    private static NetworkScenario Scenario() => new(new Dictionary<string, string> { ["Workflows:WheelTickSchedule"] = "0 0 6 * * *" });

    [Fact]
    public async Task Sogn_gathering_is_invited_reminded_held_and_its_minutes_go_to_the_leaders_in_Nynorsk()
    {
        await using var scenario = Scenario();
        await scenario.RegisterNurseAsync("sogndal-heimesjukepleie", "Siri Sogndal", "siri@sogndal.example");
        await scenario.RegisterNurseAsync("kinn-sjukeheim", "Kari Kinn", "kari@kinn.example");
        scenario.NewMail();

        var first = await TickAsync(scenario);
        var second = await TickAsync(scenario);

        Assert.Contains(SognSpring, Ids(first, "started"));
        Assert.Contains("helse-forde-gathering-sunnfjord-spring-2026", Ids(first, "started"));
        Assert.DoesNotContain("helse-forde-gathering-sogn-autumn-2026", Ids(first, "started"));
        Assert.Empty(Ids(second, "started"));
        Assert.Contains(SognSpring, Ids(second, "alreadyStarted"));

        await scenario.IdleAsync();
        var mail = scenario.NewMail();
        var invitation = NetworkScenario.To(mail, "siri@sogndal.example", "Invitasjon: Lokalgruppesamling Sogn 24. mars 2026");
        Assert.Contains("velkomen til Lokalgruppesamling Sogn", invitation.TextBody, StringComparison.Ordinal);
        Assert.Contains("kl. 10:00–15:00", invitation.TextBody, StringComparison.Ordinal);
        using var icsBytes = new MemoryStream();
        ((MimeKit.MimePart)Assert.Single(invitation.Attachments)).Content!.DecodeTo(icsBytes);
        var ics = Encoding.UTF8.GetString(icsBytes.ToArray());
        Assert.Contains("DTSTART;TZID=Europe/Oslo:20260324T100000", ics, StringComparison.Ordinal);
        Assert.Contains("UID:helse-forde-gathering-sogn-spring-2026@kompetansenettverk", ics, StringComparison.Ordinal);
        Assert.DoesNotContain(mail, m => m.To.Mailboxes.Any(b => b.Address == "kari@kinn.example") && m.Subject!.Contains("Lokalgruppesamling Sogn 24", StringComparison.Ordinal));
        NetworkScenario.To(mail, "kari@kinn.example", "Invitasjon: Lokalgruppesamling Sunnfjord/Kinn/Ytre Sogn 3. mars 2026");

        await scenario.AdvanceAsync(new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
        NetworkScenario.To(scenario.NewMail(), "siri@sogndal.example", "Påminning: Lokalgruppesamling Sogn 24. mars 2026");
        await scenario.AdvanceAsync(new DateTimeOffset(2026, 3, 24, 15, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
        mail = scenario.NewMail();
        NetworkScenario.To(mail, "siri@sogndal.example", "Påminning: Lokalgruppesamling Sogn");
        var request = NetworkScenario.To(mail, "forde-sogn@helse-forde.example", "Last opp referatet frå Lokalgruppesamling Sogn");
        Assert.Contains("innan 7. april 2026", request.TextBody, StringComparison.Ordinal);
        var link = NetworkScenario.LinkIn(request, "upload");

        var wheel = await WheelEventAsync(scenario, "gathering-sogn-spring");
        Assert.Equal("Running", wheel.GetProperty("state").GetString());
        Assert.Equal("AwaitingDocument", wheel.GetProperty("status").GetProperty("phase").GetString());

        var page = await scenario.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"nn\">", form, StringComparison.Ordinal);
        var empty = await scenario.Http.PostAsync(link, new MultipartFormDataContent());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var faults = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Vel ei fil", faults, StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(form, faults);
        var wrongKind = await scenario.Http.PostAsync(link, File("referat.exe", "MZ"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongKind.StatusCode);
        var uploaded = await scenario.Http.PostAsync(link, File("Referat Sogn mars.pdf", "%PDF-1.7 referat"));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.Http.PostAsync(link, File("igjen.pdf", "%PDF"))).StatusCode);
        await scenario.IdleAsync();

        var minutes = NetworkScenario.To(scenario.NewMail(), "sogndal-heimesjukepleie.leder@helse-forde.example", "Referat frå Lokalgruppesamling Sogn");
        Assert.Equal("minutes-gathering-sogn-spring-2026.pdf", Assert.Single(minutes.Attachments).ContentDisposition?.FileName);
        wheel = await WheelEventAsync(scenario, "gathering-sogn-spring");
        Assert.Equal("Done", wheel.GetProperty("state").GetString());
        Assert.Equal("helse-forde/arshjul/2026/gathering-sogn-spring/minutes-gathering-sogn-spring-2026.pdf", wheel.GetProperty("status").GetProperty("documentKey").GetString());
        Assert.NotNull(await scenario.Documents.GetAsync("helse-forde/arshjul/2026/gathering-sogn-spring/minutes-gathering-sogn-spring-2026.pdf"));
    }

    [Fact]
    public async Task The_wheel_shows_each_event_of_the_year_with_its_state_and_bad_input_is_refused()
    {
        await using var scenario = Scenario();

        var wheel = await scenario.Http.GetFromJsonAsync<JsonElement>("/api/networks/helse-forde/wheel?year=2026");
        var events = wheel.GetProperty("events").EnumerateArray().ToList();

        Assert.Equal(1, wheel.GetProperty("calendarVersion").GetInt32());
        Assert.Equal(15, events.Count);
        Assert.Equal("Due", State(events, "gathering-sogn-spring"));
        Assert.Equal("Planned", State(events, "leaders-intro"));
        Assert.Equal("Planned", State(events, "gathering-sogn-autumn"));
        Assert.Equal("Missed", State(events, "strategy-revision"));
        Assert.Equal("Due", State(events, "annual-report"));
        Assert.Equal("Planned", State(events, "subject-day"));
        Assert.Equal("2026-11-10", events.Single(e => Event(e) == "basic-course").GetProperty("occurrence").GetProperty("date").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Http.GetAsync("/api/networks/nowhere/wheel")).StatusCode);
        var badYear = await scenario.Http.GetAsync("/api/networks/ahus/wheel?year=1800");
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Equal("application/problem+json", badYear.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await scenario.Http.GetAsync("/api/networks/ahus/wheel?year=soon")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scenario.Factory.CreateClient().GetAsync("/api/networks/ahus/wheel")).StatusCode);
    }

    private static async Task<JsonElement> TickAsync(NetworkScenario scenario)
    {
        var response = await scenario.Http.PostAsync("/api/wheel/tick", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string?> Ids(JsonElement result, string name) => result.GetProperty(name).EnumerateArray().Select(e => e.GetString()).ToList();

    private static string Event(JsonElement view) => view.GetProperty("occurrence").GetProperty("eventId").GetString()!;

    private static string? State(List<JsonElement> events, string id) => events.Single(e => Event(e) == id).GetProperty("state").GetString();

    private static async Task<JsonElement> WheelEventAsync(NetworkScenario scenario, string eventId)
    {
        var wheel = await scenario.Http.GetFromJsonAsync<JsonElement>("/api/networks/helse-forde/wheel?year=2026");
        return wheel.GetProperty("events").EnumerateArray().Single(e => Event(e) == eventId);
    }

    private static MultipartFormDataContent File(string name, string content) =>
        new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", name } };
}
