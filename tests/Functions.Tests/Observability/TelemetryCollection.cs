namespace Workflows.Functions.Tests.Observability;

/// <summary>
/// The tests that switch telemetry on, run with no other test class beside them. OpenTelemetry's providers listen
/// through process-wide listeners (meters by name, activity sources, diagnostic listeners): a provider of one test's host
/// also sees the meter "Workflows" of every other host alive in the process, and the SDK keeps the first instrument of a
/// name and drops measurements from the others, so a busy run could miss a test host's own counts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Telemetry, alone";
}
