using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Workflows.Courses;
using Workflows.Functions.Tests.Support;
using Workflows.Network;
using Workflows.Onboarding;

namespace Workflows.Functions.Tests.Network;

public sealed class OnboardingFlowTests
{
    [Fact]
    public async Task A_nurse_is_onboarded_with_all_three_signatures_and_the_signed_PDF_is_archived()
    {
        await using var scenario = new NetworkScenario();
        var nurseId = await scenario.RegisterNurseAsync("lorenskog-sykehjem", "Kari Nordmann", "kari@lorenskog.example");

        var mail = scenario.NewMail();
        var welcome = NetworkScenario.To(mail, "kari@lorenskog.example", "Velkommen som ressurssykepleier");
        Assert.Contains(welcome.Cc.Mailboxes, b => b.Address == "lorenskog-sykehjem.leder@ahus.example");
        Assert.Equal(["velkomstbrev.pdf", "funksjonsbeskrivelse-20260302T080000.pdf"], welcome.Attachments.Select(a => a.ContentDisposition?.FileName));
        Assert.Contains("https://www.ahus.example/palliasjon/strategi", welcome.TextBody, StringComparison.Ordinal);
        var nurseLink = NetworkScenario.LinkIn(NetworkScenario.To(mail, "kari@lorenskog.example", "Signer funksjonsbeskrivelsen"), "sign");

        var status = await OnboardingStatusAsync(scenario, nurseId);
        Assert.Equal(OnboardingPhase.AwaitingSignature, status.Phase);
        Assert.Equal(Workflows.Signing.SignerRole.Nurse, status.WaitingFor);

        var page = await (await scenario.Http.GetAsync(nurseLink)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"nb\">", page, StringComparison.Ordinal);
        Assert.Contains("Vi har gjort oss kjent med retningslinjen", page, StringComparison.Ordinal);
        Assert.Contains("Jeg bekrefter og signerer", page, StringComparison.Ordinal);

        var signed = await scenario.SignAsync(nurseLink, forwardedFor: "[2001:db8::7]:51234");
        Assert.Contains("Signaturen din er registrert", await signed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var reused = await scenario.Http.PostAsync(nurseLink, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Contains("allerede brukt", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var forged = await scenario.Http.GetAsync(nurseLink[..^3] + "abc");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        mail = scenario.NewMail();
        var leaderLink = NetworkScenario.LinkIn(NetworkScenario.To(mail, "lorenskog-sykehjem.leder@ahus.example", "Signer funksjonsbeskrivelsen"), "sign");
        await scenario.SignAsync(leaderLink);
        mail = scenario.NewMail();
        var networkLeaderLink = NetworkScenario.LinkIn(NetworkScenario.To(mail, "nettverksleder@ahus.example", "Signer funksjonsbeskrivelsen"), "sign");
        await scenario.SignAsync(networkLeaderLink);

        var done = await scenario.Durable.WaitForInstanceCompletionAsync(OnboardingOrchestration.InstanceIdFor(nurseId), getInputsAndOutputs: true);
        var outcome = done.ReadOutputAs<OnboardingOutcome>()!;
        Assert.True(outcome.Completed);
        Assert.Equal($"ahus/nurses/{nurseId}/funksjonsbeskrivelse-signert.pdf", outcome.SignedDocumentKey);

        var archived = await scenario.Documents.GetAsync(outcome.SignedDocumentKey!);
        Assert.NotNull(archived);
        Assert.True(archived.Value.Document.Immutable);
        var unsigned = await scenario.Documents.GetAsync($"ahus/nurses/{nurseId}/funksjonsbeskrivelse-20260302T080000.pdf");
        using (var pdf = PdfDocument.Open(archived.Value.Content))
        {
            var signaturePage = string.Join(' ', pdf.GetPage(pdf.NumberOfPages).GetWords().Select(w => w.Text));
            Assert.Contains("Signaturside", signaturePage, StringComparison.Ordinal);
            Assert.Contains("Kari Nordmann", signaturePage, StringComparison.Ordinal);
            Assert.Contains("Avdelingsleder Lørenskog", signaturePage, StringComparison.Ordinal);
            Assert.Contains("Nettverksleder Ahus", signaturePage, StringComparison.Ordinal);
            Assert.Contains("Mozilla/5.0", signaturePage, StringComparison.Ordinal);
            Assert.Contains("2001:db8::7", signaturePage, StringComparison.Ordinal);
            Assert.Contains(unsigned!.Value.Document.Sha256[..16], signaturePage.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }

        mail = scenario.NewMail();
        var copy = NetworkScenario.To(mail, "kari@lorenskog.example", "er signert");
        Assert.Equal("funksjonsbeskrivelse-signert.pdf", Assert.Single(copy.Attachments).ContentDisposition?.FileName);
        var enrolment = NetworkScenario.To(mail, "kari@lorenskog.example", "Du er meldt på introduksjonskurset og grunnkurs i palliasjon");
        // The dates come from Ahus' calendar: the intro course on the first Thursday of December, the basic course after it.
        Assert.Contains("introduksjonskurset for nye ressurssykepleiere, 3. desember 2026", enrolment.TextBody, StringComparison.Ordinal);
        Assert.Contains("grunnkurs i palliasjon (19. januar 2027)", enrolment.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://www.ahus.example/palliasjon/e-laering", enrolment.TextBody, StringComparison.Ordinal);

        var nurse = await scenario.Http.GetFromJsonAsync<ResourceNurse>($"/api/nurses/{nurseId}");
        Assert.Equal(NurseStatus.Active, nurse!.Status);
        Assert.Equal(outcome.SignedDocumentKey, nurse.SignedFunctionDescriptionKey);
        Assert.NotNull(await scenario.Registry.FindAsync<CourseEnrolment>(CourseEnrolment.IdFor(nurseId, CourseKind.IntroCourse, 2026)));
        Assert.NotNull(await scenario.Registry.FindAsync<CourseEnrolment>(CourseEnrolment.IdFor(nurseId, CourseKind.BasicCourse, 2027)));
        var final = await OnboardingStatusAsync(scenario, nurseId);
        Assert.Equal(OnboardingPhase.Completed, final.Phase);

        // The yearly work-plan reminder: four weeks after onboarding, then every year.
        var plan = await scenario.Durable.GetInstanceAsync(Workflows.WorkPlan.WorkPlanReminders.InstanceIdFor(nurseId), getInputsAndOutputs: true);
        Assert.True(plan is { IsRunning: true }, $"{plan?.RuntimeStatus} {plan?.FailureDetails?.ErrorMessage} {plan?.SerializedCustomStatus}");
        await scenario.AdvanceAsync(TimeSpan.FromDays(29));
        var reminder = NetworkScenario.To(scenario.NewMail(), "kari@lorenskog.example", "Tid for årlig møte om arbeidsplanen");
        Assert.Contains(reminder.To.Mailboxes, b => b.Address == "lorenskog-sykehjem.leder@ahus.example");
        await scenario.AdvanceAsync(TimeSpan.FromDays(366));
        NetworkScenario.To(scenario.NewMail(), "kari@lorenskog.example", "Tid for årlig møte om arbeidsplanen");
    }

    [Fact]
    public async Task A_signing_link_opened_the_moment_its_email_is_sent_is_the_current_one()
    {
        var opened = new System.Collections.Concurrent.ConcurrentQueue<Workflows.Signing.LinkOutcome>();
        await using var scenario = new NetworkScenario(services: services =>
        {
            // Each signing email's link is opened while the email is being sent, before the orchestration's next turn.
            var original = services.Last(d => d.ServiceType == typeof(Workflows.Email.IEmailSender));
            services.Remove(original);
            services.AddSingleton<Workflows.Email.IEmailSender>(sp => new OpeningSender(
                (Workflows.Email.IEmailSender)original.ImplementationFactory!(sp), sp.GetRequiredService<Workflows.Signing.SigningDesk>(), opened));
        });

        await scenario.RegisterNurseAsync("lorenskog-sykehjem", "Kari Nordmann", "kari@lorenskog.example");
        await scenario.Factory.IdleAsync();

        Assert.Equal([Workflows.Signing.LinkOutcome.Ready], opened);
    }

    private sealed class OpeningSender(Workflows.Email.IEmailSender inner, Workflows.Signing.SigningDesk desk, System.Collections.Concurrent.ConcurrentQueue<Workflows.Signing.LinkOutcome> opened)
        : Workflows.Email.IEmailSender
    {
        public async Task SendAsync(Workflows.Email.EmailMessage message, CancellationToken cancellation = default)
        {
            var link = System.Text.RegularExpressions.Regex.Match(message.TextBody, @"/sign/([A-Za-z0-9_\-.]+)");
            if (link.Success)
            {
                opened.Enqueue((await desk.OpenAsync(link.Groups[1].Value, cancellation)).Outcome);
            }

            await inner.SendAsync(message, cancellation);
        }
    }

    [Fact]
    public async Task A_signing_nobody_finishes_is_reminded_weekly_escalated_after_three_reminders_and_expires_after_60_days()
    {
        await using var scenario = new NetworkScenario();
        var nurseId = await scenario.RegisterNurseAsync("ralingen-kommune", "Per Hansen", "per@ralingen.example", furtherEducation: true);
        var first = NetworkScenario.LinkIn(NetworkScenario.To(scenario.NewMail(), "per@ralingen.example", "Signer funksjonsbeskrivelsen"), "sign");

        await scenario.AdvanceAsync(TimeSpan.FromDays(7));
        var reminder = NetworkScenario.To(scenario.NewMail(), "per@ralingen.example", "Påminnelse: Signer funksjonsbeskrivelsen");
        Assert.Equal(first, NetworkScenario.LinkIn(reminder, "sign"));
        Assert.Equal(1, (await OnboardingStatusAsync(scenario, nurseId)).Reminders);

        await scenario.AdvanceAsync(TimeSpan.FromDays(14));
        var mail = scenario.NewMail();
        Assert.Equal(2, mail.Count(m => m.Subject?.StartsWith("Påminnelse:", StringComparison.Ordinal) == true));
        Assert.Contains(mail, m => m.TextBody?.Contains("påminnelse nr. 3", StringComparison.Ordinal) == true);
        var escalation = NetworkScenario.To(mail, "nettverksleder@ahus.example", "Signering står stille");
        Assert.Contains("Per Hansen", escalation.TextBody, StringComparison.Ordinal);

        await scenario.AdvanceAsync(TimeSpan.FromDays(40));
        mail = scenario.NewMail();
        NetworkScenario.To(mail, "nettverksleder@ahus.example", "Signeringsfristen er ute");
        var done = await scenario.Durable.WaitForInstanceCompletionAsync(OnboardingOrchestration.InstanceIdFor(nurseId), getInputsAndOutputs: true);
        Assert.False(done.ReadOutputAs<OnboardingOutcome>()!.Completed);
        Assert.Equal(OnboardingPhase.SigningExpired, done.ReadCustomStatusAs<OnboardingStatus>()!.Phase);
        Assert.Equal(NurseStatus.SigningExpired, (await scenario.Registry.GetAsync<ResourceNurse>(nurseId)).Entity.Status);
        Assert.Equal(HttpStatusCode.Gone, (await scenario.Http.GetAsync(first)).StatusCode);
        Assert.Null(await scenario.Documents.GetAsync($"ahus/nurses/{nurseId}/funksjonsbeskrivelse-signert.pdf"));

        // The operator can start again; the nurse is back to onboarding with a fresh link.
        var restart = await scenario.Http.PostAsync($"/api/nurses/{nurseId}/onboarding", null);
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        await scenario.IdleAsync();
        Assert.Equal(NurseStatus.Onboarding, (await scenario.Registry.GetAsync<ResourceNurse>(nurseId)).Entity.Status);
        Assert.NotEqual(first, NetworkScenario.LinkIn(NetworkScenario.To(scenario.NewMail(), "per@ralingen.example", "Signer funksjonsbeskrivelsen"), "sign"));
    }

    [Fact]
    public async Task A_Forde_nurse_gets_everything_in_Nynorsk()
    {
        await using var scenario = new NetworkScenario();
        var nurseId = await scenario.RegisterNurseAsync("sogndal-heimesjukepleie", "Ingrid Vik", "ingrid@sogndal.example");

        var mail = scenario.NewMail();
        var welcome = NetworkScenario.To(mail, "ingrid@sogndal.example", "Velkomen som ressurssjukepleiar");
        Assert.Contains("nærmaste leiaren din", welcome.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"nn\"", welcome.HtmlBody, StringComparison.Ordinal);
        var link = NetworkScenario.LinkIn(NetworkScenario.To(mail, "ingrid@sogndal.example", "Signer funksjonsskildringa"), "sign");
        var page = await (await scenario.Http.GetAsync(link)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"nn\">", page, StringComparison.Ordinal);
        Assert.Contains("Eg stadfestar og signerer", page, StringComparison.Ordinal);

        var description = await scenario.Documents.GetAsync($"helse-forde/nurses/{nurseId}/funksjonsbeskrivelse-20260302T080000.pdf");
        using var pdf = PdfDocument.Open(description!.Value.Content);
        var text = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Ressurssjukepleiaren forpliktar seg til å", text, StringComparison.Ordinal);
        Assert.Contains("Nærmaste leiar", text, StringComparison.Ordinal);
    }

    private static async Task<OnboardingStatus> OnboardingStatusAsync(NetworkScenario scenario, string nurseId)
    {
        var instance = await scenario.Durable.GetInstanceAsync(OnboardingOrchestration.InstanceIdFor(nurseId), getInputsAndOutputs: true);
        return instance!.ReadCustomStatusAs<OnboardingStatus>()!;
    }
}
