using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Workflows.Documents;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Durable;
using Workflows.Network;

using Workflows.TestSupport;

namespace Workflows.Functions.Tests.Support;

/// <summary>
/// The host with the seeded networks on a fake clock: the operator's HTTP client, the outbox read back as MIME, the
/// document store, and a clock that runs the engine's due work as it moves.
/// </summary>
public sealed class NetworkScenario : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts the host; <paramref name="settings"/> may put the engine, registry and documents elsewhere. With
    /// <paramref name="realClock"/> the host keeps the system clock (DurableTask.AzureStorage fires timers by it), and
    /// steps wait for what they expect to see instead of for the backend to be idle.
    /// </summary>
    public NetworkScenario(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null, bool realClock = false)
    {
        Clock = new FakeTimeProvider(Start);
        RealClock = realClock;
        Factory = new HostFactory { Clock = realClock ? null : Clock, Settings = settings ?? new Dictionary<string, string>(), ExtraServices = services };
        Http = Factory.Operator();
    }

    /// <summary>Whether the host runs on the system clock (and a store that cannot tell when it is idle).</summary>
    public bool RealClock { get; }

    public FakeTimeProvider Clock { get; }

    public HostFactory Factory { get; }

    public HttpClient Http { get; }

    public IDocumentStore Documents => Factory.Services.GetRequiredService<IDocumentStore>();

    public NetworkRegistry Registry => Factory.Services.GetRequiredService<NetworkRegistry>();

    public DurableTaskClient Durable => Factory.Durable;

    /// <summary>Registers a nurse through the API and waits until the welcome and first signing request are out.</summary>
    public async Task<string> RegisterNurseAsync(string unitId, string name, string email, bool furtherEducation = false)
    {
        var response = await Http.PostAsJsonAsync("/api/nurses", new { unitId, name, email, hasFurtherEducation = furtherEducation, startDate = "2026-03-02" });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        await IdleAsync();
        var nurseId = body.GetProperty("nurse").GetProperty("id").GetString()!;
        var instance = await Durable.GetInstanceAsync(Workflows.Onboarding.OnboardingOrchestration.InstanceIdFor(nurseId), getInputsAndOutputs: true);
        if (instance is not { IsRunning: true } || Outbox().Count == 0)
        {
            var history = await Http.GetStringAsync($"/runtime/webhooks/durabletask/instances/{instance?.InstanceId}?showHistory=true&showHistoryOutput=true");
            Assert.Fail($"Onboarding did not get going: {history}");
        }

        return body.GetProperty("nurse").GetProperty("id").GetString()!;
    }

    /// <summary>Adds an active resource nurse straight to the registry (no onboarding): someone for the wheel's emails to reach.</summary>
    public async Task<string> AddActiveNurseAsync(string networkId, string unitId, string name, string email, string? id = null)
    {
        var nurse = await Registry.CreateAsync(
            new ResourceNurse
            {
                Id = id ?? NetworkRegistry.NewNurseId(),
                NetworkId = networkId,
                UnitId = unitId,
                Name = name,
                Email = email,
                StartDate = new DateOnly(2025, 1, 6),
                Status = NurseStatus.Active,
            },
            "test");
        return nurse.Entity.Id;
    }

    /// <summary>Waits until the worker has nothing due.</summary>
    public Task IdleAsync() => RealClock ? Task.CompletedTask : Factory.IdleAsync();

    /// <summary>
    /// Waits for an email to <paramref name="address"/> whose subject contains <paramref name="subject"/> among the new
    /// mail; gives up only when the outbox stops growing for a stretch.
    /// </summary>
    public async Task<MimeMessage> MailAsync(string address, string subject)
    {
        var arrived = new List<MimeMessage>();
        bool Matches(MimeMessage m) => m.To.Mailboxes.Any(b => b.Address == address) && (m.Subject ?? string.Empty).Contains(subject, StringComparison.Ordinal);
        await Progress.WhileMovingAsync(
            async token =>
            {
                while (!arrived.Any(Matches))
                {
                    arrived.AddRange(NewMail());
                    await Task.Delay(100, token);
                }
            },
            () => Outbox().Count,
            $"no email to {address} about '{subject}'");
        return To(arrived, address, subject);
    }

    /// <summary>Moves the clock to each next due time until <paramref name="by"/> has passed, running what falls due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var until = Clock.GetUtcNow() + by;
        await IdleAsync();
        var worker = Factory.Services.GetRequiredService<IDurableTaskBackendMonitor>();
        while (await worker.GetNextDueTimeAsync() is { } next && next <= until)
        {
            Clock.SetUtcNow(next > Clock.GetUtcNow() ? next : Clock.GetUtcNow());
            await IdleAsync();
        }

        Clock.SetUtcNow(until);
        await IdleAsync();
    }

    /// <summary>Every email in the outbox, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Outbox()
    {
        var folder = Path.Combine(Factory.DataDirectory, "outbox");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetFiles(folder, "*.eml").Select(path => MimeMessage.Load(path)).OrderBy(m => m.Date).ToList();
    }

    /// <summary>Emails that arrived since the last call.</summary>
    public IReadOnlyList<MimeMessage> NewMail()
    {
        var fresh = Outbox().Where(m => seen.Add(m.MessageId ?? string.Empty)).ToList();
        return fresh;
    }

    /// <summary>The single new email to <paramref name="address"/> whose subject contains <paramref name="subject"/>.</summary>
    public static MimeMessage To(IEnumerable<MimeMessage> mail, string address, string subject)
    {
        var list = mail.ToList();
        var found = list.Where(m => m.To.Mailboxes.Any(b => b.Address == address) && (m.Subject ?? string.Empty).Contains(subject, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"Expected one email to {address} about '{subject}'; got: {string.Join("; ", list.Select(m => $"{m.To} '{m.Subject}'"))}");
        return found[0];
    }

    /// <summary>The path of the action link (<c>/sign/…</c> or <c>/nominate/…</c>) in an email.</summary>
    public static string LinkIn(MimeMessage message, string purpose)
    {
        var match = Regex.Match(message.TextBody ?? string.Empty, $@"https?://[^\s/]+(/{purpose}/[A-Za-z0-9_\-.]+)");
        Assert.True(match.Success, $"No {purpose} link in: {message.TextBody}");
        return match.Groups[1].Value;
    }

    /// <summary>Opens a signing link and confirms it, optionally as forwarded by the Functions host for <paramref name="forwardedFor"/>.</summary>
    public async Task<HttpResponseMessage> SignAsync(string path, string? forwardedFor = null)
    {
        var page = await Http.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([]) };
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (Test)");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        var response = await Http.SendAsync(request);
        await IdleAsync();
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Factory.DisposeAsync();
    }
}
