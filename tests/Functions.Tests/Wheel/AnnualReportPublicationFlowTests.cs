using System.Net;
using System.Text;
using Workflows.Functions.Tests.Support;

namespace Workflows.Functions.Tests.Wheel;

/// <summary>Innlandet's annual report for 2025, published on the last Monday of March 2026.</summary>
public sealed class AnnualReportPublicationFlowTests
{
    [Fact]
    public async Task The_report_is_uploaded_approved_by_the_working_group_published_openly_archived_and_sent_to_leaders_and_municipalities()
    {
        await using var scenario = new NetworkScenario();
        await scenario.AddActiveNurseAsync("innlandet", "hamar-hjemmesykepleie", "Hanne Hamar", "hanne@hamar.example");
        scenario.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 5, 0, 0, TimeSpan.Zero));
        await scenario.Http.PostAsync("/api/wheel/tick", null);
        await scenario.IdleAsync();

        var request = NetworkScenario.To(scenario.NewMail(), "nettverksleder@innlandet.example", "Last opp årsrapporten for 2025");
        var report = Encoding.ASCII.GetBytes("%PDF-1.7 årsrapport 2025");
        var upload = new MultipartFormDataContent { { new ByteArrayContent(report), "file", "Årsrapport 2025.pdf" } };
        Assert.Equal(HttpStatusCode.OK, (await scenario.Http.PostAsync(NetworkScenario.LinkIn(request, "upload"), upload)).StatusCode);
        await scenario.IdleAsync();

        var mail = scenario.NewMail();
        var leaderLink = NetworkScenario.LinkIn(NetworkScenario.To(mail, "nettverksleder@innlandet.example", "Godkjenn årsrapporten for 2025"), "approve");
        var memberAsk = NetworkScenario.To(mail, "arbeidsgruppe@innlandet.example", "Godkjenn årsrapporten for 2025");
        Assert.Equal("arsrapport-2025.pdf", Assert.Single(memberAsk.Attachments).ContentDisposition?.FileName);
        var memberLink = NetworkScenario.LinkIn(memberAsk, "approve");
        var approval = await (await scenario.Http.GetAsync(memberLink)).Content.ReadAsStringAsync();
        Assert.Contains("Godkjenn for arbeidsgruppen", approval, StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(approval);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Factory.CreateClient().GetAsync("/reports/innlandet/2025")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await scenario.Http.PostAsync(memberLink, null)).StatusCode);
        await scenario.IdleAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.Http.PostAsync(memberLink, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await scenario.Http.PostAsync(leaderLink, null)).StatusCode);
        Assert.DoesNotContain(scenario.NewMail(), m => m.Subject == "Årsrapport 2025");

        await scenario.AdvanceAsync(new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero) - scenario.Clock.GetUtcNow());
        mail = scenario.NewMail();
        var toLeader = NetworkScenario.To(mail, "hamar-hjemmesykepleie.leder@innlandet.example", "Årsrapport 2025");
        Assert.Contains("http://localhost:7071/reports/innlandet/2025", toLeader.TextBody, StringComparison.Ordinal);
        NetworkScenario.To(mail, "postmottak@hamar.kommune.example", "Årsrapport 2025");
        NetworkScenario.To(mail, "postmottak@lillehammer.kommune.example", "Årsrapport 2025");

        using var anyone = scenario.Factory.CreateClient();
        var published = await anyone.GetAsync("/reports/innlandet/2025");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("application/pdf", published.Content.Headers.ContentType?.MediaType);
        Assert.Equal(report, await published.Content.ReadAsByteArrayAsync());
        var archived = await scenario.Documents.GetAsync("innlandet/archive/arsrapport-2025.pdf");
        Assert.True(archived!.Value.Document.Immutable);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/reports/innlandet/2019")).StatusCode);
        var done = await scenario.Durable.GetInstanceAsync("innlandet-annual-report-2026", getInputsAndOutputs: true);
        Assert.Contains("\"phase\":\"Done\"", done!.SerializedCustomStatus, StringComparison.Ordinal);
    }
}
