using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflows.Functions.Tests.Support;

namespace Workflows.Functions.Tests.Network;

/// <summary>The waiting list through the API and "send reminder now": one reminder per press, the schedule kept.</summary>
public sealed class WaitingOnPeopleTests
{
    [Fact]
    public async Task A_pending_signature_and_an_open_replacement_request_are_listed_and_reminded_now_once_per_press()
    {
        await using var scenario = new NetworkScenario();
        var newcomer = await scenario.RegisterNurseAsync("lorenskog-sykehjem", "Kari Nordmann", "kari@lorenskog.example");
        var leaving = await scenario.AddActiveNurseAsync("ahus", "lorenskog-sykehjem", "Per Hansen", "per@lorenskog.example");
        Assert.Equal(HttpStatusCode.Accepted, (await scenario.Http.PostAsJsonAsync($"/api/nurses/{leaving}/resignation", new { endDate = "2026-04-30" })).StatusCode);
        await scenario.IdleAsync();
        scenario.NewMail();

        var waiting = await WaitingAsync(scenario);
        var signature = Assert.Single(waiting.GetProperty("signatures").EnumerateArray());
        Assert.Equal("Nurse", signature.GetProperty("waitingFor").GetString());
        Assert.Equal("kari@lorenskog.example", signature.GetProperty("signer").GetProperty("email").GetString());
        Assert.Equal(0, signature.GetProperty("reminders").GetInt32());
        var replacement = Assert.Single(waiting.GetProperty("replacements").EnumerateArray());
        Assert.Equal("Per Hansen", replacement.GetProperty("nurse").GetProperty("name").GetString());

        var onboarding = $"/api/waiting/onboarding-{newcomer}/remind";
        Assert.Equal(HttpStatusCode.Accepted, (await scenario.Http.PostAsJsonAsync(onboarding, new { remindersSeen = 0 })).StatusCode);
        await scenario.IdleAsync();
        var twice = await scenario.Http.PostAsJsonAsync(onboarding, new { remindersSeen = 0 });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType?.MediaType);
        await scenario.IdleAsync();
        var reminder = NetworkScenario.To(scenario.NewMail(), "kari@lorenskog.example", "Påminnelse: Signer funksjonsbeskrivelsen");
        Assert.Contains("/sign/", reminder.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single((await WaitingAsync(scenario)).GetProperty("signatures").EnumerateArray()).GetProperty("reminders").GetInt32());

        Assert.Equal(HttpStatusCode.Accepted, (await scenario.Http.PostAsJsonAsync($"/api/waiting/resignation-{leaving}/remind", new { remindersSeen = 0 })).StatusCode);
        await scenario.IdleAsync();
        NetworkScenario.To(scenario.NewMail(), "lorenskog-sykehjem.leder@ahus.example", "Påminnelse: Ny ressurssykepleier");

        // The weekly reminder still comes, a week after the one sent by hand.
        await scenario.AdvanceAsync(TimeSpan.FromDays(7));
        NetworkScenario.To(scenario.NewMail(), "kari@lorenskog.example", "Påminnelse: Signer funksjonsbeskrivelsen");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await scenario.Http.PostAsJsonAsync(onboarding, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Http.PostAsJsonAsync("/api/waiting/onboarding-nobody/remind", new { remindersSeen = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Http.GetAsync("/api/networks/nowhere/waiting")).StatusCode);
    }

    [Fact]
    public async Task Those_who_have_not_answered_the_annual_reporting_are_listed_and_reminded_now_and_the_answered_are_not()
    {
        await using var scenario = new NetworkScenario();
        await scenario.AddActiveNurseAsync("helse-forde", "sogndal-heimesjukepleie", "Siri Sogndal", "siri@sogndal.example");
        await scenario.AddActiveNurseAsync("helse-forde", "kinn-sjukeheim", "Kari Kinn", "kari@kinn.example");
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 12, 4, 0, 0, TimeSpan.Zero));
        await scenario.Http.PostAsync("/api/wheel/tick", null);
        await scenario.IdleAsync();
        var siri = NetworkScenario.LinkIn(NetworkScenario.To(scenario.NewMail(), "siri@sogndal.example", "Årleg rapportering"), "answer");
        var answers = new Dictionary<string, string> { ["work-plan-meeting"] = "yes", ["teaching"] = "4", ["gatherings"] = "2", ["wishes"] = string.Empty };
        Assert.Equal(HttpStatusCode.OK, (await scenario.Http.PostAsync(siri, new FormUrlEncodedContent(answers))).StatusCode);

        var questionnaire = Assert.Single((await WaitingAsync(scenario, "helse-forde")).GetProperty("questionnaires").EnumerateArray());
        Assert.Equal(4, questionnaire.GetProperty("expected").GetInt32());
        Assert.Equal(1, questionnaire.GetProperty("answered").GetInt32());
        Assert.DoesNotContain(questionnaire.GetProperty("unanswered").EnumerateArray(), q => q.GetProperty("person").GetProperty("email").GetString() == "siri@sogndal.example");

        // The dashboard's page folds those who have not answered by area.
        var dashboard = await DashboardSession.SignInAsync(scenario.Http, HostFactory.Key);
        var page = await dashboard.PageAsync("/dashboard/networks/helse-forde/waiting");
        Assert.Contains("1 av 4 har svart.", page, StringComparison.Ordinal);
        Assert.Contains("<summary>Sogn: 1</summary>", page, StringComparison.Ordinal);
        Assert.Contains("sogndal-heimesjukepleie.leder@helse-forde.example", page, StringComparison.Ordinal);
        Assert.DoesNotContain("siri@sogndal.example", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Accepted, (await scenario.Http.PostAsJsonAsync("/api/waiting/helse-forde-annual-reporting-2026/remind", new { remindersSeen = 0 })).StatusCode);
        await scenario.IdleAsync();
        var reminders = scenario.NewMail().Where(m => m.Subject!.StartsWith("Påminning: Årleg rapportering", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, reminders.Count);
        Assert.DoesNotContain(reminders, m => m.To.Mailboxes.Any(b => b.Address == "siri@sogndal.example"));

        // The scheduled reminder of day 7 still goes, as the second.
        await scenario.AdvanceAsync(new DateTimeOffset(2026, 10, 19, 7, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
        Assert.Equal(3, scenario.NewMail().Count(m => m.Subject!.StartsWith("Påminning: Årleg rapportering", StringComparison.Ordinal)));
        Assert.Equal(2, Assert.Single((await WaitingAsync(scenario, "helse-forde")).GetProperty("questionnaires").EnumerateArray()).GetProperty("reminders").GetInt32());
    }

    private static async Task<JsonElement> WaitingAsync(NetworkScenario scenario, string networkId = "ahus") =>
        await scenario.Http.GetFromJsonAsync<JsonElement>($"/api/networks/{networkId}/waiting");
}
