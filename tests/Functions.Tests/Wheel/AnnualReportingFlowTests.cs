using System.Net;
using UglyToad.PdfPig;
using Workflows.Functions.Tests.Support;

namespace Workflows.Functions.Tests.Wheel;

/// <summary>Helse Førde's annual reporting 2026: questionnaires out, answers in, reminders to the rest, closed, drafted.</summary>
public sealed class AnnualReportingFlowTests
{
    private const string Instance = "helse-forde-annual-reporting-2026";

    [Fact]
    public async Task Nurses_and_leaders_answer_the_rest_are_reminded_and_the_working_group_gets_a_draft_with_rates_by_area()
    {
        await using var scenario = new NetworkScenario();
        await scenario.AddActiveNurseAsync("helse-forde", "sogndal-heimesjukepleie", "Siri Sogndal", "siri@sogndal.example");
        await scenario.AddActiveNurseAsync("helse-forde", "kinn-sjukeheim", "Kari Kinn", "kari@kinn.example");
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 12, 4, 0, 0, TimeSpan.Zero));

        await scenario.Http.PostAsync("/api/wheel/tick", null);
        await scenario.IdleAsync();
        var mail = scenario.NewMail();
        var siri = NetworkScenario.To(mail, "siri@sogndal.example", "Årleg rapportering frå ressurssjukepleiar og nærmaste leiar");
        Assert.Contains("innan 9. november 2026", siri.TextBody, StringComparison.Ordinal);
        var leader = NetworkScenario.To(mail, "sogndal-heimesjukepleie.leder@helse-forde.example", "Årleg rapportering frå ressurssjukepleiar og nærmaste leiar – om ressurssjukepleiaren din");
        Assert.Contains("for ressurssjukepleiar Siri Sogndal", leader.TextBody, StringComparison.Ordinal);
        NetworkScenario.To(mail, "kari@kinn.example", "Årleg rapportering");
        var siriLink = NetworkScenario.LinkIn(siri, "answer");

        var form = await (await scenario.Http.GetAsync(siriLink)).Content.ReadAsStringAsync();
        Assert.Contains("Har du hatt det årlege møtet med leiaren din om arbeidsplanen?", form, StringComparison.Ordinal);
        var incomplete = await scenario.Http.PostAsync(siriLink, Form(("work-plan-meeting", "kanskje"), ("teaching", "mange")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var faults = await incomplete.Content.ReadAsStringAsync();
        Assert.Contains("Vel ja eller nei.", faults, StringComparison.Ordinal);
        Assert.Contains("Skriv eit heilt tal frå 0 til 1000.", faults, StringComparison.Ordinal);
        Assert.Contains("Svar på dette spørsmålet.", faults, StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(form, faults);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Http.PostAsync(siriLink, Form(("work-plan-meeting", "yes"), ("teaching", "4"), ("gatherings", "2"), ("wishes", "Meir om førehandssamtalar")))).StatusCode);
        var leaderLink = NetworkScenario.LinkIn(leader, "answer");
        Assert.Contains("Spørsmåla gjeld ressurssjukepleiar Siri Sogndal.", await (await scenario.Http.GetAsync(leaderLink)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Http.PostAsync(leaderLink, Form(("work-plan-meeting", "yes"), ("time-for-role", "no")))).StatusCode);

        await scenario.AdvanceAsync(new DateTimeOffset(2026, 10, 19, 7, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
        mail = scenario.NewMail();
        NetworkScenario.To(mail, "kari@kinn.example", "Påminning: Årleg rapportering");
        NetworkScenario.To(mail, "kinn-sjukeheim.leder@helse-forde.example", "Påminning: Årleg rapportering");
        Assert.DoesNotContain(mail, m => m.Subject!.Contains("rapportering", StringComparison.Ordinal) && m.To.Mailboxes.Any(b => b.Address is "siri@sogndal.example" or "sogndal-heimesjukepleie.leder@helse-forde.example"));
        await scenario.AdvanceAsync(TimeSpan.FromDays(7));
        Assert.Equal(2, scenario.NewMail().Count(m => m.Subject!.StartsWith("Påminning: Årleg rapportering", StringComparison.Ordinal)));

        await scenario.AdvanceAsync(new DateTimeOffset(2026, 11, 10, 1, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Gone, (await scenario.Http.GetAsync(siriLink)).StatusCode);
        var draft = NetworkScenario.To(scenario.NewMail(), "nettverksleiar@helse-forde.example", "Utkast til årsrapport 2026");
        Assert.Contains("2 av 4 svarte (50 %)", draft.TextBody, StringComparison.Ordinal);
        using var bytes = new MemoryStream();
        ((MimeKit.MimePart)Assert.Single(draft.Attachments)).Content!.DecodeTo(bytes);
        using (var pdf = PdfDocument.Open(bytes.ToArray()))
        {
            var text = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Utkast til årsrapport 2026", text, StringComparison.Ordinal);
            Assert.Contains("2 / 4 (50 %)", text, StringComparison.Ordinal);
            Assert.Contains("Sogn 100 %", text, StringComparison.Ordinal);
            Assert.Contains("Sunnfjord/Kinn/Ytre Sogn 0 %", text, StringComparison.Ordinal);
        }

        var done = await scenario.Durable.GetInstanceAsync(Instance, getInputsAndOutputs: true);
        Assert.Contains("\"answered\":2", done!.SerializedCustomStatus, StringComparison.Ordinal);
        Assert.NotNull(await scenario.Documents.GetAsync("helse-forde/arshjul/2026/annual-reporting/arsrapport-utkast-2026.pdf"));
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
