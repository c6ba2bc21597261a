using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflows.Adapters.Email;
using Workflows.Adapters.Registry;
using Workflows.Email;
using Workflows.Signing;
using Workflows.Telemetry;
using Workflows.TestSupport;

namespace Workflows.Tests.Telemetry;

/// <summary>The network's instruments, read with a <see cref="MeterListener"/> on this test's own meter factory.</summary>
public sealed class WorkflowsMetricsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "metrics-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly List<(string Instrument, double Value, Dictionary<string, string?> Tags)> measured = [];
    private readonly MeterListener listener = new();
    private readonly WorkflowsMetrics metrics;

    public WorkflowsMetricsTests()
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        metrics = new WorkflowsMetrics(factory);
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's meter: other tests in the process make meters of the same name.
            if (instrument.Meter.Name == WorkflowsMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    [Fact]
    public async Task EmailSent_ByProvider_WhenTheProviderTakesIt()
    {
        var sender = new MeteredEmailSender(new OutboxEmailSender(folder, new EmailAddress("nettverk@ahus.example"), clock), "Outbox", metrics);

        await sender.SendAsync(Message("k-1"));

        Assert.Equal(1, Sum("workflows.emails.sent", ("provider", "Outbox")));
        Assert.Equal(0, Sum("workflows.emails.refused"));
    }

    [Fact]
    public async Task EmailRefused_AsTransient_WhenTheServerCannotBeReached()
    {
        using var store = new SqliteRegistryStore(Path.Combine(folder, "registry.db"));
        var smtp = new SmtpEmailSender(
            new SmtpOptions { Host = "127.0.0.1", Port = FreePorts.Next(), UseTls = false, From = new EmailAddress("nettverk@ahus.example") }, store, clock);
        var sender = new MeteredEmailSender(smtp, "Smtp", metrics);

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(Message("k-2")));

        Assert.Equal(1, Sum("workflows.emails.refused", ("provider", "Smtp"), ("transient", "True")));
        Assert.Equal(0, Sum("workflows.emails.sent"));
    }

    [Fact]
    public void SignaturesWaiting_ReportsTheLastCount_ByWhoseTurnItIs()
    {
        listener.RecordObservableInstruments();
        Assert.Empty(measured);

        metrics.SignaturesCounted(new SigningBacklog(clock.GetUtcNow(), new Dictionary<SignerRole, (int, DateTimeOffset)>
        {
            [SignerRole.Nurse] = (3, clock.GetUtcNow().AddHours(-30)),
            [SignerRole.NetworkLeader] = (1, clock.GetUtcNow().AddHours(-2)),
        }));
        listener.RecordObservableInstruments();

        Assert.Equal(3, Sum("workflows.signatures.waiting", ("waiting_for", "Nurse")));
        Assert.Equal(0, Sum("workflows.signatures.waiting", ("waiting_for", "NearestLeader")));
        Assert.Equal(30, Sum("workflows.signatures.oldest_wait", ("waiting_for", "Nurse")));
        Assert.Equal(2, Sum("workflows.signatures.oldest_wait", ("waiting_for", "NetworkLeader")));
    }

    [Fact]
    public void TickRan_CountsTheRunAndTheEventsItStarted()
    {
        metrics.TickRan(started: 3);
        metrics.TickRan(started: 0);

        Assert.Equal(2, Sum("workflows.wheel.tick.runs"));
        Assert.Equal(3, Sum("workflows.wheel.events.started"));
    }

    public void Dispose()
    {
        listener.Dispose();
        services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static EmailMessage Message(string key) => new()
    {
        IdempotencyKey = key,
        To = [new EmailAddress("leder@ahus.example")],
        Subject = "Test",
        TextBody = "Hei",
    };

    private double Sum(string instrument, params (string Key, string Value)[] where)
    {
        lock (measured)
        {
            return measured.Where(m => m.Instrument == instrument && where.All(w => m.Tags.GetValueOrDefault(w.Key) == w.Value)).Sum(m => m.Value);
        }
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        lock (measured)
        {
            measured.Add((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
        }
    }
}
