using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Functions.Tests.Support;

namespace Workflows.Functions.Tests.Wheel;

/// <summary>Ahus's leaders' digital meeting and its yearly evaluation, each from the tick to the end.</summary>
public sealed class MeetingAndEvaluationFlowTests
{
    [Fact]
    public async Task The_leaders_digital_meeting_invites_every_leader_once_reminds_them_and_is_done_after_the_meeting()
    {
        await using var scenario = new NetworkScenario();
        await scenario.AddActiveNurseAsync("ahus", "lorenskog-sykehjem", "Kari", "kari@lorenskog.example");
        await scenario.AddActiveNurseAsync("ahus", "lorenskog-sykehjem", "Ola", "ola@lorenskog.example");

        // 11 March is four weeks before the second Wednesday of April 2026.
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 5, 0, 0, TimeSpan.Zero));
        await scenario.Http.PostAsync("/api/wheel/tick", null);
        await scenario.IdleAsync();
        var invitation = NetworkScenario.To(scenario.NewMail(), "lorenskog-sykehjem.leder@ahus.example", "Invitasjon: Digitalt møte for ledere av ressurssykepleiere 8. april 2026");
        Assert.Contains("Hvor: Teams", invitation.TextBody, StringComparison.Ordinal);

        // The evening before, every reminder is out and the meeting is still to come: invited, not held.
        await scenario.AdvanceAsync(new DateTimeOffset(2026, 4, 7, 18, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
        var before = await scenario.Http.GetFromJsonAsync<JsonElement>("/api/networks/ahus/wheel?year=2026");
        Assert.Equal("Invited", before.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("instanceId").GetString() == "ahus-leaders-meeting-2026")
            .GetProperty("status").GetProperty("phase").GetString());

        await scenario.AdvanceAsync(new DateTimeOffset(2026, 4, 8, 11, 30, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
        var reminders = scenario.NewMail().Where(m => m.Subject!.StartsWith("Påminnelse: Digitalt møte for ledere", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reminders.Count(m => m.To.Mailboxes.Any(b => b.Address == "lorenskog-sykehjem.leder@ahus.example")));
        Assert.DoesNotContain(reminders, m => m.To.Mailboxes.Any(b => b.Address.StartsWith("kari@", StringComparison.Ordinal)));

        var wheel = await scenario.Http.GetFromJsonAsync<JsonElement>("/api/networks/ahus/wheel?year=2026");
        var meeting = wheel.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("instanceId").GetString() == "ahus-leaders-meeting-2026");
        Assert.Equal("Running", meeting.GetProperty("state").GetString());
        Assert.Equal("Held", meeting.GetProperty("status").GetProperty("phase").GetString());
        await scenario.AdvanceAsync(TimeSpan.FromHours(2));
        wheel = await scenario.Http.GetFromJsonAsync<JsonElement>("/api/networks/ahus/wheel?year=2026");
        meeting = wheel.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("instanceId").GetString() == "ahus-leaders-meeting-2026");
        Assert.Equal("Done", meeting.GetProperty("state").GetString());
        Assert.Equal(2, meeting.GetProperty("status").GetProperty("reminders").GetInt32());
    }

    [Fact]
    public async Task The_yearly_evaluation_asks_nurses_and_leaders_in_February_and_closes_without_a_report_draft()
    {
        await using var scenario = new NetworkScenario();
        await scenario.AddActiveNurseAsync("ahus", "lorenskog-sykehjem", "Kari", "kari@lorenskog.example");
        scenario.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 1, 5, 0, 0, TimeSpan.Zero));

        await scenario.Http.PostAsync("/api/wheel/tick", null);
        await scenario.IdleAsync();
        var mail = scenario.NewMail();
        var link = NetworkScenario.LinkIn(NetworkScenario.To(mail, "kari@lorenskog.example", "Årsevaluering for ressurssykepleiere og deres ledere"), "answer");
        NetworkScenario.To(mail, "lorenskog-sykehjem.leder@ahus.example", "Årsevaluering for ressurssykepleiere og deres ledere – om ressurssykepleieren din");
        Assert.Contains("Hva fungerte godt i rollen i fjor", await (await scenario.Http.GetAsync(link)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await scenario.AdvanceAsync(new DateTimeOffset(2027, 2, 23, 1, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());

        var done = await scenario.Durable.GetInstanceAsync("ahus-yearly-evaluation-2027", getInputsAndOutputs: true);
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Contains("\"answered\":0", done.SerializedCustomStatus, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.NewMail(), m => m.Subject!.StartsWith("Utkast til årsrapport", StringComparison.Ordinal));
    }
}
