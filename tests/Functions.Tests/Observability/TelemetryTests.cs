using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Functions.Tests.Support;
using Workflows.Onboarding;
using Workflows.Waiting;

namespace Workflows.Functions.Tests.Observability;

/// <summary>
/// What the app sends to Application Insights or a collector, exported to memory: one onboarding is one trace from its
/// HTTP request through each activity, the operator's metrics are emitted, and nothing personal leaves the process.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests
{
    private const string Unit = "lorenskog-sykehjem";
    private const string Leader = "lorenskog-sykehjem.leder@ahus.example";

    [Fact]
    public async Task One_onboarding_is_one_trace_from_its_http_request_through_each_activity_and_is_counted()
    {
        var capture = new TelemetryCapture();
        await using var scenario = new NetworkScenario(TelemetryCapture.Settings, capture.AddTo);

        var nurseId = await scenario.RegisterNurseAsync(Unit, "Kari Nordmann", "kari@lorenskog.example");
        var backlog = await scenario.Factory.Services.GetRequiredService<SigningBacklogCount>().CountAsync();
        await SignAllAsync(scenario);

        var spans = capture.Spans;
        var request = Assert.Single(spans, s => s.Kind == ActivityKind.Server && Tag(s, "http.request.method") == "POST" && Tag(s, "http.route")?.TrimEnd('/') == "/api/nurses");
        var trace = spans.Where(s => s.TraceId == request.TraceId).ToList();
        var created = Assert.Single(trace, s => s.DisplayName == $"create_orchestration:{OnboardingOrchestration.Name}");
        Assert.Equal(request.SpanId, created.ParentSpanId);
        var turns = trace.Where(s => s.DisplayName == $"orchestration:{OnboardingOrchestration.Name}").ToList();
        Assert.True(turns.Count >= 4, $"{turns.Count} orchestration turns in the trace");
        Assert.All(turns, turn =>
        {
            Assert.Equal(created.SpanId, turn.ParentSpanId);
            Assert.Equal(OnboardingOrchestration.InstanceIdFor(nurseId), Tag(turn, "durabletask.task.instance_id"));
        });
        foreach (var (step, times) in new[] { ("PrepareOnboardingDocuments", 1), ("SendWelcome", 1), ("RequestSignature", 3), ("FileSignedFunctionDescription", 1), ("EnrolInCourses", 1), ("StartWorkPlanReminders", 1) })
        {
            var activities = trace.Where(s => s.DisplayName == $"activity:{step}").ToList();
            Assert.True(activities.Count == times, $"{activities.Count} spans of activity:{step}, expected {times}");
            Assert.All(activities, a => Assert.Contains(turns, t => t.SpanId == a.ParentSpanId));
        }

        // The operator's metrics: signatures waiting (counted while Kari's was), emails, documents.
        Assert.Equal(1, backlog.Waiting[Signing.SignerRole.Nurse].Count);
        Assert.True(capture.Value(scenario.Factory.Services, "workflows.signatures.waiting", ("waiting_for", "Nurse")) >= 0);
        Assert.True(capture.Value(scenario.Factory.Services, "workflows.emails.sent", ("provider", "Outbox")) >= 6);
        Assert.True(capture.Value(scenario.Factory.Services, "workflows.documents.filed", ("immutable", "True")) >= 2);
        Assert.True(capture.Value(scenario.Factory.Services, "workflows.documents.filed", ("immutable", "False")) >= 1);
    }

    [Fact]
    public async Task Ticks_started_events_and_failed_orchestrations_are_counted()
    {
        var capture = new TelemetryCapture();
        await using var scenario = new NetworkScenario(TelemetryCapture.Settings, services =>
        {
            capture.AddTo(services);
            services.Configure<DurableTaskRegistry>(Microsoft.Extensions.Options.Options.DefaultName, (DurableTaskRegistry r) => r
                .AddOrchestratorFunc<string?, string>("FailsOnPurpose", (_, _) => Task.FromException<string>(new InvalidOperationException("fails on purpose"))));
        });

        var tick = await (await scenario.Http.PostAsync("/api/wheel/tick", null)).Content.ReadFromJsonAsync<JsonElement>();
        var started = tick.GetProperty("started").GetArrayLength();
        Assert.Equal(HttpStatusCode.Accepted, (await scenario.Http.PostAsJsonAsync("/api/orchestrators/FailsOnPurpose", "x")).StatusCode);
        await scenario.IdleAsync();

        Assert.True(started > 0, "the tick started no event on 2 March");
        Assert.True(capture.Value(scenario.Factory.Services, "workflows.wheel.tick.runs") >= 1);
        Assert.True(capture.Value(scenario.Factory.Services, "workflows.wheel.events.started") >= started);
        Assert.Equal(1, capture.Value(scenario.Factory.Services, "durabletask.orchestrations.failed", ("durabletask.task.name", "FailsOnPurpose")));
    }

    [Fact]
    public async Task Nothing_personal_leaves_the_process_while_a_nurse_comes_in_and_goes_out()
    {
        var capture = new TelemetryCapture();
        await using var scenario = new NetworkScenario(TelemetryCapture.Settings, capture.AddTo);
        var registered = await scenario.Http.PostAsJsonAsync("/api/nurses", new { unitId = Unit, name = "Kari Nordmann", email = "kari@lorenskog.example", phone = "+47 400 11 222", startDate = "2026-03-02" });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        var nurseId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nurse").GetProperty("id").GetString()!;
        await scenario.IdleAsync();
        await SignAllAsync(scenario);

        var resigned = await scenario.Http.PostAsJsonAsync($"/api/nurses/{nurseId}/resignation", new { endDate = "2026-06-30", reportedBy = "Nurse" });
        Assert.Equal(HttpStatusCode.Accepted, resigned.StatusCode);
        await scenario.IdleAsync();
        var nominate = NetworkScenario.LinkIn(NetworkScenario.To(scenario.NewMail(), Leader, "Ny ressurssykepleier"), "nominate");
        var nominated = await scenario.Http.PostAsync(nominate, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Siv Lie", ["email"] = "siv@lorenskog.example", ["phone"] = "+47 912 34 567", ["startDate"] = "2026-07-01",
        }));
        Assert.Equal(HttpStatusCode.OK, nominated.StatusCode);
        await scenario.IdleAsync();

        // Names, addresses and phone numbers of the nurses and their leaders, and every emailed token (it encodes the
        // name and address of whom it was made for).
        var personal = new List<string>
        {
            "Kari Nordmann", "kari@lorenskog.example", "+47 400 11 222", "Siv Lie", "siv@lorenskog.example", "+47 912 34 567",
            "Avdelingsleder Lørenskog", Leader, "nettverksleder@ahus.example",
        };
        foreach (var message in scenario.Outbox())
        {
            foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(message.TextBody ?? string.Empty, @"/(?:sign|nominate|register|answer|upload|approve)/([A-Za-z0-9_\-]+)\.([A-Za-z0-9_\-]+)"))
            {
                personal.Add(link.Groups[1].Value);
                personal.Add(link.Groups[2].Value);
            }
        }

        var texts = capture.Texts(scenario.Factory.Services).ToList();
        Assert.True(capture.Spans.Count > 50 && capture.Logs.Count > 0, $"{capture.Spans.Count} spans, {capture.Logs.Count} log records: the capture saw too little to prove anything");
        Assert.Contains(texts, t => t.Contains("/sign/{token}", StringComparison.Ordinal));
        var leaks = personal.SelectMany(p => texts.Where(t => t.Contains(p, StringComparison.OrdinalIgnoreCase)).Select(t => $"{p} in: {t}")).ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks.Take(20)));
    }

    private static async Task SignAllAsync(NetworkScenario scenario)
    {
        await scenario.SignAsync(NetworkScenario.LinkIn(NetworkScenario.To(scenario.NewMail(), "kari@lorenskog.example", "Signer funksjonsbeskrivelsen"), "sign"));
        await scenario.SignAsync(NetworkScenario.LinkIn(NetworkScenario.To(scenario.NewMail(), Leader, "Signer funksjonsbeskrivelsen"), "sign"));
        await scenario.SignAsync(NetworkScenario.LinkIn(NetworkScenario.To(scenario.NewMail(), "nettverksleder@ahus.example", "Signer funksjonsbeskrivelsen"), "sign"));
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();
}
