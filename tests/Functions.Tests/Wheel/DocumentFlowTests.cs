using System.Net;
using System.Net.Http.Json;
using System.Text;
using Workflows.Functions.Tests.Support;

namespace Workflows.Functions.Tests.Wheel;

/// <summary>The wheel events that end in a document for the network: the strategy revision's action plan and a newsletter.</summary>
public sealed class DocumentFlowTests
{
    [Fact]
    public async Task Ahus_strategy_revision_invites_the_working_group_with_the_agenda_then_shares_the_revised_action_plan()
    {
        await using var scenario = new NetworkScenario();
        await scenario.AddActiveNurseAsync("ahus", "lorenskog-sykehjem", "Kari Nordmann", "kari@lorenskog.example");

        // 15 December 2026 is four weeks before the second Tuesday of January 2027.
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 7, 0, 0, TimeSpan.Zero));
        await scenario.Http.PostAsync("/api/wheel/tick", null);
        await scenario.IdleAsync();
        var invitation = NetworkScenario.To(scenario.NewMail(), "arbeidsgruppe1@ahus.example", "Invitasjon: Arbeidsgruppemøte om strategi og handlingsplan 12. januar 2027");
        Assert.Contains("- Gjennomgang av årsrapporten", invitation.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Evaluering av fjorårets handlingsplan", invitation.TextBody, StringComparison.Ordinal);
        Assert.Contains("introduksjonskurs, grunnkurs og fagdag", invitation.TextBody, StringComparison.Ordinal);

        await scenario.AdvanceAsync(new DateTimeOffset(2027, 1, 12, 15, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
        var request = NetworkScenario.To(scenario.NewMail(), "nettverksleder@ahus.example", "Last opp den reviderte handlingsplanen for 2027");
        Assert.Contains("innen 2. februar 2027", request.TextBody, StringComparison.Ordinal);
        await scenario.AdvanceAsync(TimeSpan.FromDays(7));
        var reminder = NetworkScenario.To(scenario.NewMail(), "nettverksleder@ahus.example", "Påminnelse: Last opp den reviderte handlingsplanen");
        Assert.Equal(NetworkScenario.LinkIn(request, "upload"), NetworkScenario.LinkIn(reminder, "upload"));

        var link = NetworkScenario.LinkIn(reminder, "upload");
        Assert.Contains("den reviderte handlingsplanen for 2027", await (await scenario.Http.GetAsync(link)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("PK handlingsplan")), "file", "Handlingsplan 2027.docx" } };
        Assert.Equal(HttpStatusCode.OK, (await scenario.Http.PostAsync(link, upload)).StatusCode);
        await scenario.IdleAsync();

        var mail = scenario.NewMail();
        var plan = NetworkScenario.To(mail, "kari@lorenskog.example", "Handlingsplan for 2027");
        Assert.Equal("action-plan-strategy-revision-2027.docx", Assert.Single(plan.Attachments).ContentDisposition?.FileName);
        NetworkScenario.To(mail, "lorenskog-sykehjem.leder@ahus.example", "Handlingsplan for 2027");
        var done = await scenario.Durable.GetInstanceAsync("ahus-strategy-revision-2027", getInputsAndOutputs: true);
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
    }

    [Fact]
    public async Task A_newsletter_nobody_uploads_is_asked_for_weekly_and_ends_as_missing_on_its_day()
    {
        await using var scenario = new NetworkScenario();
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 20, 7, 0, 0, TimeSpan.Zero));

        await scenario.Http.PostAsync("/api/wheel/tick", null);
        await scenario.IdleAsync();
        NetworkScenario.To(scenario.NewMail(), "nettverksleiar@helse-forde.example", "Last opp nyhendebrevet (Nyhendebrev våren)");
        await scenario.AdvanceAsync(TimeSpan.FromDays(15));

        Assert.Equal(2, scenario.NewMail().Count(m => m.Subject!.StartsWith("Påminning: Last opp nyhendebrevet", StringComparison.Ordinal)));
        var status = await scenario.Durable.GetInstanceAsync("helse-forde-newsletter-spring-2026", getInputsAndOutputs: true);
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, status!.RuntimeStatus);
        Assert.Contains("\"phase\":\"DocumentMissing\"", status.SerializedCustomStatus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operator_can_write_a_newsletter_instead_of_uploading_it_and_it_goes_to_nurses_and_leaders_as_a_pdf()
    {
        await using var scenario = new NetworkScenario();
        await scenario.AddActiveNurseAsync("helse-forde", "sogndal-heimesjukepleie", "Siri Sogndal", "siri@sogndal.example");
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 20, 7, 0, 0, TimeSpan.Zero));
        await scenario.Http.PostAsync("/api/wheel/tick", null);
        await scenario.IdleAsync();
        var link = NetworkScenario.LinkIn(NetworkScenario.To(scenario.NewMail(), "nettverksleiar@helse-forde.example", "Last opp nyhendebrevet"), "upload");
        const string route = "/api/wheel/helse-forde-newsletter-spring-2026/newsletter";

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await scenario.Http.PostAsJsonAsync(route, new { text = "  " })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Http.PostAsJsonAsync("/api/wheel/nowhere-2026/newsletter", new { text = "Hei" })).StatusCode);
        var written = await scenario.Http.PostAsJsonAsync(route, new { text = "Velkomen til våren i nettverket.\n\nFagdagen i oktober handlar om nevrologiske sjukdomar." });
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        await scenario.IdleAsync();

        var mail = scenario.NewMail();
        var letter = NetworkScenario.To(mail, "siri@sogndal.example", "Nyhendebrev våren");
        NetworkScenario.To(mail, "sogndal-heimesjukepleie.leder@helse-forde.example", "Nyhendebrev våren");
        using var bytes = new MemoryStream();
        ((MimeKit.MimePart)Assert.Single(letter.Attachments)).Content!.DecodeTo(bytes);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes.ToArray()))
        {
            Assert.Contains("Fagdagen i oktober", string.Join(' ', pdf.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await scenario.Http.PostAsJsonAsync(route, new { text = "Ein gong til" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.Http.GetAsync(link)).StatusCode);
    }
}
