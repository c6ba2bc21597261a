using System.Diagnostics.Metrics;

namespace Workflows.Telemetry;

/// <summary>
/// What the network's operator watches, as OpenTelemetry instruments on the meter <see cref="MeterName"/>: emails
/// sent and refused by provider, documents filed, wheel ticks and the events they started, and signatures waiting and
/// how long. Attributes are names of things (provider, orchestration, role, network), never of people.
/// </summary>
public sealed class WorkflowsMetrics
{
    /// <summary>The meter's name, for exporters to listen to.</summary>
    public const string MeterName = "Workflows";

    private readonly Counter<long> emailsSent;
    private readonly Counter<long> emailsRefused;
    private readonly Counter<long> documentsFiled;
    private readonly Counter<long> tickRuns;
    private readonly Counter<long> eventsStarted;
    private volatile SigningBacklog backlog = SigningBacklog.Unknown;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/> (the host's, so they are disposed with it).</summary>
    public WorkflowsMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        emailsSent = meter.CreateCounter<long>("workflows.emails.sent", "{email}", "Emails the provider accepted.");
        emailsRefused = meter.CreateCounter<long>("workflows.emails.refused", "{email}", "Emails the provider refused or could not be reached for; a transient refusal is retried.");
        documentsFiled = meter.CreateCounter<long>("workflows.documents.filed", "{document}", "Documents stored: letters, signed function descriptions, minutes, reports.");
        tickRuns = meter.CreateCounter<long>("workflows.wheel.tick.runs", "{run}", "Runs of the wheel's daily tick.");
        eventsStarted = meter.CreateCounter<long>("workflows.wheel.events.started", "{event}", "Wheel events the tick started.");
        meter.CreateObservableGauge("workflows.signatures.waiting", () => backlog.WaitingMeasurements(), "{signature}", "Function descriptions waiting for a signature, by whose turn it is.");
        meter.CreateObservableGauge("workflows.signatures.oldest_wait", () => backlog.OldestWaitMeasurements(), "h", "Hours the longest-waiting signature has waited, by whose turn it is.");
    }

    /// <summary>An email the provider accepted.</summary>
    public void EmailSent(string provider) => emailsSent.Add(1, new KeyValuePair<string, object?>("provider", provider));

    /// <summary>An email the provider refused; <paramref name="transient"/> when a retry may pass.</summary>
    public void EmailRefused(string provider, bool transient) =>
        emailsRefused.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("transient", transient));

    /// <summary>A document stored; <paramref name="immutable"/> for a signed or archived one.</summary>
    public void DocumentFiled(bool immutable) => documentsFiled.Add(1, new KeyValuePair<string, object?>("immutable", immutable));

    /// <summary>A tick ran and started <paramref name="started"/> events.</summary>
    public void TickRan(int started)
    {
        tickRuns.Add(1);
        if (started > 0)
        {
            eventsStarted.Add(started);
        }
    }

    /// <summary>The signatures waiting as last counted (the gauges report it until the next count).</summary>
    public void SignaturesCounted(SigningBacklog counted) => backlog = counted ?? SigningBacklog.Unknown;
}
